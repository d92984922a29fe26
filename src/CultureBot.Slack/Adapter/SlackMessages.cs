using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;

namespace CultureBot.Slack.Adapter;

/// <summary>A <see cref="BotMessage"/> as a Slack message body, for answers and proactive messages alike.</summary>
internal static class SlackMessages
{
    /// <summary>
    /// A card rendered from <c>cards/slack</c> in the message's language when it has one (<see cref="BotMessage.Culture"/>),
    /// else in <paramref name="culture"/>, the message's text (when it has one) as
    /// its notification text; or the text alone, from Markdown to mrkdwn. Callers add <c>channel</c> and the rest.
    /// </summary>
    public static JsonObject Render(CardCatalog cards, BotMessage message, CultureInfo culture)
    {
        if (message.Card is { } card)
        {
            var rendered = cards.Render(Platforms.Slack, card, message.Culture ?? culture).AsObject();
            if (message.Text is { Length: > 0 } summary)
            {
                rendered["text"] = summary;
            }

            return rendered;
        }

        return new JsonObject { ["text"] = SlackMrkdwn.FromMarkdown(message.Text ?? string.Empty) };
    }

    /// <summary>A Slack message rendered from the catalog, as an App Home view (the same blocks; Home allows 100).</summary>
    public static JsonObject HomeView(JsonNode message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject { ["type"] = "home", ["blocks"] = message["blocks"]?.DeepClone() ?? new JsonArray() };
    }
}
