using System.Globalization;
using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Teams.Schema;

namespace CultureBot.Teams.Adapter;

/// <summary>A <see cref="BotMessage"/> as the content of a Teams message activity, for answers and proactive messages alike.</summary>
internal static class TeamsMessages
{
    /// <summary>
    /// A card becomes an Adaptive Card attachment rendered in the message's language when it has one (<see cref="BotMessage.Culture"/>),
    /// else in <paramref name="culture"/>, with the message's text as
    /// its notification summary (one activity: the connector would split text and attachment into two); a text is Markdown.
    /// </summary>
    public static void SetContent(Activity activity, BotMessage message, CardCatalog cards, CultureInfo culture)
    {
        if (message.Card is { } card)
        {
            activity.Attachments = [Attachment.AdaptiveCard(cards.Render(Platforms.Teams, card, message.Culture ?? culture))];
            activity.Summary = message.Text;
        }
        else
        {
            activity.Text = message.Text;
            activity.TextFormat = "markdown";
        }
    }
}
