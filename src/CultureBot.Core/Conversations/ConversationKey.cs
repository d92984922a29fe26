namespace CultureBot.Core.Conversations;

/// <summary>Identifies a conversation across platforms: a Teams chat or channel, a Slack channel or DM.</summary>
/// <param name="Platform">The platform, as a <see cref="Platforms"/> constant.</param>
/// <param name="TenantId">The Microsoft 365 tenant or the Slack workspace (team) id.</param>
/// <param name="ConversationId">The platform's conversation id.</param>
public sealed record ConversationKey(string Platform, string TenantId, string ConversationId)
{
    /// <summary>Teams gives a reply thread of a channel its own id: the channel's, then <c>;messageid=…</c>.</summary>
    private const string TeamsThreadSuffix = ";messageid=";

    /// <summary>The organization the conversation belongs to.</summary>
    public OrganizationKey Organization => new(Platform, TenantId);

    /// <summary>
    /// True when <paramref name="other"/> is this conversation, or a Teams reply thread of the same channel (a click on a
    /// card the bot posted in a channel comes from the thread that card started): what a card action is checked against.
    /// </summary>
    public bool IsSameConversation(ConversationKey? other) =>
        other is not null && Platform == other.Platform && TenantId == other.TenantId
        && string.Equals(Channel(ConversationId), Channel(other.ConversationId), StringComparison.Ordinal);

    private static string Channel(string conversationId) =>
        conversationId.IndexOf(TeamsThreadSuffix, StringComparison.Ordinal) is var at and > 0 ? conversationId[..at] : conversationId;

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
