using System.Globalization;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Insights;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Data.Tests;

/// <summary>The engagement events and their report, for real, on both providers: per organization, pseudonymous, purged.</summary>
public class EngagementStoreTests
{
    public static TheoryData<StorageProvider> Providers => ConversationStoreTests.Providers;

    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A UTC midnight: periods from here on whole days are read from the day summaries.</summary>
    private static readonly DateTimeOffset Midnight = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly OrganizationKey A = new("msteams", "tenant-a");
    private static readonly OrganizationKey B = new("slack", "T0B");

    private static async Task<(TestDatabase Db, SqlEngagementStore Store)> StoreAsync(StorageProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        return (db, new SqlEngagementStore(db.Database));
    }

    private static EngagementEvent Event(OrganizationKey organization, int day, string kind, string? person, string? persona = null, double? value = null, string? detail = null) =>
        new(organization, T0.AddDays(day), kind, person, "conv-1", persona, value, detail);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_report_counts_one_organizations_events_in_the_period_and_never_another_organizations(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        EngagementEvent[] events =
        [
            Event(A, 0, EngagementKinds.SheetOpened, "p1", "camille"),
            Event(A, 0, EngagementKinds.SheetOpened, "p2", "camille"),
            Event(A, 1, EngagementKinds.MatchAnswered, "p1", "ines", 0.8),
            Event(A, 1, EngagementKinds.MatchAnswered, "p2", "camille", 0.3, "a retired sailor who repairs his own bikes"),
            Event(A, 2, EngagementKinds.QuizAnswered, "p1", "camille", 1),
            Event(A, 2, EngagementKinds.QuizAnswered, "p2", "camille", 0),
            Event(A, 2, EngagementKinds.QuizAnswered, "p2", "ines", 1),
            Event(A, 9, EngagementKinds.SheetOpened, "p3", "ines"),
            Event(B, 0, EngagementKinds.SheetOpened, "q1", "ines"),
            Event(B, 1, EngagementKinds.MatchAnswered, "q2", "ines", 0.1, "B's own description"),
            Event(B, 2, EngagementKinds.QuizAnswered, "q1", "ines", 0),
        ];
        foreach (var e in events)
        {
            await store.AddAsync(e, CancellationToken.None);
        }

        var ofA = await store.ReportAsync(A, T0.AddDays(-1), T0.AddDays(3), CancellationToken.None);
        var ofB = await store.ReportAsync(B, T0.AddDays(-1), T0.AddDays(3), CancellationToken.None);
        var all = await store.ReportAsync(null, T0.AddDays(-1), T0.AddDays(10), CancellationToken.None);

        Assert.Equal(2, ofA.People);
        Assert.Equal([(EngagementKinds.QuizAnswered, 3), (EngagementKinds.MatchAnswered, 2), (EngagementKinds.SheetOpened, 2)], ofA.Kinds.Select(k => (k.Kind, k.Count)));
        Assert.Equal([(new DateOnly(2026, 12, 1), 2), (new DateOnly(2026, 12, 2), 2), (new DateOnly(2026, 12, 3), 3)], ofA.Days.Select(d => (d.Day, d.Count)));
        Assert.Equal([("camille", 3), ("ines", 1)], ofA.PersonasAskedAbout.Select(p => (p.PersonaId, p.Count)));
        Assert.Equal([("camille", 2, 1), ("ines", 1, 1)], ofA.QuizAccuracy.Select(q => (q.PersonaId, q.Answers, q.Correct)));
        var missing = Assert.Single(ofA.LowConfidenceDescriptions);
        Assert.Equal(("a retired sailor who repairs his own bikes", "camille", 0.3, T0.AddDays(1)), (missing.Text, missing.PersonaId, missing.Confidence, missing.OccurredAt));

        Assert.Equal(2, ofB.People);
        Assert.Equal([("ines", 2)], ofB.PersonasAskedAbout.Select(p => (p.PersonaId, p.Count)));
        Assert.Equal([("ines", 1, 0)], ofB.QuizAccuracy.Select(q => (q.PersonaId, q.Answers, q.Correct)));
        Assert.Equal(["B's own description"], ofB.LowConfidenceDescriptions.Select(d => d.Text));

        Assert.Equal(5, all.People);
        Assert.Equal(11, all.Kinds.Sum(k => k.Count));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Purge_removes_the_events_older_than_the_cutoff_only(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        await store.AddAsync(Event(A, 0, EngagementKinds.SheetOpened, "p1", "camille"), CancellationToken.None);
        await store.AddAsync(Event(B, 1, EngagementKinds.SheetOpened, "q1", "camille"), CancellationToken.None);
        await store.AddAsync(Event(A, 5, EngagementKinds.SheetOpened, "p1", "camille"), CancellationToken.None);

        var purged = await store.PurgeAsync(T0.AddDays(2), CancellationToken.None);
        var again = await store.PurgeAsync(T0.AddDays(2), CancellationToken.None);

        Assert.Equal((2, 0), (purged, again));
        var left = await store.ReportAsync(null, T0.AddDays(-10), T0.AddDays(10), CancellationToken.None);
        Assert.Equal([(new DateOnly(2026, 12, 6), 1)], left.Days.Select(d => (d.Day, d.Count)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_person_is_stored_as_the_same_keyed_pseudonym_never_as_their_id(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        var key = await store.PseudonymKeyAsync(CancellationToken.None);
        var log = new EngagementLog(store, new FakeTimeProvider(T0), NullLogger<EngagementLog>.Instance);
        var conversation = new ConversationKey("msteams", "tenant-a", "conv-1");

        await log.RecordAsync(Turn(conversation, "29:raw-user-id"), EngagementKinds.SheetOpened, "camille");
        await log.RecordAsync(Turn(conversation, "29:raw-user-id"), EngagementKinds.SheetOpened, "ines");
        await log.RecordAsync(Turn(conversation, "29:someone-else"), EngagementKinds.SheetOpened, "ines");
        await new EngagementLog(store, new FakeTimeProvider(T0), NullLogger<EngagementLog>.Instance)
            .RecordAsync(conversation, "29:raw-user-id", EngagementKinds.OnboardingCardDelivered);

        Assert.Equal(key, await store.PseudonymKeyAsync(CancellationToken.None));
        Assert.Equal(32, key.Length);
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);
        var people = (await connection.QueryAsync<string>("SELECT person FROM engagement_events ORDER BY id")).ToList();
        Assert.Equal(4, people.Count);
        Assert.Equal(Pseudonyms.Of(key, "msteams", "29:raw-user-id"), people[0]);
        Assert.Equal((people[0], people[0]), (people[1], people[3]));
        Assert.NotEqual(people[0], people[2]);
        Assert.All(people, p => Assert.DoesNotContain("raw-user-id", p, StringComparison.Ordinal));
        Assert.NotEqual(Pseudonyms.Of(new byte[32], "msteams", "29:raw-user-id"), people[0]);
        var rows = await connection.QueryAsync<string>("SELECT platform || tenant_id || conversation_id || kind || COALESCE(persona_id, '') FROM engagement_events");
        Assert.All(rows, r => Assert.DoesNotContain("raw-user-id", r, StringComparison.Ordinal));
        Assert.Equal(2, (await store.ReportAsync(null, T0, T0.AddDays(1), CancellationToken.None)).People);
    }

    [Fact]
    public async Task A_store_that_fails_never_fails_the_turn()
    {
        var log = new EngagementLog(new FailingStore(), TimeProvider.System, NullLogger<EngagementLog>.Instance);

        await log.RecordAsync(Turn(new ConversationKey("slack", "T1", "C1"), "U1"), EngagementKinds.SheetOpened, "camille");
        await log.RecordReadAsync(Turn(new ConversationKey("msteams", "T1", "a:1"), "U1"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_studio_figures_per_organization_and_per_conversation(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        EngagementEvent[] events =
        [
            Event(A, 0, EngagementKinds.OnboardingStarted, "n1"),
            Event(A, 0, EngagementKinds.OnboardingStarted, "n2"),
            Event(A, 0, EngagementKinds.OnboardingStarted, "n3"),
            Event(A, 1, EngagementKinds.OnboardingCardDelivered, "n1", value: 1),
            Event(A, 2, EngagementKinds.OnboardingCardDelivered, "n1", value: 2),
            Event(A, 1, EngagementKinds.OnboardingCardDelivered, "n2", value: 1),
            Event(A, 2, EngagementKinds.OnboardingCompleted, "n1", value: 2),
            Event(A, 1, EngagementKinds.DigestDelivered, null, detail: "m1") with { ConversationId = "a:chat-1" },
            Event(A, 1, EngagementKinds.DigestDelivered, null, detail: "m2") with { ConversationId = "19:channel" },
            Event(A, 2, EngagementKinds.DigestRead, "p1", detail: "m1") with { ConversationId = "a:chat-1" },
            Event(A, 1, EngagementKinds.CommitteeRsvp, "p2", value: 1) with { ConversationId = "19:channel" },
            Event(A, 1, EngagementKinds.MatchAnswered, "p1", "camille", 0.3, "a retired sailor who repairs bikes"),
            Event(A, 2, EngagementKinds.MatchAnswered, "p2", "ines", 0.2, "retired couple, two tandem bikes"),
            Event(A, 3, EngagementKinds.VerbatimUnmatched, "p3", "camille", 0.1, "Retired people want slow rides"),
            Event(A, 3, EngagementKinds.MatchAnswered, "p1", "ines", 0.4, "a student who lives downtown"),
            Event(B, 1, EngagementKinds.OnboardingStarted, "q1"),
            Event(B, 1, EngagementKinds.DigestDelivered, null, detail: "b1"),
            Event(B, 2, EngagementKinds.MatchAnswered, "q1", "ines", 0.1, "retired sailor, B's own words"),
        ];
        foreach (var e in events)
        {
            await store.AddAsync(e, CancellationToken.None);
        }

        var ofA = await store.ReportAsync(new EngagementQuery(A, T0.AddDays(-1), T0.AddDays(10)), CancellationToken.None);
        var channel = await store.ReportAsync(new EngagementQuery(A, T0.AddDays(-1), T0.AddDays(10), "19:channel"), CancellationToken.None);
        var ofB = await store.ReportAsync(new EngagementQuery(B, T0.AddDays(-1), T0.AddDays(10)), CancellationToken.None);
        var conversations = await store.ConversationsAsync(A, T0.AddDays(-1), T0.AddDays(10), 2, CancellationToken.None);

        Assert.Equal(new OnboardingFunnel(3, 2, 1), ofA.Onboarding);
        Assert.Equal((2, 1), (ofA.Digests.Delivered, ofA.Digests.Read));
        Assert.Equal([("a:chat-1", 1, 1), ("19:channel", 1, 0)], ofA.Digests.PerConversation.Select(c => (c.ConversationId, c.Delivered, c.Read)));
        Assert.Equal(1, ofA.CountOf(EngagementKinds.CommitteeRsvp));
        Assert.Equal(6, ofA.People); // n1..n3, p1..p3: a delivery is nobody's doing
        var missing = Assert.Single(ofA.Missing);
        Assert.Equal((3, "retired"), (missing.Count, missing.Label.Split(" · ")[0]));
        Assert.Equal("camille", missing.NearestPersonaId);
        Assert.Equal("Retired people want slow rides", missing.Examples[0]);
        Assert.Equal(4, ofA.LowConfidenceDescriptions.Count);
        Assert.Contains(ofA.LowConfidenceDescriptions, d => d.Kind == EngagementKinds.VerbatimUnmatched);
        Assert.Equal([(new DateOnly(2026, 12, 1), 3, 3), (new DateOnly(2026, 12, 2), 6, 4)], ofA.Days.Take(2).Select(d => (d.Day, d.Count, d.People)));

        Assert.Equal((1, 0, 1, 1), (channel.Digests.Delivered, channel.Digests.Read, channel.People, channel.Kinds.Sum(k => k.Count) - 1));
        Assert.Equal(new OnboardingFunnel(0, 0, 0), channel.Onboarding);

        Assert.Equal(new OnboardingFunnel(1, 0, 0), ofB.Onboarding);
        Assert.Equal((1, 0), (ofB.Digests.Delivered, ofB.Digests.Read));
        Assert.Empty(ofB.Missing); // one description is not a pattern, and A's never join B's
        Assert.Equal(["retired sailor, B's own words"], ofB.LowConfidenceDescriptions.Select(d => d.Text));

        Assert.Equal(["conv-1", "19:channel"], conversations.Select(c => c.ConversationId));
        Assert.Equal(11, conversations[0].Events);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_read_receipt_reads_every_digest_delivered_to_the_chat_once_and_otherwise_counts_as_a_read(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        var clock = new FakeTimeProvider(T0);
        var log = new EngagementLog(store, clock, NullLogger<EngagementLog>.Instance);
        var chat = new ConversationKey("msteams", "tenant-a", "a:chat-1");
        await log.RecordAsync(chat, null, EngagementKinds.DigestDelivered, detail: "m1");
        clock.Advance(TimeSpan.FromDays(7));
        await log.RecordAsync(chat, null, EngagementKinds.DigestDelivered, detail: "m2");
        await log.RecordAsync(chat with { ConversationId = "a:chat-2" }, null, EngagementKinds.DigestDelivered, detail: "m3");
        await log.RecordAsync(chat with { TenantId = "tenant-b" }, null, EngagementKinds.DigestDelivered, detail: "m4");

        Assert.Equal(["m1", "m2"], await store.UnreadDigestsAsync(chat, T0.AddDays(-1), CancellationToken.None));
        await log.RecordReadAsync(Turn(chat, "29:reader"));
        await log.RecordReadAsync(Turn(chat, "29:reader"));

        Assert.Empty(await store.UnreadDigestsAsync(chat, T0.AddDays(-1), CancellationToken.None));
        Assert.Equal(["m3"], await store.UnreadDigestsAsync(chat with { ConversationId = "a:chat-2" }, T0.AddDays(-1), CancellationToken.None));
        var report = await store.ReportAsync(new EngagementQuery(new OrganizationKey("msteams", "tenant-a"), T0, T0.AddDays(30)), CancellationToken.None);
        Assert.Equal((3, 2, 1), (report.Digests.Delivered, report.Digests.Read, report.CountOf(EngagementKinds.MessageRead)));
        Assert.Equal(1, report.People);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_day_summaries_report_what_the_events_report_for_whole_days_before_and_after_a_purge(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        var start = Midnight;
        var events = RandomEvents(start, days: 40, seed: 7);
        await store.AddAsync(events, CancellationToken.None);
        Assert.True(events.Count(e => e.Organization == A) > 200);

        foreach (var (from, to) in new[] { (0, 40), (0, 1), (3, 17), (39, 40), (10, 11), (-5, 60) })
        {
            await AssertSameReportAsync(store, A, start.AddDays(from), start.AddDays(to));
        }

        await AssertSameReportAsync(store, B, start, start.AddDays(40));
        await store.PurgeAsync(start.AddDays(12), CancellationToken.None);
        await AssertSameReportAsync(store, A, start.AddDays(12), start.AddDays(40));
        await AssertSameReportAsync(store, A, start.AddDays(15), start.AddDays(20));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Events_recorded_before_the_summaries_existed_are_summarised_by_their_migration(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        var start = Midnight;
        await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
        {
            // Back to the schema before migration 20, with events stored the way it stored them: rows only.
            await connection.ExecuteAsync("DROP TABLE engagement_days; DROP TABLE engagement_day_people; DROP TABLE engagement_conversation_days; DROP TABLE engagement_people; DROP INDEX ix_engagement_events_org_person_time; DELETE FROM schema_migrations WHERE version = 20");
            foreach (var e in RandomEvents(start, days: 20, seed: 11))
            {
                await connection.ExecuteAsync(
                    "INSERT INTO engagement_events (platform, tenant_id, occurred_at, kind, person, conversation_id, persona_id, value, detail) VALUES (@Platform, @TenantId, @At, @Kind, @Person, @ConversationId, @PersonaId, @Value, @Detail)",
                    new { e.Organization.Platform, e.Organization.TenantId, At = db.Database.Timestamp(e.OccurredAt), e.Kind, e.Person, e.ConversationId, e.PersonaId, e.Value, e.Detail });
            }
        }

        Assert.Equal([20], await db.Runner.MigrateAsync(CancellationToken.None));

        await AssertSameReportAsync(store, A, start, start.AddDays(20));
        await AssertSameReportAsync(store, A, start.AddDays(4), start.AddDays(9));
        await store.AddAsync(RandomEvents(start.AddDays(20), days: 3, seed: 12), CancellationToken.None);
        await AssertSameReportAsync(store, A, start.AddDays(2), start.AddDays(23));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_conversations_to_filter_on_are_teams_and_channels_never_a_persons_own_chat(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        var start = Midnight;
        await store.AddAsync(RandomEvents(start, days: 10, seed: 3), CancellationToken.None);

        var fromSummaries = await store.ConversationsAsync(A, start, start.AddDays(10), 50, CancellationToken.None);
        var fromEvents = await store.ConversationsAsync(A, start.AddMinutes(-1), start.AddDays(10), 50, CancellationToken.None);
        var slack = await store.ConversationsAsync(B, start, start.AddDays(10), 50, CancellationToken.None);

        Assert.Equal(fromEvents, fromSummaries);
        Assert.Equal(["19:channel-0@thread.tacv2", "19:channel-1@thread.tacv2", "19:channel-2@thread.tacv2"], fromSummaries.Select(c => c.ConversationId).Order(StringComparer.Ordinal));
        Assert.Equal(["C0CHANNEL0", "C0CHANNEL1", "C0CHANNEL2"], slack.Select(c => c.ConversationId).Order(StringComparer.Ordinal));
        Assert.True(SqlEngagementStore.IsPersonalChat("msteams", "a:1xyz") && SqlEngagementStore.IsPersonalChat("msteams", "user:29:1") && SqlEngagementStore.IsPersonalChat("slack", "D0123"));
        Assert.False(SqlEngagementStore.IsPersonalChat("msteams", "19:abc@thread.v2") || SqlEngagementStore.IsPersonalChat("slack", "C0123") || SqlEngagementStore.IsPersonalChat("msteams", "D-team"));
    }

    /// <summary>
    /// Events of six people of A (Teams) and three of B (Slack) over <paramref name="days"/> days, in their own chats or
    /// three channels, each day's events shuffled within the day (a person's events of one day may come in any order).
    /// </summary>
    private static List<EngagementEvent> RandomEvents(DateTimeOffset start, int days, int seed)
    {
        var random = new Random(seed);
        string[] kinds = [EngagementKinds.SheetOpened, EngagementKinds.MatchAnswered, EngagementKinds.QuizAnswered, EngagementKinds.Action("quiz-answer"), EngagementKinds.OnboardingStarted, EngagementKinds.DigestDelivered];
        string?[] personas = ["camille", "ines", "marc", null];
        var events = new List<EngagementEvent>();
        for (var day = 0; day < days; day++)
        {
            var today = new List<EngagementEvent>();
            for (var i = random.Next(0, 25); i > 0; i--)
            {
                var teams = random.Next(3) > 0;
                var person = random.Next(teams ? 6 : 3);
                var kind = kinds[random.Next(kinds.Length)];
                var channel = random.Next(2) == 0 ? (teams ? $"19:channel-{random.Next(3)}@thread.tacv2" : $"C0CHANNEL{random.Next(3)}") : (teams ? $"a:person-{person}" : $"D0PERSON{person}");
                today.Add(new EngagementEvent(
                    teams ? A : B, start.AddDays(day).AddMinutes(random.Next(24 * 60)), kind, kind == EngagementKinds.DigestDelivered ? null : $"p{person}",
                    channel, personas[random.Next(personas.Length)], kind == EngagementKinds.QuizAnswered ? random.Next(2) : random.NextDouble(), null));
            }

            events.AddRange(today.OrderBy(_ => random.Next()));
        }

        return events;
    }

    private static async Task AssertSameReportAsync(SqlEngagementStore store, OrganizationKey organization, DateTimeOffset from, DateTimeOffset to)
    {
        var query = new EngagementQuery(organization, from, to);
        var summaries = await store.ReportAsync(query, fromSummaries: true, CancellationToken.None);
        var events = await store.ReportAsync(query, fromSummaries: false, CancellationToken.None);
        var period = $"{organization} {from:yyyy-MM-dd}..{to:yyyy-MM-dd}";

        Assert.Equal((period, events.People), (period, summaries.People));
        Assert.Equal(events.Kinds, summaries.Kinds);
        Assert.Equal(events.Days, summaries.Days);
        Assert.Equal(events.PersonasAskedAbout, summaries.PersonasAskedAbout);
        Assert.Equal(events.QuizAccuracy, summaries.QuizAccuracy);
        Assert.Equal(events.Onboarding, summaries.Onboarding);
    }

    private static Turn Turn(ConversationKey conversation, string userId) => new()
    {
        Kind = TurnKind.Message,
        Conversation = new ConversationReference(conversation, ConversationKind.Personal, null, null, userId, "en-US", null, T0),
        Culture = CultureInfo.GetCultureInfo("en-US"),
        From = new BotUser(userId, "Someone"),
    };

    private sealed class FailingStore : IEngagementStore
    {
        public Task AddAsync(EngagementEvent engagement, CancellationToken cancellationToken) => throw new InvalidOperationException("database down");

        public Task<byte[]> PseudonymKeyAsync(CancellationToken cancellationToken) => Task.FromResult(new byte[32]);

        public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) => throw new InvalidOperationException("database down");

        public Task<EngagementReport> ReportAsync(EngagementQuery query, CancellationToken cancellationToken) => throw new InvalidOperationException("database down");

        public Task<IReadOnlyList<string>> UnreadDigestsAsync(ConversationKey conversation, DateTimeOffset since, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database down");

        public Task<IReadOnlyList<ConversationActivity>> ConversationsAsync(OrganizationKey organization, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database down");
    }
}
