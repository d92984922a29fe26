using CultureBot.Core.Delivery;
using Microsoft.Extensions.Logging;

namespace CultureBot.Core.Digests;

/// <summary>
/// Sends the digests that are owed: for each subscription whose local day and time has passed since its last
/// digest, the digest is built and the decision recorded with its outbox message in one transaction. Missed weeks
/// (the host was down) owe one digest, not one per week; two hosts deciding at once send one.
/// </summary>
public sealed partial class DigestScheduler(IDigestStore store, DigestBuilder builder, ILogger<DigestScheduler> logger) : IDueCheck
{
    /// <summary>The outbox purpose of a digest: the outbox records each one it posts (engagement: digests delivered).</summary>
    public const string Purpose = "digest";

    /// <summary>Returns how many digests were put in the outbox.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var subscription in await store.ListAsync(cancellationToken))
        {
            if (!subscription.IsDue(now))
            {
                continue;
            }

            var occurrence = subscription.LatestAtOrBefore(now);
            var digest = await builder.BuildAsync(subscription.Conversation, subscription.Language, now, cancellationToken);
            var message = digest is null ? null : new OutboxMessage(subscription.Conversation, digest.Message, Purpose);
            var shown = digest?.Content.Picks.Select(p => p.Id).ToList() ?? [];
            if (await store.RecordSentAsync(subscription, occurrence, shown, digest?.Content.CycleRestarted ?? false, message, now, cancellationToken))
            {
                LogQueued(logger, subscription.Conversation, occurrence, shown.Count);
                sent += message is null ? 0 : 1;
            }
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for {Conversation} ({Occurrence:u}): {Count} verbatims queued")]
    private static partial void LogQueued(ILogger logger, Conversations.ConversationKey conversation, DateTimeOffset occurrence, int count);
}
