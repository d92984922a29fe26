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

    public async Task<EngagementReport> ReportAsync(OrganizationKey? organization, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var where = "occurred_at >= @From AND occurred_at < @To" + (organization is null ? string.Empty : " AND platform = @Platform AND tenant_id = @TenantId");
        var parameters = new
        {
            From = database.Timestamp(from),
            To = database.Timestamp(to),
            organization?.Platform,
            organization?.TenantId,
            Sheet = EngagementKinds.SheetOpened,
            Match = EngagementKinds.MatchAnswered,
            Quiz = EngagementKinds.QuizAnswered,
        };
        var day = database.Provider == StorageProvider.Postgres ? "to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')" : "substr(occurred_at, 1, 10)";
        await using var connection = await database.OpenAsync(cancellationToken);

        var people = await connection.ExecuteScalarAsync<long>(Command($"SELECT COUNT(DISTINCT person) FROM engagement_events WHERE {where}"));
        var kinds = await connection.QueryAsync<(string, long)>(Command($"SELECT kind, COUNT(*) FROM engagement_events WHERE {where} GROUP BY kind ORDER BY COUNT(*) DESC, kind"));
        var days = await connection.QueryAsync<(string, long)>(Command($"SELECT {day}, COUNT(*) FROM engagement_events WHERE {where} GROUP BY {day} ORDER BY {day}"));
        var personas = await connection.QueryAsync<(string, long)>(Command(
            $"SELECT persona_id, COUNT(*) FROM engagement_events WHERE {where} AND kind IN (@Sheet, @Match) AND persona_id IS NOT NULL GROUP BY persona_id ORDER BY COUNT(*) DESC, persona_id"));
        var quiz = await connection.QueryAsync<(string, long, long)>(Command(
            $"SELECT persona_id, COUNT(*), SUM(CASE WHEN value >= 1 THEN 1 ELSE 0 END) FROM engagement_events WHERE {where} AND kind = @Quiz AND persona_id IS NOT NULL GROUP BY persona_id"));
        var descriptions = await connection.QueryAsync<DescriptionRow>(Command(
            $"SELECT occurred_at AS OccurredAt, persona_id AS PersonaId, value AS Value, detail AS Detail FROM engagement_events WHERE {where} AND kind = @Match AND detail IS NOT NULL ORDER BY occurred_at DESC LIMIT {MaxDescriptions}"));

        return new EngagementReport(
            (int)people,
            [.. kinds.Select(k => new KindCount(k.Item1, (int)k.Item2))],
            [.. days.Select(d => new DayCount(DateOnly.ParseExact(d.Item1, "yyyy-MM-dd", CultureInfo.InvariantCulture), (int)d.Item2))],
            [.. personas.Select(p => new PersonaCount(p.Item1, (int)p.Item2))],
            [.. quiz.Select(q => new PersonaAccuracy(q.Item1, (int)q.Item2, (int)q.Item3)).OrderBy(q => q.Rate).ThenBy(q => q.PersonaId, StringComparer.Ordinal)],
            [.. descriptions.Select(d => new UnmatchedDescription(Timestamps.Parse(d.OccurredAt), d.PersonaId, d.Value, d.Detail))]);

        CommandDefinition Command(string sql) => new(sql, parameters, cancellationToken: cancellationToken);
    }

    private sealed class DescriptionRow
    {
        public object OccurredAt { get; set; } = string.Empty;

        public string? PersonaId { get; set; }

        public double? Value { get; set; }

        public string Detail { get; set; } = string.Empty;
    }
}
