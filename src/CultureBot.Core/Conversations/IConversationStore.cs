namespace CultureBot.Core.Conversations;

/// <summary>Durable facts about conversations, shared by every platform.</summary>
public interface IConversationStore
{
    /// <summary>Inserts or refreshes the reference used for later proactive messages.</summary>
    Task UpsertReferenceAsync(ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>The stored reference, or null when the bot never heard from that conversation.</summary>
    Task<ConversationReference?> GetReferenceAsync(ConversationKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the welcome card goes to this conversation. True only for the first caller:
    /// an insert-or-ignore on a unique key, so two concurrent installs cannot both welcome.
    /// </summary>
    Task<bool> TryMarkWelcomedAsync(ConversationKey key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records an inbound activity or event id, unique within its organization (the same id may come from two
    /// tenants). False when it was seen before: the platform retried and the work was already done.
    /// </summary>
    Task<bool> TryRecordInboundAsync(OrganizationKey organization, string inboundId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets an inbound id recorded by <see cref="TryRecordInboundAsync"/> whose work then failed: the platform's retry
    /// is done, not acknowledged as a duplicate.
    /// </summary>
    Task ForgetInboundAsync(OrganizationKey organization, string inboundId, CancellationToken cancellationToken);
}
