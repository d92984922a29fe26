using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;
using CultureBot.Core.Queue;
using Microsoft.Extensions.Options;

namespace CultureBot.Slack.Inbound;

/// <summary>
/// Slack's part in the shared inbound queue: verified payloads from the HTTP endpoints and Socket Mode wait in
/// <c>slack-inbound</c>, recognised by their event id, action timestamp or trigger id, one person's run in order.
/// </summary>
public sealed class SlackInboundPlatform(IOptions<SlackOptions> options) : IInboundPlatform<SlackInbound>
{
    public const string QueueName = "slack-inbound";

    string IInboundPlatform<SlackInbound>.QueueName => QueueName;

    public bool Enabled => options.Value.Enabled;

    public (OrganizationKey Organization, string? DedupeKey) IdentityOf(SlackInbound item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (new OrganizationKey(Platforms.Slack, item.TeamId ?? string.Empty), item.DedupeKey);
    }

    public string Serialize(SlackInbound item, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (item with { ReceivedAt = receivedAt }).Serialize();
    }

    public SlackInbound Deserialize(string stored) => SlackInbound.Deserialize(stored);

    /// <summary>
    /// The user whose payload it is. Never throws: the payload is client data (a <c>user</c> that is a string, an
    /// <c>event</c> that is not an object), and a throw here would stop the whole batch before any item's own error handling.
    /// </summary>
    public string? SenderOf(SlackInbound item) => item?.UserId;
}
