using CultureBot.Core.Conversations;
using Dapper;

namespace CultureBot.Data;

/// <summary>
/// <see cref="IConversationStore"/> on SQLite or PostgreSQL. The "once" operations are single
/// <c>INSERT … ON CONFLICT DO NOTHING</c> statements whose affected-row count is the answer: two
/// concurrent callers cannot both win, which a check-then-insert would allow.
/// </summary>
public sealed class SqlConversationStore : IConversationStore
{
    /// <summary>Records an inbound id once; also run by the work queue, in the transaction that queues the event.</summary>
    internal const string RecordInboundSql = """
        INSERT INTO inbound_events (platform, tenant_id, inbound_id, received_at)
        VALUES (@Platform, @TenantId, @InboundId, @At)
        ON CONFLICT DO NOTHING
        """;

    private readonly Database _database;

    public SqlConversationStore(Database database) => _database = database;

    public async Task UpsertReferenceAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        const string sql = """
            INSERT INTO conversation_references (platform, tenant_id, conversation_id, kind, service_url, bot_id, user_id, locale, time_zone, updated_at)
            VALUES (@Platform, @TenantId, @ConversationId, @Kind, @ServiceUrl, @BotId, @UserId, @Locale, @TimeZone, @UpdatedAt)
            ON CONFLICT (platform, tenant_id, conversation_id) DO UPDATE SET
                kind = excluded.kind,
                service_url = COALESCE(excluded.service_url, conversation_references.service_url),
                bot_id = COALESCE(excluded.bot_id, conversation_references.bot_id),
                user_id = COALESCE(excluded.user_id, conversation_references.user_id),
                locale = COALESCE(excluded.locale, conversation_references.locale),
                time_zone = COALESCE(excluded.time_zone, conversation_references.time_zone),
                updated_at = excluded.updated_at
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            reference.Key.Platform,
            reference.Key.TenantId,
            reference.Key.ConversationId,
            Kind = reference.Kind.ToString(),
            reference.ServiceUrl,
            reference.BotId,
            reference.UserId,
            reference.Locale,
            reference.TimeZone,
            UpdatedAt = _database.Timestamp(reference.UpdatedAt),
        }, cancellationToken: cancellationToken));
    }

    public async Task<ConversationReference?> GetReferenceAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string sql = """
            SELECT kind AS Kind, service_url AS ServiceUrl, bot_id AS BotId, user_id AS UserId, locale AS Locale, time_zone AS TimeZone, updated_at AS UpdatedAt
            FROM conversation_references
            WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReferenceRow>(new CommandDefinition(sql, new { key.Platform, key.TenantId, key.ConversationId }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new ConversationReference(key, Enum.Parse<ConversationKind>(row.Kind), row.ServiceUrl, row.BotId, row.UserId, row.Locale, row.TimeZone, Timestamps.Parse(row.UpdatedAt));
    }

    public async Task<bool> TryMarkWelcomedAsync(ConversationKey key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string sql = """
            INSERT INTO welcomed_conversations (platform, tenant_id, conversation_id, welcomed_at)
            VALUES (@Platform, @TenantId, @ConversationId, @At)
            ON CONFLICT DO NOTHING
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { key.Platform, key.TenantId, key.ConversationId, At = _database.Timestamp(at) }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> TryRecordInboundAsync(OrganizationKey organization, string inboundId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(RecordInboundSql, new { organization.Platform, organization.TenantId, InboundId = inboundId, At = _database.Timestamp(at) }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task ForgetInboundAsync(OrganizationKey organization, string inboundId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM inbound_events WHERE platform = @Platform AND tenant_id = @TenantId AND inbound_id = @InboundId",
            new { organization.Platform, organization.TenantId, InboundId = inboundId },
            cancellationToken: cancellationToken));
    }

    /// <summary>A row as both providers return it: the timestamp is text in SQLite, a DateTime in PostgreSQL.</summary>
    private sealed class ReferenceRow
    {
        public string Kind { get; set; } = string.Empty;

        public string? ServiceUrl { get; set; }

        public string? BotId { get; set; }

        public string? UserId { get; set; }

        public string? Locale { get; set; }

        public string? TimeZone { get; set; }

        public object UpdatedAt { get; set; } = string.Empty;
    }
}
