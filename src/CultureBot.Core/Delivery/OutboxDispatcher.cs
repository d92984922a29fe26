using CultureBot.Core.Conversations;
using CultureBot.Core.Queue;
using Microsoft.Extensions.Logging;

namespace CultureBot.Core.Delivery;

/// <summary>
/// Drains the outbox. Each item is claimed with a lease, sent through its platform's sender (which keeps to the
/// platform's rate limits), then completed; a rate limit or a server error puts it back with the delay the
/// platform asked for (or a growing backoff); a conversation that is gone gets its reason recorded and is never
/// retried. Whatever one item throws (a bad stored service URL, a token refused, a card that does not render) is
/// caught for that item alone: it is retried with the same backoff and set aside with its error after
/// <see cref="MaxAttempts"/>, while the rest of its batch goes out. After a crash the leases run out and the items
/// are sent then: at most the messages in flight at the crash can go twice.
/// </summary>
public sealed partial class OutboxDispatcher(
    IWorkQueue queue,
    IConversationStore conversations,
    IEnumerable<IProactiveSender> senders,
    IEnumerable<IDeliveryReceipts> receipts,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger,
    Insights.IEngagementLog? engagement = null)
{
    public const int MaxAttempts = 10;
    public const int BatchSize = 50;
    public const int Parallelism = 8;
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, IProactiveSender> _senders = senders.ToDictionary(s => s.Platform, StringComparer.Ordinal);

    /// <summary>How long a claimed item is hidden from other dispatchers; after a crash, its items are sent again once it ends.</summary>
    public TimeSpan Lease { get; init; } = DefaultLease;

    /// <summary>Claims and delivers one batch. Returns how many items it took.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var items = await queue.ClaimAsync(OutboxMessage.QueueName, BatchSize, clock.GetUtcNow(), Lease, cancellationToken);
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, DeliverAsync);
        return items.Count;
    }

    private async ValueTask DeliverAsync(WorkItem item, CancellationToken cancellationToken)
    {
        OutboxMessage message;
        try
        {
            message = OutboxMessage.Deserialize(item.Payload);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            await queue.FailAsync(item.Id, "unreadable outbox item: " + e.Message, clock.GetUtcNow(), CancellationToken.None);
            return;
        }

        DeliveryResult result;
        try
        {
            result = await SendAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the item is sent after the restart.
            throw;
        }
#pragma warning disable CA1031 // Whatever one message throws (a bad stored URL, a token refused, a card that does not render), it alone waits.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, item.Id, item.Attempts, e);
            result = new DeliveryResult(DeliveryOutcome.RetryLater, e.GetType().Name + ": " + e.Message);
        }

        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent:
                // Posted: a listener that fails to take the receipt does not send it again (it would post twice).
                if (message.Receipt is { } receipt && result.MessageId is { } messageId)
                {
                    await ReportReceiptAsync(item.Id, receipt, messageId);
                }

                await queue.CompleteAsync(item.Id, CancellationToken.None);
                await RecordDeliveredAsync(item.Id, message, result.MessageId);
                break;
            case DeliveryOutcome.Gone:
                LogGone(logger, item.Id, message.Conversation, result.Reason);
                await queue.FailAsync(item.Id, "gone: " + result.Reason, clock.GetUtcNow(), CancellationToken.None);
                break;
            case DeliveryOutcome.RetryLater when item.Attempts >= MaxAttempts:
                LogGaveUp(logger, item.Id, item.Attempts, result.Reason);
                await queue.FailAsync(item.Id, $"gave up after {item.Attempts} attempts: {result.Reason}", clock.GetUtcNow(), CancellationToken.None);
                break;
            default:
                var delay = result.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(600, 2 * Math.Pow(2, item.Attempts - 1)));
                await queue.RetryAsync(item.Id, clock.GetUtcNow() + delay, result.Reason ?? "retry", CancellationToken.None);
                break;
        }
    }

    private async Task ReportReceiptAsync(long id, string receipt, string messageId)
    {
        foreach (var listener in receipts)
        {
            try
            {
                await listener.DeliveredAsync(receipt, messageId, CancellationToken.None);
            }
#pragma warning disable CA1031 // The message is out; a listener that fails loses its live update, not the other listeners' or the queue's work.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogReceiptFailed(logger, id, receipt, e);
            }
        }
    }

    /// <summary>
    /// A digest counts as delivered when it is posted, not when it is decided. No person: a delivery is not something
    /// someone did. Its message id lets a read receipt name the digest it follows; the log never throws.
    /// </summary>
    private Task RecordDeliveredAsync(long id, OutboxMessage message, string? messageId) =>
        engagement is not null && message.Purpose == Digests.DigestScheduler.Purpose && message.Replaces is null
            ? engagement.RecordAsync(message.Conversation, null, Insights.EngagementKinds.DigestDelivered, detail: messageId ?? "outbox:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : Task.CompletedTask;

    private async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(message.Conversation.Platform, out var sender))
        {
            return new DeliveryResult(DeliveryOutcome.Gone, $"no sender for platform {message.Conversation.Platform}");
        }

        if (await conversations.GetReferenceAsync(message.Conversation, cancellationToken) is not { } reference)
        {
            return new DeliveryResult(DeliveryOutcome.Gone, "the bot never heard from this conversation");
        }

        return message.Replaces is { } messageId
            ? await sender.UpdateAsync(reference, messageId, message.Message, cancellationToken)
            : await sender.SendAsync(reference, message.Message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox item {Id} failed (attempt {Attempt}); it alone waits for its next attempt")]
    private static partial void LogFailed(ILogger logger, long id, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox item {Id} was posted, but the receipt {Receipt} could not be recorded")]
    private static partial void LogReceiptFailed(ILogger logger, long id, string receipt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox item {Id} to {Conversation}: conversation gone ({Reason}); not retried")]
    private static partial void LogGone(ILogger logger, long id, ConversationKey conversation, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox item {Id} set aside after {Attempts} attempts: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, long id, int attempts, string? reason);
}
