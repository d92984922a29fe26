namespace CultureBot.Core.Queue;

/// <summary>How one queue stands: items waiting (due or not), those among them that failed at least once, and those set aside.</summary>
public sealed record QueueCounts(string Queue, int Pending, int Failing, int SetAside);

/// <summary>An item a worker gave up on, kept with its last error for an operator to retry or drop.</summary>
public sealed record SetAsideItem(long Id, string Queue, int Attempts, string? Error, DateTimeOffset CreatedAt, DateTimeOffset SetAsideAt);

/// <summary>What a retention purge removed.</summary>
public sealed record PurgeResult(int InboundEvents, int SetAside);

/// <summary>
/// What an operator sees and does with the queues (<c>culturebot queue …</c>, <c>/healthz</c>), and their retention:
/// nothing a worker gives up on is lost silently, and nothing is kept longer than the deployment says.
/// </summary>
public interface IQueueAdmin
{
    /// <summary>Every queue that holds something, by name.</summary>
    Task<IReadOnlyList<QueueCounts>> CountsAsync(CancellationToken cancellationToken);

    /// <summary>The items set aside, newest first, in one queue or all (<paramref name="queue"/> null), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SetAsideItem>> ListSetAsideAsync(string? queue, CancellationToken cancellationToken, int limit = 100);

    /// <summary>Puts a set-aside item back in its queue, due at <paramref name="now"/>, with its attempts counted afresh. False when no item by that id is set aside.</summary>
    Task<bool> RetryAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes a set-aside item for good. False when no item by that id is set aside (a live item is never dropped).</summary>
    Task<bool> DropAsync(long id, CancellationToken cancellationToken);

    /// <summary>Deletes the inbound ids recorded before <paramref name="inboundEventsBefore"/> and the items set aside before <paramref name="setAsideBefore"/>.</summary>
    Task<PurgeResult> PurgeAsync(DateTimeOffset inboundEventsBefore, DateTimeOffset setAsideBefore, CancellationToken cancellationToken);
}
