using CultureBot.Core.Personas.Matching;
using CultureBot.Core.Privacy;

namespace CultureBot.Core.Insights;

/// <summary>A group of descriptions no persona fitted well, around a word they share.</summary>
/// <param name="Label">The shared words, most shared first, as people typed them ("retired · sailor").</param>
/// <param name="Count">How many descriptions are in the group.</param>
/// <param name="Examples">A few of them, newest first.</param>
/// <param name="NearestPersonaId">The persona they came closest to most often (what may be out of date), if any.</param>
public sealed record MissingGroup(string Label, int Count, IReadOnlyList<string> Examples, string? NearestPersonaId);

/// <summary>
/// Groups what no persona fitted: simple, explainable, no model. Each text becomes its content words (the matcher's own
/// analysis: accents and case folded, French and English function words dropped, light stems, so "retraités" meets
/// "retraité"). A word counts when at least two texts share it. Each text joins the group of its most shared word
/// (ties: alphabetical), so a group reads "these N descriptions all talk about X"; the label adds the words most of
/// the group also shares. Texts that share no word with any other are left out (one description is not a pattern).
/// </summary>
public static class MissingCulture
{
    public const int ExamplesPerGroup = 3;
    private const int LabelWords = 3;

    private static readonly string[] Masks = [PersonalDataRedactor.Email, PersonalDataRedactor.Iban, PersonalDataRedactor.Card, PersonalDataRedactor.Phone];

    public static IReadOnlyList<MissingGroup> Group(IReadOnlyList<UnmatchedDescription> descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        var texts = descriptions.Select(d => (Description: d, Stems: Stems(d.Text))).ToList();
        var shared = texts.SelectMany(t => t.Stems.Keys).GroupBy(s => s, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var groups = texts
            .Select(t => (t.Description, t.Stems, Key: t.Stems.Keys.Where(shared.ContainsKey)
                .OrderByDescending(s => shared[s]).ThenBy(s => s, StringComparer.Ordinal).FirstOrDefault()))
            .Where(t => t.Key is not null)
            .GroupBy(t => t.Key!, StringComparer.Ordinal);

        return [.. groups
            .Select(g => new MissingGroup(
                Label(g.Key, [.. g.Select(t => t.Stems)]),
                g.Count(),
                [.. g.OrderByDescending(t => t.Description.OccurredAt).Take(ExamplesPerGroup).Select(t => t.Description.Text)],
                g.Where(t => t.Description.PersonaId is not null).GroupBy(t => t.Description.PersonaId!, StringComparer.Ordinal)
                    .OrderByDescending(p => p.Count()).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).FirstOrDefault()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal)];
    }

    /// <summary>The group's word first, then the words more than half of the group shares, as typed.</summary>
    private static string Label(string key, IReadOnlyList<Dictionary<string, string>> members)
    {
        var others = members.SelectMany(m => m.Keys).Where(s => s != key).GroupBy(s => s, StringComparer.Ordinal)
            .Where(s => s.Count() * 2 > members.Count && members.Count >= 2)
            .OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).Take(LabelWords - 1).Select(s => s.Key);
        return string.Join(" · ", new[] { key }.Concat(others).Select(stem => AsTyped(stem, members)));
    }

    /// <summary>The spelling people used most for a stem.</summary>
    private static string AsTyped(string stem, IReadOnlyList<Dictionary<string, string>> members) =>
        members.Where(m => m.ContainsKey(stem)).GroupBy(m => m[stem], StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    /// <summary>Each content word's stem, with its first spelling (lower case) in the text.</summary>
    private static Dictionary<string, string> Stems(string text)
    {
        // Masked personal data ("[email]") is no word of the customer's.
        foreach (var mask in Masks)
        {
            text = text.Replace(mask, " ", StringComparison.Ordinal);
        }

        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, typed) in TextAnalyzer.Tokens(text))
        {
            if (TextAnalyzer.Stem(word) is { } stem)
            {
                stems.TryAdd(stem, typed.ToLowerInvariant());
            }
        }

        return stems;
    }
}
