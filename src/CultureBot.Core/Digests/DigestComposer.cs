using CultureBot.Core.Verbatims;

namespace CultureBot.Core.Digests;

/// <summary>What one digest shows.</summary>
/// <param name="Picks">The verbatims to post, in order.</param>
/// <param name="OfTheWeek">The one to put first and large.</param>
/// <param name="Counts">This week's verbatims by kind (all of them, not only the picks).</param>
/// <param name="CycleRestarted">Every candidate had been shown in this conversation: the shown list starts again.</param>
public sealed record DigestContent(IReadOnlyList<Verbatim> Picks, Verbatim? OfTheWeek, IReadOnlyDictionary<VerbatimKind, int> Counts, bool CycleRestarted);

/// <summary>
/// Chooses a digest: verbatims not yet shown in the conversation, this week's first, spread across personas and
/// kinds (one from each persona-and-kind in turn, so that one talkative persona or a week of complaints does not
/// fill the card). When everything has been shown, the cycle starts again.
/// </summary>
public static class DigestComposer
{
    public const int MaxPicks = 6;

    /// <param name="week">The verbatims said this week.</param>
    /// <param name="older">Older verbatims, to fill a quiet week.</param>
    /// <param name="shown">Ids already posted in the conversation.</param>
    /// <param name="personaOfTheWeek">The persona of the week's id, whose verbatim is preferred as the verbatim of the week.</param>
    public static DigestContent Compose(IReadOnlyList<Verbatim> week, IReadOnlyList<Verbatim> older, IReadOnlySet<long> shown, string? personaOfTheWeek, int maxPicks = MaxPicks)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(shown);
        var counts = Enum.GetValues<VerbatimKind>().ToDictionary(k => k, k => week.Count(v => v.Kind == k));

        var candidates = week.Concat(older.Where(o => week.All(w => w.Id != o.Id))).ToList();
        var unshown = candidates.Where(v => !shown.Contains(v.Id)).ToList();
        var restarted = unshown.Count == 0 && candidates.Count > 0;
        var pool = restarted ? candidates : unshown;

        var weekIds = week.Select(v => v.Id).ToHashSet();
        var picks = RoundRobin(pool.Where(v => weekIds.Contains(v.Id)).ToList(), maxPicks);
        if (picks.Count < maxPicks)
        {
            picks.AddRange(RoundRobin(pool.Where(v => !weekIds.Contains(v.Id)).ToList(), maxPicks - picks.Count));
        }

        var ofTheWeek = picks.FirstOrDefault(v => personaOfTheWeek is not null && v.PersonaId == personaOfTheWeek)
            ?? picks.OrderByDescending(v => v.Text.Length).FirstOrDefault();
        if (ofTheWeek is not null)
        {
            picks.Remove(ofTheWeek);
            picks.Insert(0, ofTheWeek);
        }

        return new DigestContent(picks, ofTheWeek, counts, restarted);
    }

    /// <summary>
    /// Newest first within each persona-and-kind; one from each group per round. Groups are ordered so that
    /// consecutive picks change persona, and each persona starts with a different kind: six picks from four personas
    /// cover all four and all three kinds, not the first two personas' everything.
    /// </summary>
    private static List<Verbatim> RoundRobin(List<Verbatim> pool, int max)
    {
        var personas = pool.Select(v => v.PersonaId ?? string.Empty).Distinct().Order(StringComparer.Ordinal).ToList();
        var kinds = Enum.GetValues<VerbatimKind>().Length;
        int Rank(string persona, VerbatimKind? kind) =>
            kind is { } k ? (((int)k - personas.IndexOf(persona)) % kinds + kinds) % kinds : kinds;

        var groups = pool
            .GroupBy(v => (Persona: v.PersonaId ?? string.Empty, v.Kind))
            .OrderBy(g => Rank(g.Key.Persona, g.Key.Kind)).ThenBy(g => personas.IndexOf(g.Key.Persona))
            .Select(g => new Queue<Verbatim>(g.OrderByDescending(v => v.Date ?? DateOnly.MaxValue).ThenByDescending(v => v.Id)))
            .ToList();
        var picks = new List<Verbatim>();
        while (picks.Count < max && groups.Any(q => q.Count > 0))
        {
            foreach (var group in groups.Where(q => q.Count > 0))
            {
                if (picks.Count == max)
                {
                    break;
                }

                picks.Add(group.Dequeue());
            }
        }

        return picks;
    }
}
