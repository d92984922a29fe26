using System.Data.Common;
using System.Globalization;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Digests;
using Dapper;

namespace CultureBot.Data;

/// <summary><see cref="IDigestStore"/> on SQLite or PostgreSQL.</summary>
public sealed class SqlDigestStore : IDigestStore
{
    private const string Columns = """
        platform AS Platform, tenant_id AS TenantId, conversation_id AS ConversationId, day_of_week AS DayOfWeek,
        local_time AS LocalTime, time_zone AS TimeZone, language AS Language, last_sent_for AS LastSentFor, paused AS Paused
        """;

    private readonly Database _database;

    public SqlDigestStore(Database database) => _database = database;

    public async Task SubscribeAsync(DigestSubscription subscription, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        const string sql = """
            INSERT INTO digest_subscriptions (platform, tenant_id, conversation_id, day_of_week, local_time, time_zone, language, subscribed_at, last_sent_for)
            VALUES (@Platform, @TenantId, @ConversationId, @Day, @Time, @TimeZone, @Language, @At, @LastSentFor)
            ON CONFLICT (platform, tenant_id, conversation_id) DO UPDATE SET
                day_of_week = excluded.day_of_week, local_time = excluded.local_time, time_zone = excluded.time_zone,
                language = excluded.language, subscribed_at = excluded.subscribed_at, last_sent_for = excluded.last_sent_for
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            subscription.Conversation.Platform,
            subscription.Conversation.TenantId,
            subscription.Conversation.ConversationId,
            Day = (int)subscription.Day,
            Time = subscription.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
            subscription.TimeZone,
            subscription.Language,
            At = _database.Timestamp(at),
            LastSentFor = _database.Timestamp(subscription.LatestAtOrBefore(at)),
        }, cancellationToken: cancellationToken));
    }

    public async Task<bool> RecordSentAsync(DigestSubscription subscription, DateTimeOffset occurrence, IReadOnlyCollection<long> shownIds, bool resetShown, OutboxMessage? message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(shownIds);
        const string decide = """
            UPDATE digest_subscriptions SET last_sent_for = @Occurrence
            WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId
              AND (last_sent_for IS NULL OR last_sent_for < @Occurrence)
            """;
        var key = subscription.Conversation;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var decided = await connection.ExecuteAsync(new CommandDefinition(decide, new { key.Platform, key.TenantId, key.ConversationId, Occurrence = _database.Timestamp(occurrence) }, transaction, cancellationToken: cancellationToken));
        if (decided == 0)
        {
            return false;
        }

        await InsertShownAsync(connection, transaction, key, shownIds, resetShown, at, cancellationToken);
        if (message is not null)
        {
            await SqlWorkQueue.EnqueueOutboxAsync(_database, connection, transaction, message, at, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> UnsubscribeAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        const string sql = "DELETE FROM digest_subscriptions WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId";
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { conversation.Platform, conversation.TenantId, conversation.ConversationId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<DigestSubscription?> GetAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var sql = $"SELECT {Columns} FROM digest_subscriptions WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId";
        await using var connection = await _database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { conversation.Platform, conversation.TenantId, conversation.ConversationId }, cancellationToken: cancellationToken));
        return row?.ToSubscription();
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM digest_subscriptions ORDER BY platform, tenant_id, conversation_id", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSubscription())];
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListAsync(OrganizationKey organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM digest_subscriptions WHERE platform = @Platform AND tenant_id = @TenantId ORDER BY conversation_id",
            new { organization.Platform, organization.TenantId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSubscription())];
    }

    public async Task<bool> SetPausedAsync(ConversationKey conversation, bool paused, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (await GetAsync(conversation, cancellationToken) is not { } subscription)
        {
            return false;
        }

        var sql = paused
            ? "UPDATE digest_subscriptions SET paused = @Paused WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId"
            : "UPDATE digest_subscriptions SET paused = @Paused, last_sent_for = @LastSentFor WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId";
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            conversation.Platform,
            conversation.TenantId,
            conversation.ConversationId,
            Paused = paused,
            LastSentFor = _database.Timestamp(subscription.LatestAtOrBefore(at)),
        }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlySet<long>> ShownAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        const string sql = "SELECT verbatim_id FROM digest_shown WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId";
        await using var connection = await _database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, new { conversation.Platform, conversation.TenantId, conversation.ConversationId }, cancellationToken: cancellationToken))).ToHashSet();
    }

    public async Task RecordShownAsync(ConversationKey conversation, IReadOnlyCollection<long> verbatimIds, bool resetFirst, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(verbatimIds);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertShownAsync(connection, transaction, conversation, verbatimIds, resetFirst, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task InsertShownAsync(DbConnection connection, DbTransaction transaction, ConversationKey key, IReadOnlyCollection<long> verbatimIds, bool resetFirst, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (resetFirst)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM digest_shown WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId", new { key.Platform, key.TenantId, key.ConversationId }, transaction, cancellationToken: cancellationToken));
        }

        const string insert = """
            INSERT INTO digest_shown (platform, tenant_id, conversation_id, verbatim_id, shown_at)
            VALUES (@Platform, @TenantId, @ConversationId, @VerbatimId, @At)
            ON CONFLICT DO NOTHING
            """;
        foreach (var id in verbatimIds)
        {
            await connection.ExecuteAsync(new CommandDefinition(insert, new { key.Platform, key.TenantId, key.ConversationId, VerbatimId = id, At = _database.Timestamp(at) }, transaction, cancellationToken: cancellationToken));
        }
    }

    private sealed class Row
    {
        public string Platform { get; set; } = string.Empty;

        public string TenantId { get; set; } = string.Empty;

        public string ConversationId { get; set; } = string.Empty;

        public long DayOfWeek { get; set; }

        public string LocalTime { get; set; } = "09:00";

        public string TimeZone { get; set; } = "UTC";

        public string Language { get; set; } = "en";

        public object? LastSentFor { get; set; }

        public bool Paused { get; set; }

        public DigestSubscription ToSubscription() => new(
            new ConversationKey(Platform, TenantId, ConversationId),
            (DayOfWeek)DayOfWeek,
            TimeOnly.ParseExact(LocalTime, "HH:mm", CultureInfo.InvariantCulture),
            TimeZone,
            Language)
        {
            LastSentFor = LastSentFor is null ? null : Timestamps.Parse(LastSentFor),
            Paused = Paused,
        };
    }
}
