using System.Text.Json.Nodes;
using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Localization;
using CultureBot.Slack.Installations;
using CultureBot.Slack.Schema;
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

            channel = open.Read<SlackConversationOpenResponse>()?.Channel?.Id ?? channel;
        }

        var body = SlackMessages.Render(cards, message, Locales.Resolve(reference.Locale));
        body["channel"] = channel;
        var posted = await api.PostMessageAsync(workspace.BotToken, workspace.TeamId, body, cancellationToken);
        return posted.Ok && posted.Read<SlackPostMessageResponse>() is { Ts: { } ts } sent
            ? new DeliveryResult(DeliveryOutcome.Sent, MessageId: MessageId(sent.Channel ?? channel, ts))
            : Outcome(posted);
    }

    /// <summary>Replaces a message posted by <see cref="SendAsync"/>; <paramref name="messageId"/> is the id it returned.</summary>
    public async Task<DeliveryResult> UpdateAsync(ConversationReference reference, string messageId, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(messageId);
        if (await workspaces.FindAsync(reference.Key.TenantId, cancellationToken) is not { } workspace)
        {
            return new DeliveryResult(DeliveryOutcome.Gone, "the app is not installed in this workspace");
        }

        var separator = messageId.IndexOf(' ', StringComparison.Ordinal);
        var body = SlackMessages.Render(cards, message, Locales.Resolve(reference.Locale));
        body["channel"] = separator > 0 ? messageId[..separator] : reference.Key.ConversationId;
        body["ts"] = separator > 0 ? messageId[(separator + 1)..] : messageId;
        var updated = await api.UpdateAsync(workspace.BotToken, workspace.TeamId, body, cancellationToken);
        return updated.Ok ? new DeliveryResult(DeliveryOutcome.Sent, MessageId: messageId) : Outcome(updated);
    }

    /// <summary>Slack names a message by its channel and its ts: both, so that a direct message can be updated too.</summary>
    private static string MessageId(string channel, string ts) => channel + " " + ts;

    private static DeliveryResult Outcome(SlackApiResult result) =>
        result.Ok ? DeliveryResult.Sent
        : result.IsUnreachable || result.IsAuthError ? new DeliveryResult(DeliveryOutcome.Gone, result.Error)
        : new DeliveryResult(DeliveryOutcome.RetryLater, result.Error);
}
