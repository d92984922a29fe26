using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;

namespace CultureBot.Core.Delivery;

/// <summary>What became of one delivery attempt.</summary>
public enum DeliveryOutcome
{
    Sent,

    /// <summary>Rate-limited, a server error or a timeout: try again later.</summary>
    RetryLater,

    /// <summary>The conversation cannot be written to any more (app removed, user blocked it, channel gone): never retry.</summary>
    Gone,
}

/// <param name="Outcome">What happened.</param>
/// <param name="Reason">The platform's reason, for the record (<c>403 Forbidden</c>, <c>not_in_channel</c>…).</param>
/// <param name="RetryAfter">How long the platform asked to wait, when it said.</param>
/// <param name="MessageId">The platform's id of the message posted (Teams activity id, Slack ts), to update it later.</param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? Reason = null, TimeSpan? RetryAfter = null, string? MessageId = null)
{
    public static readonly DeliveryResult Sent = new(DeliveryOutcome.Sent);
}

/// <summary>Posts a message to a conversation without an inbound turn: one implementation per platform.</summary>
public interface IProactiveSender
{
    /// <summary>The platform it serves, as a <see cref="Platforms"/> constant.</summary>
    string Platform { get; }

    Task<DeliveryResult> SendAsync(ConversationReference reference, BotMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces a message the bot posted before (a live card: a quiz round's answer count, its reveal).</summary>
    Task<DeliveryResult> UpdateAsync(ConversationReference reference, string messageId, BotMessage message, CancellationToken cancellationToken);
}

/// <summary>Told when an outbox message that asked for a receipt was posted, with the platform's id for it.</summary>
public interface IDeliveryReceipts
{
    Task DeliveredAsync(string receipt, string messageId, CancellationToken cancellationToken);
}
