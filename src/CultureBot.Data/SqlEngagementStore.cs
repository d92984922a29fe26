using System.Globalization;
using System.Security.Cryptography;
using CultureBot.Core.Conversations;
using CultureBot.Core.Insights;
using Dapper;

namespace CultureBot.Data;

/// <summary><see cref="IEngagementStore"/> on SQLite or PostgreSQL: the <c>engagement_events</c> table and its key.</summary>
public sealed class SqlEngagementStore(Database database) : IEngagementStore
{
    /// <summary>The newest low-confidence descriptions a report shows: enough to see a pattern, short enough to read.</summary>
    public const int MaxDescriptions = 50;

    /// <summary>The newest low-confidence texts grouped into "what the culture is missing": a season's worth, grouped in memory.</summary>
    public const int MaxGrouped = 1000;

    /// <summary>The conversations a report lists digests for.</summary>
    public const int MaxConversations = 20;

    public Task AddAsync(EngagementEvent engagement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        return AddAsync([engagement], cancellationToken);
    }

    /// <summary>Stores <paramref name="events"/> and their summaries in one transaction (imports and the benchmark's seeding).</summary>
    public async Task AddAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var engagement in events)
        {
            await AddOneAsync(connection, transaction, engagement, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The event, then its summaries: its day's kind and persona, its day's people when it is the person's first event
    /// that day, its team or channel's day. Whether it is the person's first of the day is decided by updating the
    /// person's row only when their last event is older than the day: the row's lock settles two hosts recording the
    /// same person at once. (An event recorded late, after a later one of the same person, is not counted as a first.)
    /// </summary>
    private async Task AddOneAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, EngagementEvent engagement, CancellationToken cancellationToken)
    {
        var utc = engagement.OccurredAt.ToUniversalTime();
        var parameters = new
        {
            engagement.Organization.Platform,
            engagement.Organization.TenantId,
            OccurredAt = database.Timestamp(engagement.OccurredAt),
            engagement.Kind,
            engagement.Person,
            engagement.ConversationId,
            engagement.PersonaId,
            engagement.Value,
            engagement.Detail,
            Day = Day(utc),
            DayStart = database.Timestamp(new DateTimeOffset(utc.Date, TimeSpan.Zero)),
            PersonaKey = engagement.PersonaId ?? string.Empty,
            Correct = engagement.Value >= 1 ? 1 : 0,
        };
        Task<int> ExecuteAsync(string sql) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

        await ExecuteAsync("""
            INSERT INTO engagement_events (platform, tenant_id, occurred_at, kind, person, conversation_id, persona_id, value, detail)
            VALUES (@Platform, @TenantId, @OccurredAt, @Kind, @Person, @ConversationId, @PersonaId, @Value, @Detail)
            """);
        await ExecuteAsync("""
            INSERT INTO engagement_days (platform, tenant_id, day, kind, persona_id, events, correct) VALUES (@Platform, @TenantId, @Day, @Kind, @PersonaKey, 1, @Correct)
            ON CONFLICT (platform, tenant_id, day, kind, persona_id) DO UPDATE SET events = engagement_days.events + 1, correct = engagement_days.correct + excluded.correct
            """);
        if (!IsPersonalChat(engagement.Organization.Platform, engagement.ConversationId))
        {
            await ExecuteAsync("""
                INSERT INTO engagement_conversation_days (platform, tenant_id, day, conversation_id, events) VALUES (@Platform, @TenantId, @Day, @ConversationId, 1)
                ON CONFLICT (platform, tenant_id, day, conversation_id) DO UPDATE SET events = engagement_conversation_days.events + 1
                """);
        }

        if (engagement.Person is null)
        {
            return;
        }

        const string Person = "platform = @Platform AND tenant_id = @TenantId AND person = @Person";
        var firstOfDay = await ExecuteAsync("INSERT INTO engagement_people (platform, tenant_id, person, first_at, last_at) VALUES (@Platform, @TenantId, @Person, @OccurredAt, @OccurredAt) ON CONFLICT DO NOTHING") == 1
            || await ExecuteAsync($"UPDATE engagement_people SET last_at = @OccurredAt WHERE {Person} AND last_at < @DayStart") == 1;
        if (!firstOfDay)
        {
            await ExecuteAsync($"UPDATE engagement_people SET last_at = @OccurredAt WHERE {Person} AND last_at < @OccurredAt");
            return;
        }

        await ExecuteAsync("""
            INSERT INTO engagement_day_people (platform, tenant_id, day, people) VALUES (@Platform, @TenantId, @Day, 1)
            ON CONFLICT (platform, tenant_id, day) DO UPDATE SET people = engagement_day_people.people + 1
            """);
    }

    /// <summary>
    /// A person's own chat with the bot (Teams <c>a:…</c>, or <c>user:…</c> when the bot opened it; Slack <c>D…</c>):
    /// not a team or a channel, so not listed among the conversations to filter on (its id names the person).
    /// </summary>
    internal static bool IsPersonalChat(string platform, string conversationId) =>
        conversationId.StartsWith("a:", StringComparison.Ordinal)
        || conversationId.StartsWith(CultureBot.Core.Bot.PersonalChat.TeamsUserPrefix, StringComparison.Ordinal)
        || (platform == Platforms.Slack && conversationId.StartsWith('D'));

    /// <summary><see cref="IsPersonalChat"/> in SQL.</summary>
    private const string NotPersonalChat = "NOT (substr(conversation_id, 1, 2) = 'a:' OR substr(conversation_id, 1, 5) = 'user:' OR (platform = 'slack' AND substr(conversation_id, 1, 1) = 'D'))";

    private static string Day(DateTimeOffset utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whether a period can be read from the day summaries: whole UTC days.</summary>
    private static bool WholeDays(DateTimeOffset from, DateTimeOffset to) =>
        from.ToUniversalTime().TimeOfDay == TimeSpan.Zero && to.ToUniversalTime().TimeOfDay == TimeSpan.Zero;

    public async Task<byte[]> PseudonymKeyAsync(CancellationToken cancellationToken)
    {
        // Two first callers at once both draw a key; the first stored wins and both read it back.
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO engagement_key (id, key) VALUES (1, @Key) ON CONFLICT DO NOTHING",
            new { Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }, cancellationToken: cancellationToken));
        var key = await connection.QuerySingleAsync<string>(new CommandDefinition("SELECT key FROM engagement_key WHERE id = 1", cancellationToken: cancellationToken));
        return Convert.FromBase64String(key);
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { Before = database.Timestamp(before), BeforeDay = Day(before.ToUniversalTime()) };
        Task<int> ExecuteAsync(string sql) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        var purged = await ExecuteAsync("DELETE FROM engagement_events WHERE occurred_at < @Before");

        // A day's summaries go once the whole day is out; a person's row once their last event is, and otherwise
        // starts at their oldest event left.
        await ExecuteAsync("DELETE FROM engagement_days WHERE day < @BeforeDay");
        await ExecuteAsync("DELETE FROM engagement_day_people WHERE day < @BeforeDay");
        await ExecuteAsync("DELETE FROM engagement_conversation_days WHERE day < @BeforeDay");
        await ExecuteAsync("DELETE FROM engagement_people WHERE last_at < @Before");
        await ExecuteAsync("""
            UPDATE engagement_people SET first_at = COALESCE((SELECT MIN(e.occurred_at) FROM engagement_events e
                WHERE e.platform = engagement_people.platform AND e.tenant_id = engagement_people.tenant_id AND e.person = engagement_people.person), last_at)
            WHERE first_at < @Before
            """);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    public async Task<IReadOnlyList<string>> UnreadDigestsAsync(ConversationKey conversation, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        const string sql = """
            SELECT d.detail FROM engagement_events d
            WHERE d.platform = @Platform AND d.tenant_id = @TenantId AND d.kind = @Delivered AND d.occurred_at >= @Since
              AND d.conversation_id = @ConversationId AND d.detail IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM engagement_events r
                              WHERE r.platform = d.platform AND r.tenant_id = d.tenant_id AND r.kind = @Read AND r.occurred_at >= @Since
                                AND r.conversation_id = d.conversation_id AND r.detail = d.detail)
            ORDER BY d.occurred_at
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var unread = await connection.QueryAsync<string>(new CommandDefinition(sql, new
        {
            conversation.Platform,
            conversation.TenantId,
            conversation.ConversationId,
            Since = database.Timestamp(since),
            Delivered = EngagementKinds.DigestDelivered,
            Read = EngagementKinds.DigestRead,
        }, cancellationToken: cancellationToken));
        return [.. unread.Distinct(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<ConversationActivity>> ConversationsAsync(OrganizationKey organization, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var top = Math.Clamp(limit, 1, 1000);
        var sql = WholeDays(from, to)
            ? $"""
              SELECT conversation_id, SUM(events) FROM engagement_conversation_days
              WHERE platform = @Platform AND tenant_id = @TenantId AND day >= @FromDay AND day < @ToDay
              GROUP BY conversation_id ORDER BY SUM(events) DESC, conversation_id LIMIT {top}
              """
            : $"""
              SELECT conversation_id, COUNT(*) FROM engagement_events
              WHERE platform = @Platform AND tenant_id = @TenantId AND occurred_at >= @From AND occurred_at < @To AND {NotPersonalChat}
              GROUP BY conversation_id ORDER BY COUNT(*) DESC, conversation_id LIMIT {top}
              """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, long)>(new CommandDefinition(sql, new
        {
            organization.Platform,
            organization.TenantId,
            From = database.Timestamp(from),
            To = database.Timestamp(to),
            FromDay = Day(from.ToUniversalTime()),
            ToDay = Day(to.ToUniversalTime()),
        }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ConversationActivity(r.Item1, (int)r.Item2))];
    }

    /// <summary>
    /// The report, from the day summaries when it can be (one organization, whole UTC days, no conversation: what the
    /// studio and the command line ask), otherwise from the events themselves (a conversation's report reads its own
    /// events through the conversation index).
    /// </summary>
    public Task<EngagementReport> ReportAsync(EngagementQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReportAsync(query, query.Organization is not null && query.ConversationId is null && WholeDays(query.From, query.To), cancellationToken);
    }

    /// <param name="fromSummaries">Read people, kinds, days, personas and quiz answers from the summaries (the tests compare both ways).</param>
    internal async Task<EngagementReport> ReportAsync(EngagementQuery query, bool fromSummaries, CancellationToken cancellationToken)
    {
        var organization = query.Organization;
        var where = "occurred_at >= @From AND occurred_at < @To"
            + (organization is null ? string.Empty : " AND platform = @Platform AND tenant_id = @TenantId")
            + (query.ConversationId is null ? string.Empty : " AND conversation_id = @ConversationId");
        var parameters = new
        {
            From = database.Timestamp(query.From),
            To = database.Timestamp(query.To),
            organization?.Platform,
            organization?.TenantId,
            query.ConversationId,
            FromDay = Day(query.From.ToUniversalTime()),
            ToDay = Day(query.To.ToUniversalTime()),
            Sheet = EngagementKinds.SheetOpened,
            Match = EngagementKinds.MatchAnswered,
            Quiz = EngagementKinds.QuizAnswered,
            Unmatched = EngagementKinds.VerbatimUnmatched,
            Started = EngagementKinds.OnboardingStarted,
            Card = EngagementKinds.OnboardingCardDelivered,
            Completed = EngagementKinds.OnboardingCompleted,
            Delivered = EngagementKinds.DigestDelivered,
            Read = EngagementKinds.DigestRead,
        };
        var day = database.Provider == StorageProvider.Postgres ? "to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')" : "substr(occurred_at, 1, 10)";
        await using var connection = await database.OpenAsync(cancellationToken);

        long people;
        IEnumerable<(string, long)> kinds;
        List<DayCount> days;
        IEnumerable<(string, long)> personas;
        IEnumerable<(string, long, long)> quiz;
        if (fromSummaries)
        {
            const string Summary = "platform = @Platform AND tenant_id = @TenantId AND day >= @FromDay AND day < @ToDay";
            people = await connection.ExecuteScalarAsync<long>(Command(
                """
                SELECT COUNT(*) FROM engagement_people p
                WHERE p.platform = @Platform AND p.tenant_id = @TenantId AND p.first_at < @To AND p.last_at >= @From
                  AND ((p.first_at >= @From AND p.last_at < @To)
                       OR EXISTS (SELECT 1 FROM engagement_events e WHERE e.platform = p.platform AND e.tenant_id = p.tenant_id AND e.person = p.person
                                                                      AND e.occurred_at >= @From AND e.occurred_at < @To))
                """));
            kinds = await connection.QueryAsync<(string, long)>(Command($"SELECT kind, SUM(events) FROM engagement_days WHERE {Summary} GROUP BY kind ORDER BY SUM(events) DESC, kind"));
            var dayPeople = (await connection.QueryAsync<(string, long)>(Command($"SELECT day, people FROM engagement_day_people WHERE {Summary}"))).ToDictionary(d => d.Item1, d => d.Item2, StringComparer.Ordinal);
            days = [.. (await connection.QueryAsync<(string, long)>(Command($"SELECT day, SUM(events) FROM engagement_days WHERE {Summary} GROUP BY day ORDER BY day")))
                .Select(d => new DayCount(ParseDay(d.Item1), (int)d.Item2, (int)dayPeople.GetValueOrDefault(d.Item1)))];
            personas = await connection.QueryAsync<(string, long)>(Command(
                $"SELECT persona_id, SUM(events) FROM engagement_days WHERE {Summary} AND kind IN (@Sheet, @Match) AND persona_id <> '' GROUP BY persona_id ORDER BY SUM(events) DESC, persona_id"));
            quiz = await connection.QueryAsync<(string, long, long)>(Command(
                $"SELECT persona_id, SUM(events), SUM(correct) FROM engagement_days WHERE {Summary} AND kind = @Quiz AND persona_id <> '' GROUP BY persona_id"));
        }
        else
        {
            people = await connection.ExecuteScalarAsync<long>(Command($"SELECT COUNT(DISTINCT person) FROM engagement_events WHERE {where}"));
            kinds = await connection.QueryAsync<(string, long)>(Command($"SELECT kind, COUNT(*) FROM engagement_events WHERE {where} GROUP BY kind ORDER BY COUNT(*) DESC, kind"));
            days = [.. (await connection.QueryAsync<(string, long, long)>(Command($"SELECT {day}, COUNT(*), COUNT(DISTINCT person) FROM engagement_events WHERE {where} GROUP BY {day} ORDER BY {day}")))
                .Select(d => new DayCount(ParseDay(d.Item1), (int)d.Item2, (int)d.Item3))];
            personas = await connection.QueryAsync<(string, long)>(Command(
                $"SELECT persona_id, COUNT(*) FROM engagement_events WHERE {where} AND kind IN (@Sheet, @Match) AND persona_id IS NOT NULL GROUP BY persona_id ORDER BY COUNT(*) DESC, persona_id"));
            quiz = await connection.QueryAsync<(string, long, long)>(Command(
                $"SELECT persona_id, COUNT(*), SUM(CASE WHEN value >= 1 THEN 1 ELSE 0 END) FROM engagement_events WHERE {where} AND kind = @Quiz AND persona_id IS NOT NULL GROUP BY persona_id"));
        }

        var funnel = (await connection.QueryAsync<(string, long)>(Command(
            $"SELECT kind, COUNT(DISTINCT person) FROM engagement_events WHERE {where} AND kind IN (@Started, @Card, @Completed) GROUP BY kind"))).ToDictionary(k => k.Item1, k => (int)k.Item2, StringComparer.Ordinal);
        var digests = await connection.QueryAsync<(string, long, long)>(Command(
            $"""
            SELECT conversation_id, SUM(CASE WHEN kind = @Delivered THEN 1 ELSE 0 END), SUM(CASE WHEN kind = @Read THEN 1 ELSE 0 END)
            FROM engagement_events WHERE {where} AND kind IN (@Delivered, @Read)
            GROUP BY conversation_id ORDER BY 2 DESC, 3 DESC, conversation_id LIMIT {MaxConversations}
            """));
        var descriptions = (await connection.QueryAsync<DescriptionRow>(Command(
            $"""
            SELECT occurred_at AS OccurredAt, persona_id AS PersonaId, value AS Value, detail AS Detail, kind AS Kind FROM engagement_events
            WHERE {where} AND kind IN (@Match, @Unmatched) AND detail IS NOT NULL ORDER BY occurred_at DESC LIMIT {MaxGrouped}
            """))).Select(d => new UnmatchedDescription(Timestamps.Parse(d.OccurredAt), d.PersonaId, d.Value, d.Detail, d.Kind)).ToList();

        var kindCounts = kinds.Select(k => new KindCount(k.Item1, (int)k.Item2)).ToList();
        return new EngagementReport(
            (int)people,
            kindCounts,
            days,
            [.. personas.Select(p => new PersonaCount(p.Item1, (int)p.Item2))],
            [.. quiz.Select(q => new PersonaAccuracy(q.Item1, (int)q.Item2, (int)q.Item3)).OrderBy(q => q.Rate).ThenBy(q => q.PersonaId, StringComparer.Ordinal)],
            [.. descriptions.Take(MaxDescriptions)],
            new OnboardingFunnel(funnel.GetValueOrDefault(EngagementKinds.OnboardingStarted), funnel.GetValueOrDefault(EngagementKinds.OnboardingCardDelivered), funnel.GetValueOrDefault(EngagementKinds.OnboardingCompleted)),
            new DigestReads(
                kindCounts.FirstOrDefault(k => k.Kind == EngagementKinds.DigestDelivered)?.Count ?? 0,
                kindCounts.FirstOrDefault(k => k.Kind == EngagementKinds.DigestRead)?.Count ?? 0,
                [.. digests.Select(d => new ConversationDigests(d.Item1, (int)d.Item2, (int)d.Item3))]),
            MissingCulture.Group(descriptions));

        CommandDefinition Command(string sql) => new(sql, parameters, cancellationToken: cancellationToken);
    }

    private static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class DescriptionRow
    {
        public object OccurredAt { get; set; } = string.Empty;

        public string? PersonaId { get; set; }

        public double? Value { get; set; }

        public string Detail { get; set; } = string.Empty;

        public string Kind { get; set; } = string.Empty;
    }
}
