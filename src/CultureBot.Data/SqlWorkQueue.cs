using System.Data.Common;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Queue;
using Dapper;

namespace CultureBot.Data;

/// <summary>
/// <see cref="IWorkQueue"/> on SQLite or PostgreSQL. A claim is one <c>UPDATE … RETURNING</c>: on PostgreSQL
/// its subquery locks with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent workers never take the same item;
/// SQLite serializes writers, which gives the same guarantee.
/// </summary>
public sealed class SqlWorkQueue : IWorkQueue
{
    /// <summary>The one statement that adds an item; also run inside other stores' transactions (a decision and its message).</summary>
    internal const string InsertSql = """
        INSERT INTO work_items (queue, payload, due_at, created_at)
        VALUES (@Queue, @Payload, @DueAt, @DueAt)
        RETURNING id
        """;

    private readonly Database _database;

    public SqlWorkQueue(Database database) => _database = database;

    /// <summary>Puts a message in the outbox inside a caller's transaction: the decision to send it commits with it or not at all.</summary>
    internal static Task<long> EnqueueOutboxAsync(Database database, DbConnection connection, DbTransaction transaction, OutboxMessage message, DateTimeOffset at, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            InsertSql, new { Queue = OutboxMessage.QueueName, Payload = message.Serialize(), DueAt = database.Timestamp(at) }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Records a decision and queues what it sends, in one transaction: <paramref name="decide"/> is a conditional
    /// update, and when it changes no row (another check, or another host, decided first) nothing is queued.
    /// </summary>
    internal static async Task<bool> DecideAndEnqueueAsync(Database database, string decide, object parameters, IReadOnlyList<OutboxMessage> messages, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(decide, parameters, transaction, cancellationToken: cancellationToken)) == 0)
        {
            return false;
        }

        foreach (var message in messages)
        {
            await EnqueueOutboxAsync(database, connection, transaction, message, at, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<long> EnqueueAsync(string queue, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new { Queue = queue, Payload = payload, DueAt = _database.Timestamp(dueAt) }, cancellationToken: cancellationToken));
    }

    public async Task<long?> EnqueueOnceAsync(string queue, OrganizationKey organization, string inboundId, string payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var at = _database.Timestamp(now);
        var first = await connection.ExecuteAsync(new CommandDefinition(SqlConversationStore.RecordInboundSql, new { organization.Platform, organization.TenantId, InboundId = inboundId, At = at }, transaction, cancellationToken: cancellationToken)) == 1;
        if (!first)
        {
            return null;
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new { Queue = queue, Payload = payload, DueAt = at }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<IReadOnlyList<WorkItem>> ClaimAsync(string queue, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var skipLocked = _database.Provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : string.Empty;
        var sql = $"""
            UPDATE work_items SET locked_until = @Until, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM work_items
                WHERE queue = @Queue AND failed_at IS NULL AND due_at <= @Now AND (locked_until IS NULL OR locked_until <= @Now)
                ORDER BY id
                LIMIT @Max
                {skipLocked})
            RETURNING id AS Id, queue AS Queue, payload AS Payload, attempts AS Attempts
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new
        {
            Queue = queue,
            Max = max,
            Now = _database.Timestamp(now),
            Until = _database.Timestamp(now + lease),
        }, cancellationToken: cancellationToken));
        return [.. rows.OrderBy(r => r.Id).Select(r => new WorkItem(r.Id, r.Queue, r.Payload, (int)r.Attempts))];
    }

    public async Task CompleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM work_items WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    public async Task RetryAsync(long id, DateTimeOffset dueAt, string error, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE work_items SET due_at = @DueAt, locked_until = NULL, last_error = @Error WHERE id = @Id";
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = id, DueAt = _database.Timestamp(dueAt), Error = error }, cancellationToken: cancellationToken));
    }

    public async Task FailAsync(long id, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE work_items SET failed_at = @At, locked_until = NULL, last_error = @Error WHERE id = @Id";
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = id, Error = error, At = _database.Timestamp(at) }, cancellationToken: cancellationToken));
    }

    public async Task<int> CountPendingAsync(string queue, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM work_items WHERE queue = @Queue AND failed_at IS NULL";
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, new { Queue = queue }, cancellationToken: cancellationToken));
    }

    public async Task<DateTimeOffset?> OldestPendingAsync(string queue, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var oldest = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(
            "SELECT MIN(created_at) FROM work_items WHERE queue = @Queue AND failed_at IS NULL", new { Queue = queue }, cancellationToken: cancellationToken));
        return oldest is null or DBNull ? null : Timestamps.Parse(oldest);
    }

    public async Task<int> CountFailedAsync(string queue, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM work_items WHERE queue = @Queue AND failed_at IS NOT NULL";
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, new { Queue = queue }, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public long Id { get; set; }

        public string Queue { get; set; } = string.Empty;

        public string Payload { get; set; } = string.Empty;

        public long Attempts { get; set; }
    }
}
