using CultureBot.Core.Conversations;
using CultureBot.Core.Queue;
using CultureBot.Teams.Adapter;

namespace CultureBot.Teams.Inbound;

/// <summary>
/// Teams' part in the shared inbound queue: every activity but invokes (which answer in the HTTP response) waits in
/// <c>teams-inbound</c>, recognised by its tenant and activity id, and is run by the <see cref="TeamsBotAdapter"/>,
/// one person's in order. Replies go to the activity's serviceUrl through the Bot Connector, as during the request.
/// </summary>
public sealed class TeamsInboundPlatform : IInboundPlatform<TeamsInbound>
{
    public const string QueueName = "teams-inbound";

    string IInboundPlatform<TeamsInbound>.QueueName => QueueName;

    /// <summary>Teams is always on: local mode serves the Agents Playground.</summary>
    public bool Enabled => true;

    public (OrganizationKey Organization, string? DedupeKey) IdentityOf(TeamsInbound item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (new OrganizationKey(Platforms.Teams, ActivityTenant.Of(item.Activity) ?? string.Empty), item.Activity.Id is { Length: > 0 } id ? id : null);
    }

    public string Serialize(TeamsInbound item, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (item with { ReceivedAt = receivedAt }).Serialize();
    }

    public TeamsInbound Deserialize(string stored) => TeamsInbound.Deserialize(stored);

    public string? SenderOf(TeamsInbound item) => item?.Activity.From?.Id;
}
