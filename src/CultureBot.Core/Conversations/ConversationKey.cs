namespace CultureBot.Core.Conversations;

/// <summary>Identifies a conversation across platforms: a Teams chat or channel, a Slack channel or DM.</summary>
/// <param name="Platform">The platform, as a <see cref="Platforms"/> constant.</param>
/// <param name="TenantId">The Microsoft 365 tenant or the Slack workspace (team) id.</param>
/// <param name="ConversationId">The platform's conversation id.</param>
public sealed record ConversationKey(string Platform, string TenantId, string ConversationId)
{
    public override string ToString() => $"{Platform}/{TenantId}/{ConversationId}";
}

/// <summary>Platform names as stored and routed. Open string constants: more may come.</summary>
public static class Platforms
{
    public const string Teams = "msteams";
    public const string Slack = "slack";
}

/// <summary>Where a conversation happens, which decides what the bot may do there (team game vs solo practice).</summary>
public enum ConversationKind
{
    Personal,
    GroupChat,
    Channel,
}
