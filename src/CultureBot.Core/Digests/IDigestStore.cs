using CultureBot.Core.Conversations;

namespace CultureBot.Core.Digests;

/// <summary>Digest subscriptions, and which verbatims each conversation has already been shown.</summary>
public interface IDigestStore
{
    /// <summary>Inserts or replaces the subscription of its conversation; the latest past occurrence counts as sent.</summary>
    Task SubscribeAsync(DigestSubscription subscription, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>True when there was a subscription to remove.</summary>
    Task<bool> UnsubscribeAsync(ConversationKey conversation, CancellationToken cancellationToken);

    Task<DigestSubscription?> GetAsync(ConversationKey conversation, CancellationToken cancellationToken);

    Task<IReadOnlyList<DigestSubscription>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The subscriptions of <paramref name="organization"/>'s conversations only.</summary>
    Task<IReadOnlyList<DigestSubscription>> ListAsync(OrganizationKey organization, CancellationToken cancellationToken);

    /// <summary>
    /// Pauses or resumes a subscription. Resuming counts the latest past occurrence as sent (<paramref name="at"/>), so
    /// the weeks it was paused are not owed at once. False when the conversation has no subscription.
    /// </summary>
    Task<bool> SetPausedAsync(ConversationKey conversation, bool paused, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The ids of the verbatims already posted in <paramref name="conversation"/>.</summary>
    Task<IReadOnlySet<long>> ShownAsync(ConversationKey conversation, CancellationToken cancellationToken);

    /// <summary>
    /// The decision to send the digest of <paramref name="occurrence"/>, in one transaction: marks the occurrence as sent
    /// (only if no one did: false when another host or an earlier run already decided), records the verbatims shown,
    /// and puts <paramref name="message"/> (when there is one) in the outbox.
    /// </summary>
    Task<bool> RecordSentAsync(DigestSubscription subscription, DateTimeOffset occurrence, IReadOnlyCollection<long> shownIds, bool resetShown, Delivery.OutboxMessage? message, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records verbatims as posted; with <paramref name="resetFirst"/>, forgets the previous ones (every verbatim has been shown: the cycle starts again).</summary>
    Task RecordShownAsync(ConversationKey conversation, IReadOnlyCollection<long> verbatimIds, bool resetFirst, DateTimeOffset at, CancellationToken cancellationToken);
}
