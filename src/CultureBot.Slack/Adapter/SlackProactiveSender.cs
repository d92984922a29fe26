using System.Text.Json.Nodes;
using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Localization;
using CultureBot.Slack.Installations;
using CultureBot.Slack.WebApi;

namespace CultureBot.Slack.Adapter;

/// <summary>
/// Proactive messages to Slack channels and direct messages with the workspace's token; the Web API client keeps
/// to Slack's limits (one message a second per channel, method tiers) and waits out 429s.
/// </summary>
public sealed class SlackProactiveSender(SlackWorkspaces workspaces, SlackWebApiClient api, CardCatalog cards) : IProactiveSender
{
    public string Platform => Platforms.Slack;

    public async Task<DeliveryResult> SendAsync(ConversationReference reference, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(message);
        if (await workspaces.FindAsync(reference.Key.TenantId, cancellationToken) is not { } workspace)
        {
            return new DeliveryResult(DeliveryOutcome.Gone, "the app is not installed in this workspace");
        }

        var channel = reference.Key.ConversationId;
        if (channel.Length > 0 && channel[0] is 'U' or 'W')
        {
            var open = await api.OpenConversationAsync(workspace.BotToken, workspace.TeamId, channel, cancellationToken);
            if (!open.Ok)
            {
                return Outcome(open);
            }

            channel = open.Body?["channel"]?["id"]?.GetValue<string>() ?? channel;
        }

        var body = SlackMessages.Render(cards, message, Locales.Resolve(reference.Locale));
        body["channel"] = channel;
        return Outcome(await api.PostMessageAsync(workspace.BotToken, workspace.TeamId, body, cancellationToken));
    }

    private static DeliveryResult Outcome(SlackApiResult result) =>
        result.Ok ? DeliveryResult.Sent
        : result.IsUnreachable || result.IsAuthError ? new DeliveryResult(DeliveryOutcome.Gone, result.Error)
        : new DeliveryResult(DeliveryOutcome.RetryLater, result.Error);
}
