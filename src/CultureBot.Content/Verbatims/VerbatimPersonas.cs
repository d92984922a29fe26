using CultureBot.Core.Bot;
using CultureBot.Core.Personas;

namespace CultureBot.Content.Verbatims;

/// <summary>
/// The personas a verbatim file names that no pack knows: a verbatim of an unknown persona is kept (it may be the
/// pack that is late), but it never shows on a persona's sheet or in its part of the digest, so the operator is told.
/// </summary>
public static class VerbatimPersonas
{
    /// <summary>
    /// The names in <paramref name="named"/> (persona as written → verbatims naming it) that are neither the id nor the
    /// name of a persona in <paramref name="packs"/> (case and accents ignored), most named first.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, int>> NotIn(IEnumerable<PersonaPack> packs, IReadOnlyDictionary<string, int> named)
    {
        ArgumentNullException.ThrowIfNull(packs);
        ArgumentNullException.ThrowIfNull(named);
        var known = packs.SelectMany(p => p.Personas).SelectMany(p => new[] { p.Id, p.Name }).Select(TextMatching.Fold).ToHashSet(StringComparer.Ordinal);
        return [.. named.Where(n => !known.Contains(TextMatching.Fold(n.Key))).OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.OrdinalIgnoreCase)];
    }
}
