using Microsoft.Extensions.Logging;

namespace CultureBot.Core.Queue;

/// <summary>
/// The door between a platform and its worker, shared by every way a platform calls in (Slack's HTTP endpoints and
/// Socket Mode, Teams' messaging endpoint): records the payload's id and stores the payload in the durable queue
/// (one transaction), and only then lets the caller acknowledge. Whatever was acknowledged survives a crash;
/// whatever was not, the platform sends again.
/// </summary>
public sealed class InboundQueue<TItem>(IInboundPlatform<TItem> platform, IWorkQueue queue, TimeProvider clock, ILogger<InboundQueue<TItem>> logger) : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Stores <paramref name="item"/> for the worker. False when it is a retry of one already stored: acknowledge it, nothing more.</summary>
    public async Task<bool> AcceptAsync(TItem item, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (organization, dedupeKey) = platform.IdentityOf(item);
        var stored = platform.Serialize(item, now);
        if (dedupeKey is null)
        {
            await queue.EnqueueAsync(platform.QueueName, stored, now, cancellationToken);
        }
        else if (await queue.EnqueueOnceAsync(platform.QueueName, organization, dedupeKey, stored, now, cancellationToken) is null)
        {
            InboundLog.Duplicate(logger, platform.QueueName, dedupeKey);
            return false;
        }

        _signal.Release();
        return true;
    }

    /// <summary>Waits until something is accepted or <paramref name="timeout"/> passes, whichever comes first.</summary>
    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await _signal.WaitAsync(timeout, cancellationToken))
        {
            // Several accepts may have signalled: one wake-up claims them all.
            while (_signal.CurrentCount > 0 && _signal.Wait(0, CancellationToken.None))
            {
            }
        }
    }

    public void Dispose() => _signal.Dispose();
}

/// <summary>A platform's payloads stored but not processed yet: a quiz round waits for the clicks received before its bell.</summary>
public sealed class InboundBacklog<TItem>(IInboundPlatform<TItem> platform, IWorkQueue queue) : IInboundBacklog
{
    public Task<DateTimeOffset?> OldestAsync(CancellationToken cancellationToken) => queue.OldestPendingAsync(platform.QueueName, cancellationToken);
}
