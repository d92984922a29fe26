using CultureBot.Core.Conversations;

namespace CultureBot.Core.Queue;

/// <summary>One unit of deferred work, as stored.</summary>
/// <param name="Id">The queue's id for the item.</param>
/// <param name="Queue">Which queue (<c>teams-inbound</c>, <c>slack-inbound</c>, <c>outbox</c>…): one worker per queue.</param>
/// <param name="Payload">What the worker needs, as the producer serialized it (JSON).</param>
/// <param name="Attempts">How many times a worker has claimed it, this claim included.</param>
public sealed record WorkItem(long Id, string Queue, string Payload, int Attempts);

/// <summary>
/// A durable work queue. Producers enqueue before they acknowledge anything, so a crash between the
/// acknowledgement and the work loses nothing: the item is still there when the host comes back.
/// Workers claim items with a lease; an item whose worker died is claimed again once its lease ends.
/// </summary>
public interface IWorkQueue
{
    /// <summary>Stores an item, due at <paramref name="dueAt"/>. Returns its id.</summary>
    Task<long> EnqueueAsync(string queue, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an item unless <paramref name="inboundId"/> was recorded before for <paramref name="organization"/> (a retried
    /// event): the record and the item are written in one transaction, so a crash cannot leave an event marked as
    /// seen with no work queued for it. Returns the item's id, or null for a duplicate.
    /// </summary>
    Task<long?> EnqueueOnceAsync(string queue, OrganizationKey organization, string inboundId, string payload, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> due items of <paramref name="queue"/>, oldest first, for <paramref name="lease"/>:
    /// no other claim sees them until the lease ends or they are completed or retried.
    /// </summary>
    Task<IReadOnlyList<WorkItem>> ClaimAsync(string queue, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The work is done: the item is removed.</summary>
    Task CompleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>The work failed and may succeed later: the item is due again at <paramref name="dueAt"/>.</summary>
    Task RetryAsync(long id, DateTimeOffset dueAt, string error, CancellationToken cancellationToken);

    /// <summary>The work failed for good: the item is kept, with its error, for an operator, and never claimed again.</summary>
    Task FailAsync(long id, string error, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Items not yet done (due or not, claimed or not), for health and tests.</summary>
    Task<int> CountPendingAsync(string queue, CancellationToken cancellationToken);

    /// <summary>When the oldest item not yet done (and not set aside) was stored; null when there is none.</summary>
    Task<DateTimeOffset?> OldestPendingAsync(string queue, CancellationToken cancellationToken);

    /// <summary>Items set aside by <see cref="FailAsync"/>, waiting for an operator.</summary>
    Task<int> CountFailedAsync(string queue, CancellationToken cancellationToken);
}

/// <summary>
/// Inbound work stored but not yet processed (Slack payloads and Teams activities wait in their inbound queues;
/// Teams invokes are processed as they come). A quiz round waits for the clicks received before its bell before it closes.
/// </summary>
public interface IInboundBacklog
{
    /// <summary>When the oldest unprocessed inbound item was received; null when none waits.</summary>
    Task<DateTimeOffset?> OldestAsync(CancellationToken cancellationToken);
}
