using System.Text.Json.Nodes;

namespace CultureBot.Core.Bot;

/// <summary>
/// A card by catalog name with its view-model. Each platform renders it from its own template
/// (<c>cards/teams/NAME.json</c>, <c>cards/slack/NAME.json</c>) in the user's language.
/// </summary>
public sealed record CardContent(string Name, JsonObject Data);

/// <summary>
/// What the bot says: a text, or a card. With a card, <see cref="Text"/> is the short summary that
/// notifications and screen readers show, not a second message.
/// </summary>
public sealed record BotMessage(string? Text, CardContent? Card)
{
    /// <summary>
    /// The language the message is written in when it is not its conversation's (a turn answered in the language the
    /// person typed, not their client's): its card is rendered in it. Null: the conversation's language.
    /// </summary>
    public System.Globalization.CultureInfo? Culture { get; init; }

    public static BotMessage FromText(string text) => new(text, null);

    public static BotMessage FromCard(string name, JsonObject data, string? fallbackText = null) =>
        new(fallbackText, new CardContent(name, data));
}
