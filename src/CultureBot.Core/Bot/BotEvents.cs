namespace CultureBot.Core.Bot;

/// <summary>
/// Names of the platform events the router dispatches like any other turn (<see cref="TurnKind.Event"/>): the
/// platform adapters map their wire events to these, features handle them with <see cref="BotRouteBuilder.OnEvent"/>.
/// </summary>
public static class BotEvents
{
    /// <summary>Someone opened the bot's home (Slack App Home tab): answer with <see cref="ITurnChannel.ShowHomeAsync"/>.</summary>
    public const string HomeOpened = "home-opened";

    /// <summary>The app was uninstalled from the organization, or its tokens were revoked: forget what lets the bot act there.</summary>
    public const string Uninstalled = "uninstalled";

    /// <summary>
    /// The person read the conversation up to a message (Teams sends a read receipt in personal chats); the event's
    /// value names it: <c>{"messageId": "…"}</c>.
    /// </summary>
    public const string MessageRead = "message-read";
}
