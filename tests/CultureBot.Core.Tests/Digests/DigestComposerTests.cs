using CultureBot.Core.Conversations;
using CultureBot.Core.Digests;
using CultureBot.Core.Verbatims;

namespace CultureBot.Core.Tests.Digests;

public class DigestComposerTests
{
    private static long _ids;

    private static Verbatim V(string persona, VerbatimKind kind, int day = 18, string? text = null) => new()
    {
        Id = Interlocked.Increment(ref _ids),
        Text = text ?? $"{persona} {kind} {day}",
        PersonaId = persona,
        Kind = kind,
        Date = new DateOnly(2026, 11, day),
        Language = "en",
    };

    [Fact]
    public void A_week_of_complaints_from_one_persona_does_not_fill_the_digest()
    {
        var week = Enumerable.Range(0, 10).Select(i => V("camille", VerbatimKind.Irritant, 16 + (i % 7))).ToList();
        week.Add(V("gerard", VerbatimKind.Delight));
        week.Add(V("ines", VerbatimKind.Expectation));

        var digest = DigestComposer.Compose(week, [], new HashSet<long>(), personaOfTheWeek: null);

        Assert.Equal(DigestComposer.MaxPicks, digest.Picks.Count);
        Assert.Contains(digest.Picks, v => v.PersonaId == "gerard");
        Assert.Contains(digest.Picks, v => v.PersonaId == "ines");
        Assert.Equal(10, digest.Counts[VerbatimKind.Irritant]);
        Assert.Equal(1, digest.Counts[VerbatimKind.Delight]);
    }

    [Fact]
    public void Nothing_comes_back_before_everything_has_been_shown_then_the_cycle_restarts()
    {
        var all = Enumerable.Range(0, 9).Select(i => V($"p{i % 3}", (VerbatimKind)(i % 3), 16 + i % 7)).ToList();
        var shown = new HashSet<long>();
        var seen = new List<long>();

        var first = DigestComposer.Compose(all, [], shown, null);
        shown.UnionWith(first.Picks.Select(p => p.Id));
        var second = DigestComposer.Compose(all, [], shown, null);
        shown.UnionWith(second.Picks.Select(p => p.Id));
        var third = DigestComposer.Compose(all, [], shown, null);

        Assert.Equal(6, first.Picks.Count);
        Assert.Equal(3, second.Picks.Count);
        Assert.Empty(first.Picks.Select(p => p.Id).Intersect(second.Picks.Select(p => p.Id)));
        Assert.False(second.CycleRestarted);
        Assert.True(third.CycleRestarted);
        Assert.Equal(6, third.Picks.Count);
    }

    [Fact]
    public void A_quiet_week_is_filled_with_older_verbatims_not_yet_shown()
    {
        var week = new[] { V("camille", VerbatimKind.Delight) };
        var older = new[] { V("gerard", VerbatimKind.Irritant, 2), V("ines", VerbatimKind.Expectation, 3) };

        var digest = DigestComposer.Compose(week, older, new HashSet<long>(), null);

        Assert.Equal(3, digest.Picks.Count);
        Assert.Equal(1, digest.Counts.Values.Sum());
    }

    [Fact]
    public void The_verbatim_of_the_week_is_the_persona_of_the_weeks_when_there_is_one()
    {
        var week = new[] { V("camille", VerbatimKind.Delight, text: "A much longer verbatim than the other one, by far."), V("gerard", VerbatimKind.Irritant, text: "Short.") };

        var gerard = DigestComposer.Compose(week, [], new HashSet<long>(), "gerard");
        var nobody = DigestComposer.Compose(week, [], new HashSet<long>(), null);

        Assert.Equal("gerard", gerard.OfTheWeek!.PersonaId);
        Assert.Same(gerard.OfTheWeek, gerard.Picks[0]);
        Assert.Equal("camille", nobody.OfTheWeek!.PersonaId);
    }

    [Fact]
    public void No_verbatim_no_digest_content()
    {
        var digest = DigestComposer.Compose([], [], new HashSet<long>(), null);

        Assert.Empty(digest.Picks);
        Assert.Null(digest.OfTheWeek);
        Assert.False(digest.CycleRestarted);
    }
}

public class DigestScheduleTests
{
    private static readonly ConversationKey Channel = new(Platforms.Teams, "t", "19:c");

    [Fact]
    public void Monday_nine_in_paris_is_eight_utc_in_winter_and_seven_in_summer()
    {
        var subscription = new DigestSubscription(Channel, DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Paris", "fr");

        var winter = subscription.NextAfter(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var summer = subscription.NextAfter(new DateTimeOffset(2026, 6, 10, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), winter);
        Assert.Equal(new DateTimeOffset(2026, 6, 15, 7, 0, 0, TimeSpan.Zero), summer);
    }

    [Fact]
    public void The_next_send_is_strictly_after_so_the_hour_itself_moves_to_next_week()
    {
        var subscription = new DigestSubscription(Channel, DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", "en");
        var mondayNine = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(mondayNine.AddDays(7), subscription.NextAfter(mondayNine));
        Assert.Equal(mondayNine, subscription.NextAfter(mondayNine.AddMinutes(-1)));
    }

    [Fact]
    public void A_time_in_the_spring_forward_gap_is_sent_an_hour_later_not_skipped()
    {
        var subscription = new DigestSubscription(Channel, DayOfWeek.Sunday, new TimeOnly(2, 30), "Europe/Paris", "fr");

        var next = subscription.NextAfter(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Windows_zone_ids_work_too() =>
        Assert.Equal(
            new DigestSubscription(Channel, DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Paris", "fr").NextAfter(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)),
            new DigestSubscription(Channel, DayOfWeek.Monday, new TimeOnly(9, 0), "Romance Standard Time", "fr").NextAfter(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)));
}

public class DigestDueTests
{
    private static readonly DigestSubscription Monday9 = new(new ConversationKey(Platforms.Slack, "T", "C"), DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", "en");
    private static readonly DateTimeOffset Nov23At9 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Nothing_is_owed_right_after_subscribing_and_one_digest_is_owed_once_the_hour_passes()
    {
        var subscribedSunday = Monday9 with { LastSentFor = Monday9.LatestAtOrBefore(Nov23At9.AddDays(-1)) };

        Assert.False(subscribedSunday.IsDue(Nov23At9.AddDays(-1)));
        Assert.False(subscribedSunday.IsDue(Nov23At9.AddSeconds(-1)));
        Assert.True(subscribedSunday.IsDue(Nov23At9));
        Assert.False((subscribedSunday with { LastSentFor = Nov23At9 }).IsDue(Nov23At9.AddDays(6)));
    }

    [Fact]
    public void Three_missed_weeks_owe_one_digest_for_the_latest_occurrence()
    {
        var sentLongAgo = Monday9 with { LastSentFor = Nov23At9.AddDays(-28) };
        var now = Nov23At9.AddDays(3);

        Assert.True(sentLongAgo.IsDue(now));
        Assert.Equal(Nov23At9, sentLongAgo.LatestAtOrBefore(now));
        Assert.False((sentLongAgo with { LastSentFor = sentLongAgo.LatestAtOrBefore(now) }).IsDue(now));
    }
}

public class DigestBalanceTests
{
    [Fact]
    public void Six_picks_from_four_personas_with_three_kinds_each_cover_every_persona_and_every_kind()
    {
        var id = 0L;
        var week = (from persona in new[] { "camille", "famille-martin", "gerard", "ines" }
                    from kind in Enum.GetValues<VerbatimKind>()
                    select new Verbatim { Id = ++id, Text = $"{persona} {kind}", PersonaId = persona, Kind = kind, Date = new DateOnly(2026, 11, 20), Language = "en" }).ToList();

        var digest = DigestComposer.Compose(week, [], new HashSet<long>(), null);

        Assert.Equal(6, digest.Picks.Count);
        Assert.Equal(4, digest.Picks.Select(p => p.PersonaId).Distinct().Count());
        Assert.Equal(3, digest.Picks.Select(p => p.Kind).Distinct().Count());
    }
}
