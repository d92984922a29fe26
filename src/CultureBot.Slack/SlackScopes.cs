namespace CultureBot.Slack;

/// <summary>
/// The bot token scopes CultureBot asks for, and why. The manifests in <c>manifests/slack/</c> list the same
/// (a test holds them together).
/// </summary>
public static class SlackScopes
{
    public static IReadOnlyList<string> Bot { get; } =
    [
        "app_mentions:read", // @CultureBot in channels
        "channels:read",     // member_joined_channel in public channels
        "chat:write",        // answers, digests, quiz rounds
        "commands",          // /culturebot
        "groups:read",       // member_joined_channel in private channels
        "im:history",        // message.im: direct messages to the bot
        "im:read",
        "im:write",          // conversations.open for onboarding and App Home buttons
        "users:read",        // users.info: locale and time zone; team_join
    ];
}
