using System.Globalization;
using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Localization;
using CultureBot.Teams.Connector;
using CultureBot.Teams.Schema;

namespace CultureBot.Teams.Adapter;

/// <summary>
/// Proactive messages to Teams conversations through the Bot Connector, paced under Teams' limits: 50 requests
/// a second per tenant for the app (paced at 49.5, so that network jitter does not push a 51st request into
/// Teams' one-second window), and 7 a second per conversation. The connector client itself waits out a
/// 429's <c>Retry-After</c> and backs off on 5xx; what still fails comes back as "retry later".
/// </summary>
public sealed class TeamsProactiveSender(IConnectorClient connector, CardCatalog cards, TimeProvider clock) : IProactiveSender
{
    public static readonly TimeSpan PerTenant = TimeSpan.FromSeconds(1) / 49.5;
    public static readonly TimeSpan PerConversation = TimeSpan.FromSeconds(1) / 7;

    private readonly Pacer _pacer = new(clock);

    public string Platform => Platforms.Teams;

    public async Task<DeliveryResult> SendAsync(ConversationReference reference, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(message);
        if (reference.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return new DeliveryResult(DeliveryOutcome.Gone, "no serviceUrl stored for this conversation");
        }

        await _pacer.WaitAsync("tenant|" + reference.Key.TenantId, PerTenant, cancellationToken);
        await _pacer.WaitAsync("conversation|" + reference.Key.ConversationId, PerConversation, cancellationToken);
        var result = await connector.SendToConversationAsync(serviceUrl, reference.Key.ConversationId, ToActivity(reference, message), cancellationToken);
        return result.Outcome switch
        {
            ConnectorOutcome.Succeeded => DeliveryResult.Sent,
            ConnectorOutcome.Forbidden or ConnectorOutcome.NotFound => new DeliveryResult(DeliveryOutcome.Gone, $"{result.StatusCode?.ToString(CultureInfo.InvariantCulture)} {result.ErrorCode}".Trim()),
            _ => new DeliveryResult(DeliveryOutcome.RetryLater, $"status {result.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none"} after {result.Attempts} attempt(s)"),
        };
    }

    private Activity ToActivity(ConversationReference reference, BotMessage message)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Conversation = new ConversationAccount { Id = reference.Key.ConversationId },
            Locale = reference.Locale,
        };
        if (message.Card is { } card)
        {
            activity.Attachments = [Attachment.AdaptiveCard(cards.Render(Platforms.Teams, card, Locales.Resolve(reference.Locale)))];
            activity.Summary = message.Text;
        }
        else
        {
            activity.Text = message.Text;
            activity.TextFormat = "markdown";
        }

        return activity;
    }
}
