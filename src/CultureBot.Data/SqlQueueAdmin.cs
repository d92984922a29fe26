using CultureBot.Core.Queue;
using Dapper;

namespace CultureBot.Data;

/// <summary><see cref="IQueueAdmin"/> over the <c>work_items</c> and <c>inbound_events</c> tables, on SQLite or PostgreSQL.</summary>
public sealed class SqlQueueAdmin(Database database) : IQueueAdmin
{
    public async Task<IReadOnlyList<QueueCounts>> CountsAsync(CancellationToken cancellationToken)
    {
        // An item that failed and waits for its next attempt carries the error of the last one.
        const string sql = """
            SELECT queue AS Queue,
                   SUM(CASE WHEN failed_at IS NULL THEN 1 ELSE 0 END) AS Pending,
                   SUM(CASE WHEN failed_at IS NULL AND last_error IS NOT NULL THEN 1 ELSE 0 END) AS Failing,
                   SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END) AS SetAside
            FROM work_items
            GROUP BY queue
            ORDER BY queue
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new QueueCounts(r.Queue, (int)r.Pending, (int)r.Failing, (int)r.SetAside))];
    }

    public async Task<IReadOnlyList<SetAsideItem>> ListSetAsideAsync(string? queue, CancellationToken cancellationToken, int limit = 100)
    {
        const string sql = """
            SELECT id AS Id, queue AS Queue, attempts AS Attempts, last_error AS Error, created_at AS CreatedAt, failed_at AS FailedAt
            FROM work_items
            WHERE failed_at IS NOT NULL AND (@Queue IS NULL OR queue = @Queue)
            ORDER BY failed_at DESC, id DESC
            LIMIT @Limit
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SetAsideRow>(new CommandDefinition(sql, new { Queue = queue, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SetAsideItem(r.Id, r.Queue, (int)r.Attempts, r.Error, Timestamps.Parse(r.CreatedAt), Timestamps.Parse(r.FailedAt)))];
    }

    public async Task<bool> RetryAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The error stays until the next attempt replaces it or the item is done: the operator sees why it was set aside.
        const string sql = """
            UPDATE work_items SET failed_at = NULL, locked_until = NULL, attempts = 0, due_at = @Now
            WHERE id = @Id AND failed_at IS NOT NULL
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = id, Now = database.Timestamp(now) }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> DropAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM work_items WHERE id = @Id AND failed_at IS NOT NULL", new { Id = id }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<PurgeResult> PurgeAsync(DateTimeOffset inboundEventsBefore, DateTimeOffset setAsideBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var inbound = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM inbound_events WHERE received_at < @Before", new { Before = database.Timestamp(inboundEventsBefore) }, cancellationToken: cancellationToken));
        var setAside = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM work_items WHERE failed_at IS NOT NULL AND failed_at < @Before", new { Before = database.Timestamp(setAsideBefore) }, cancellationToken: cancellationToken));
        return new PurgeResult(inbound, setAside);
    }

    private sealed class CountRow
    {
        public string Queue { get; set; } = string.Empty;

        public long Pending { get; set; }

        public long Failing { get; set; }

        public long SetAside { get; set; }
    }

    private sealed class SetAsideRow
    {
        public long Id { get; set; }

        public string Queue { get; set; } = string.Empty;

        public long Attempts { get; set; }

        public string? Error { get; set; }

        public object CreatedAt { get; set; } = string.Empty;

        public object FailedAt { get; set; } = string.Empty;
    }
}
