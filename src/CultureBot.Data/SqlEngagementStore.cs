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

    public async Task AddAsync(EngagementEvent engagement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        const string sql = """
            INSERT INTO engagement_events (platform, tenant_id, occurred_at, kind, person, conversation_id, persona_id, value, detail)
            VALUES (@Platform, @TenantId, @OccurredAt, @Kind, @Person, @ConversationId, @PersonaId, @Value, @Detail)
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
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
        }, cancellationToken: cancellationToken));
    }

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
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM engagement_events WHERE occurred_at < @Before", new { Before = database.Timestamp(before) }, cancellationToken: cancellationToken));
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
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, long)>(new CommandDefinition(
            $"""
            SELECT conversation_id, COUNT(*) FROM engagement_events
            WHERE platform = @Platform AND tenant_id = @TenantId AND occurred_at >= @From AND occurred_at < @To
            GROUP BY conversation_id ORDER BY COUNT(*) DESC, conversation_id LIMIT {Math.Clamp(limit, 1, 1000)}
            """,
            new { organization.Platform, organization.TenantId, From = database.Timestamp(from), To = database.Timestamp(to) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ConversationActivity(r.Item1, (int)r.Item2))];
    }

    public async Task<EngagementReport> ReportAsync(EngagementQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
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

        var people = await connection.ExecuteScalarAsync<long>(Command($"SELECT COUNT(DISTINCT person) FROM engagement_events WHERE {where}"));
        var kinds = await connection.QueryAsync<(string, long)>(Command($"SELECT kind, COUNT(*) FROM engagement_events WHERE {where} GROUP BY kind ORDER BY COUNT(*) DESC, kind"));
        var days = await connection.QueryAsync<(string, long, long)>(Command($"SELECT {day}, COUNT(*), COUNT(DISTINCT person) FROM engagement_events WHERE {where} GROUP BY {day} ORDER BY {day}"));
        var personas = await connection.QueryAsync<(string, long)>(Command(
            $"SELECT persona_id, COUNT(*) FROM engagement_events WHERE {where} AND kind IN (@Sheet, @Match) AND persona_id IS NOT NULL GROUP BY persona_id ORDER BY COUNT(*) DESC, persona_id"));
        var quiz = await connection.QueryAsync<(string, long, long)>(Command(
            $"SELECT persona_id, COUNT(*), SUM(CASE WHEN value >= 1 THEN 1 ELSE 0 END) FROM engagement_events WHERE {where} AND kind = @Quiz AND persona_id IS NOT NULL GROUP BY persona_id"));
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
            [.. days.Select(d => new DayCount(DateOnly.ParseExact(d.Item1, "yyyy-MM-dd", CultureInfo.InvariantCulture), (int)d.Item2, (int)d.Item3))],
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

    private sealed class DescriptionRow
    {
        public object OccurredAt { get; set; } = string.Empty;

        public string? PersonaId { get; set; }

        public double? Value { get; set; }

        public string Detail { get; set; } = string.Empty;

        public string Kind { get; set; } = string.Empty;
    }
}
