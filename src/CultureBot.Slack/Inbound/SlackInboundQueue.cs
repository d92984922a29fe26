using CultureBot.Core.Conversations;
using CultureBot.Core.Queue;
using Microsoft.Extensions.Logging;

namespace CultureBot.Slack.Inbound;

/// <summary>What happened to an inbound payload at the door.</summary>
public enum SlackAcceptance
{
    /// <summary>Stored for the worker.</summary>
    Queued,

    /// <summary>A retry of something already stored: acknowledged, not stored again.</summary>
    Duplicate,
}

/// <summary>
/// The door between Slack and the worker, shared by the HTTP endpoints and Socket Mode: records the payload's
/// id and stores the payload in the durable queue (one transaction), and only then lets the caller acknowledge.
/// Whatever was acknowledged survives a crash; whatever was not, Slack sends again.
/// </summary>
public sealed partial class SlackInboundQueue(IWorkQueue queue, TimeProvider clock, ILogger<SlackInboundQueue> logger) : IDisposable
{
    public const string QueueName = "slack-inbound";

    private readonly SemaphoreSlim _signal = new(0);

    public async Task<SlackAcceptance> AcceptAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var now = clock.GetUtcNow();
        inbound = inbound with { ReceivedAt = now };
        if (inbound.DedupeKey is { } key)
        {
            if (await queue.EnqueueOnceAsync(QueueName, new OrganizationKey(Platforms.Slack, inbound.TeamId ?? string.Empty), key, inbound.Serialize(), now, cancellationToken) is null)
            {
                LogDuplicate(logger, inbound.Kind, key);
                return SlackAcceptance.Duplicate;
            }
        }
        else
        {
            await queue.EnqueueAsync(QueueName, inbound.Serialize(), now, cancellationToken);
        }

        _signal.Release();
        return SlackAcceptance.Queued;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Kind} {Key} seen before: acknowledged, not processed again")]
    private static partial void LogDuplicate(ILogger logger, SlackInboundKind kind, string key);
}

/// <summary>The Slack payloads stored but not processed yet: a quiz round waits for the clicks received before its bell.</summary>
public sealed class SlackInboundBacklog(IWorkQueue queue) : IInboundBacklog
{
    public Task<DateTimeOffset?> OldestAsync(CancellationToken cancellationToken) => queue.OldestPendingAsync(SlackInboundQueue.QueueName, cancellationToken);
}
