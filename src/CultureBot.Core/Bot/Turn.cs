using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;

namespace CultureBot.Core.Bot;

/// <summary>What happened, in platform-neutral terms. Platform adapters map their wire payloads to this.</summary>
public enum TurnKind
{
    /// <summary>A user wrote to the bot.</summary>
    Message,

    /// <summary>A user clicked a card button (Teams Action.Submit / Action.Execute, Slack block_actions).</summary>
    Action,

    /// <summary>The bot was installed or added to a conversation.</summary>
    ConversationStarted,

    /// <summary>People (not the bot) joined the conversation.</summary>
    MembersAdded,

    /// <summary>People left, or the bot was removed or uninstalled.</summary>
    MembersRemoved,

    /// <summary>A named event sent to the bot (a Bot Framework <c>event</c> activity).</summary>
    Event,

    /// <summary>Anything else the platform sends (reactions, typing, custom events): tolerated, not routed.</summary>
    Other,
}

/// <summary>A person on a platform.</summary>
public sealed record BotUser(string Id, string? Name);

/// <summary>One inbound event, ready for routing.</summary>
public sealed record Turn
{
    public required TurnKind Kind { get; init; }

    public required ConversationReference Conversation { get; init; }

    /// <summary>The user's language as the platform tells it (handlers answer in <see cref="TurnContext.Culture"/>).</summary>
    public required CultureInfo Culture { get; init; }

    public BotUser? From { get; init; }

    /// <summary>The message text with bot mentions removed.</summary>
    public string? Text { get; init; }

    /// <summary>For <see cref="TurnKind.Action"/>: the action's verb.</summary>
    public string? ActionVerb { get; init; }

    /// <summary>For <see cref="TurnKind.Action"/>: the data the card attached to the button, with input values.</summary>
    public JsonObject? ActionData { get; init; }

    /// <summary>For <see cref="TurnKind.Event"/>: its name and value.</summary>
    public string? EventName { get; init; }

    public JsonObject? EventValue { get; init; }

    /// <summary>For <see cref="TurnKind.MembersAdded"/> and <see cref="TurnKind.MembersRemoved"/>.</summary>
    public IReadOnlyList<BotUser> Members { get; init; } = [];

    /// <summary>People the message @mentions, the bot excepted (a manager enrolling a newcomer).</summary>
    public IReadOnlyList<BotUser> Mentions { get; init; } = [];

    /// <summary>The platform's id for this event, used to process a retried event once.</summary>
    public string? InboundId { get; init; }

    /// <summary>
    /// When the bot received it, when that was earlier than now (a payload that waited in a queue); null means now.
    /// A quiz answer counts at this time: clicked before the bell, it is on time.
    /// </summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The platform's raw event type, for logs (e.g. <c>messageReaction</c>).</summary>
    public string? RawType { get; init; }
}
