using System.Globalization;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas.Matching;

namespace CultureBot.Core.Personas;

/// <summary>
/// The packs the bot answers from, and a matcher per pack built once. Each organization sees its own packs and, in
/// the languages it has none of its own, the default packs (<see cref="PersonaPack.Owner"/> null); never another
/// organization's. A user is answered from their organization's pack in their language when there is one, else
/// from its first pack (content comes in the pack's language).
/// </summary>
public sealed class PersonaDirectory
{
    private volatile Snapshot _current;

    public PersonaDirectory(IEnumerable<PersonaPack> packs) => _current = new Snapshot(packs);

    /// <summary>Every pack loaded, of every organization and the defaults: for the host, never for a conversation.</summary>
    public IReadOnlyList<PersonaPack> Packs => _current.Packs;

    /// <summary>Swaps in a new set of packs at once (after an import): a reader sees the old set or the new one.</summary>
    public void Replace(IEnumerable<PersonaPack> packs) => _current = new Snapshot(packs);

    /// <summary>The packs <paramref name="organization"/> sees: its own, then the defaults in the languages it has none of.</summary>
    public IReadOnlyList<PersonaPack> PacksFor(OrganizationKey organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return _current.For(organization);
    }

    public PersonaPack? PackFor(OrganizationKey organization, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var packs = PacksFor(organization);
        return packs.FirstOrDefault(p => string.Equals(Language(p), culture.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase))
            ?? (packs.Count > 0 ? packs[0] : null);
    }

    /// <summary>The pack of the conversation's organization in the user's language.</summary>
    public PersonaPack? PackFor(ConversationKey conversation, CultureInfo culture) => PackFor(OrganizationKey.Of(conversation), culture);

    /// <summary>The pack <paramref name="slug"/> as <paramref name="organization"/> sees it (a game or enrolment names its pack by slug).</summary>
    public PersonaPack? Find(OrganizationKey organization, string slug)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var current = _current;
        return current.Packs.FirstOrDefault(p => p.Owner == organization && p.Slug == slug)
            ?? current.Packs.FirstOrDefault(p => p.Owner is null && p.Slug == slug);
    }

    public PersonaMatcher MatcherFor(PersonaPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return _current.Matchers.TryGetValue(pack, out var matcher) ? matcher : new PersonaMatcher(pack);
    }

    private static string Language(PersonaPack pack) => pack.Language.Split('-')[0];

    /// <summary>The packs and their matchers, built together and never changed (packs of the same slug differ by owner: matchers are keyed by the pack itself).</summary>
    private sealed class Snapshot
    {
        private readonly IReadOnlyList<PersonaPack> _defaults;
        private readonly Dictionary<OrganizationKey, IReadOnlyList<PersonaPack>> _byOrganization;

        public Snapshot(IEnumerable<PersonaPack> packs)
        {
            Packs = [.. packs];
            Matchers = Packs.ToDictionary<PersonaPack, PersonaPack, PersonaMatcher>(p => p, p => new PersonaMatcher(p), ReferenceEqualityComparer.Instance);
            _defaults = [.. Packs.Where(p => p.Owner is null)];
            _byOrganization = Packs.Where(p => p.Owner is not null).GroupBy(p => p.Owner!).ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<PersonaPack>)[.. g, .. _defaults.Where(d => !g.Any(own => string.Equals(Language(own), Language(d), StringComparison.OrdinalIgnoreCase)))]);
        }

        public IReadOnlyList<PersonaPack> Packs { get; }

        public Dictionary<PersonaPack, PersonaMatcher> Matchers { get; }

        public IReadOnlyList<PersonaPack> For(OrganizationKey organization) => _byOrganization.GetValueOrDefault(organization) ?? _defaults;
    }

    /// <summary>
    /// The persona a user means by <paramref name="name"/>, tolerant of case, accents and a typo or two
    /// ("quentn", "LEA", "Léa", "famille martin"), or the beginning of a name ("cam"); null when nothing is close enough.
    /// </summary>
    public static Persona? Resolve(PersonaPack pack, string name) => Resolve(pack, name, strict: false);

    /// <summary>
    /// The persona a whole message names on its own ("Camille", "camile", "Famille Martin"): its name or id exactly,
    /// or one typo away for names of four letters or more. Stricter than <see cref="Resolve(PersonaPack, string)"/>,
    /// which reads what follows <c>persona</c>: here any short message is a candidate, and "cam" or "hi" must not open a sheet.
    /// </summary>
    public static Persona? ResolveBareName(PersonaPack pack, string message) => Resolve(pack, message, strict: true);

    private static Persona? Resolve(PersonaPack pack, string name, bool strict)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var wanted = TextMatching.Fold(name).Trim('"', '\'', '«', '»', ' ');
        if (wanted.Length == 0)
        {
            return null;
        }

        var candidates = pack.Personas.Select(p => (Persona: p, Keys: new[] { TextMatching.Fold(p.Name), TextMatching.Fold(p.Id).Replace('-', ' ') })).ToList();
        if (candidates.FirstOrDefault(c => c.Keys.Contains(wanted)).Persona is { } exact)
        {
            return exact;
        }

        if (!strict && candidates.FirstOrDefault(c => c.Keys.Any(k => k.StartsWith(wanted, StringComparison.Ordinal) && wanted.Length >= 3)).Persona is { } begun)
        {
            return begun;
        }

        var typos = strict ? (wanted.Length >= 4 ? 1 : 0) : (wanted.Length >= 6 ? 2 : 1);
        return candidates
            .Select(c => (c.Persona, Distance: c.Keys.Min(k => TextMatching.EditDistance(k, wanted))))
            .Where(c => c.Distance <= typos)
            .OrderBy(c => c.Distance)
            .Select(c => c.Persona)
            .FirstOrDefault();
    }
}
