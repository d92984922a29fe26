using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;

namespace CultureBot.Core.Delivery;

/// <summary>
/// A proactive message waiting in the outbox: where it goes and what it says. Stored as JSON in the work queue
/// (queue <see cref="QueueName"/>), written in the same transaction as the decision to send it.
/// </summary>
/// <param name="Conversation">Where to post (its stored reference says how).</param>
/// <param name="Message">What to post; a card is rendered at delivery, in the conversation's language.</param>
/// <param name="Purpose">Why (digest, quiz, onboarding…), for logs and the operator.</param>
public sealed record OutboxMessage(ConversationKey Conversation, BotMessage Message, string Purpose)
{
    /// <summary>The id of a message the bot posted before, to replace instead of posting a new one.</summary>
    public string? Replaces { get; init; }

    /// <summary>When set, <see cref="IDeliveryReceipts"/> is told the posted message's id under this tag (to update it later).</summary>
    public string? Receipt { get; init; }

    public const string QueueName = "outbox";

    public string Serialize()
    {
        var root = new JsonObject
        {
            ["platform"] = Conversation.Platform,
            ["tenant"] = Conversation.TenantId,
            ["conversation"] = Conversation.ConversationId,
            ["purpose"] = Purpose,
            ["text"] = Message.Text,
            ["replaces"] = Replaces,
            ["receipt"] = Receipt,
        };
        if (Message.Culture is { } culture)
        {
            // A reply answered in the language the person typed (not the conversation's) stays in it when it is late.
            root["language"] = culture.Name;
        }

        if (Message.Card is { } card)
        {
            root["card"] = card.Name;
            root["data"] = card.Data.DeepClone();
        }

        return root.ToJsonString();
    }

    public static OutboxMessage Deserialize(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("An outbox item is not a JSON object.");
        string Required(string name) => root[name]?.GetValue<string>() ?? throw new FormatException($"An outbox item has no {name}.");
        var card = root["card"]?.GetValue<string>() is { } name ? new CardContent(name, root["data"]?.AsObject().DeepClone().AsObject() ?? []) : null;
        return new OutboxMessage(
            new ConversationKey(Required("platform"), Required("tenant"), Required("conversation")),
            new BotMessage(root["text"]?.GetValue<string>(), card) { Culture = root["language"]?.GetValue<string>() is { Length: > 0 } language ? Locales.Resolve(language) : null },
            root["purpose"]?.GetValue<string>() ?? "message")
        {
            Replaces = root["replaces"]?.GetValue<string>(),
            Receipt = root["receipt"]?.GetValue<string>(),
        };
    }
}
