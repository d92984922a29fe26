using System.Collections.Concurrent;
using CultureBot.Core.Conversations;
using CultureBot.Core.Queue;

namespace CultureBot.Slack.Tests;

/// <summary>The work queue seam, in memory, for protocol tests that are not about storage (the SQL queue has its own tests).</summary>
internal sealed class InMemoryWorkQueue : IWorkQueue
{
    private readonly ConcurrentDictionary<long, WorkItem> _items = new();
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);
    private long _next;

    public IReadOnlyList<WorkItem> Items => [.. _items.Values.OrderBy(i => i.Id)];

    public Task<long> EnqueueAsync(string queue, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _next);
        _items[id] = new WorkItem(id, queue, payload, 0);
        return Task.FromResult(id);
    }

    public async Task<long?> EnqueueOnceAsync(string queue, OrganizationKey organization, string inboundId, string payload, DateTimeOffset now, CancellationToken cancellationToken) =>
        _seen.TryAdd(organization + "|" + inboundId, true) ? await EnqueueAsync(queue, payload, now, cancellationToken) : null;

    public Task<IReadOnlyList<WorkItem>> ClaimAsync(string queue, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WorkItem>>([]);

    public Task CompleteAsync(long id, CancellationToken cancellationToken) => Task.FromResult(_items.TryRemove(id, out _));

    public Task RetryAsync(long id, DateTimeOffset dueAt, string error, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task FailAsync(long id, string error, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> CountPendingAsync(string queue, CancellationToken cancellationToken) => Task.FromResult(_items.Count);

    public Task<int> CountFailedAsync(string queue, CancellationToken cancellationToken) => Task.FromResult(0);

    /// <summary>Not tracked here: the in-memory queue keeps no receipt times.</summary>
    public Task<DateTimeOffset?> OldestPendingAsync(string queue, CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);
}
