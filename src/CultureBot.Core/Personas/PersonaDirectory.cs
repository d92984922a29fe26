using System.Globalization;
using CultureBot.Core.Bot;
using CultureBot.Core.Personas.Matching;

namespace CultureBot.Core.Personas;

/// <summary>
/// The packs the bot answers from, and a matcher per pack built once. A user is answered from the pack in their
/// language when there is one, else from the first pack (content comes in the pack's language).
/// </summary>
public sealed class PersonaDirectory
{
    private volatile Snapshot _current;

    public PersonaDirectory(IEnumerable<PersonaPack> packs) => _current = new Snapshot(packs);

    public IReadOnlyList<PersonaPack> Packs => _current.Packs;

    /// <summary>Swaps in a new set of packs at once (after an import): a reader sees the old set or the new one.</summary>
    public void Replace(IEnumerable<PersonaPack> packs) => _current = new Snapshot(packs);

    public PersonaPack? PackFor(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var packs = Packs;
        return packs.FirstOrDefault(p => string.Equals(p.Language.Split('-')[0], culture.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase))
            ?? (packs.Count > 0 ? packs[0] : null);
    }

    public PersonaMatcher MatcherFor(PersonaPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var current = _current;
        return current.Matchers.TryGetValue(pack.Slug, out var matcher) && ReferenceEquals(matcher.Pack, pack) ? matcher : new PersonaMatcher(pack);
    }

    /// <summary>The packs and their matchers, built together and never changed.</summary>
    private sealed class Snapshot
    {
        public Snapshot(IEnumerable<PersonaPack> packs)
        {
            Packs = [.. packs];
            Matchers = Packs.ToDictionary(p => p.Slug, p => new PersonaMatcher(p), StringComparer.Ordinal);
        }

        public IReadOnlyList<PersonaPack> Packs { get; }

        public Dictionary<string, PersonaMatcher> Matchers { get; }
    }

    /// <summary>
    /// The persona a user means by <paramref name="name"/>, tolerant of case, accents and a typo or two
    /// ("quentn", "LEA", "Léa", "famille martin"); null when nothing is close enough.
    /// </summary>
    public static Persona? Resolve(PersonaPack pack, string name)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var wanted = TextMatching.Fold(name).Trim('"', '\'', '«', '»', ' ');
        if (wanted.Length == 0)
        {
            return null;
        }

        var candidates = pack.Personas.Select(p => (Persona: p, Keys: new[] { TextMatching.Fold(p.Name), TextMatching.Fold(p.Id).Replace('-', ' ') })).ToList();
        return candidates.FirstOrDefault(c => c.Keys.Contains(wanted)).Persona
            ?? candidates.FirstOrDefault(c => c.Keys.Any(k => k.StartsWith(wanted, StringComparison.Ordinal) && wanted.Length >= 3)).Persona
            ?? candidates
                .Select(c => (c.Persona, Distance: c.Keys.Min(k => Distance(k, wanted))))
                .Where(c => c.Distance <= (wanted.Length >= 6 ? 2 : 1))
                .OrderBy(c => c.Distance)
                .Select(c => c.Persona)
                .FirstOrDefault();
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
