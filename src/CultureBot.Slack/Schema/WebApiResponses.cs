namespace CultureBot.Slack.Schema;

/// <summary>What every Web API method answers: <c>ok</c>, and Slack's error code when it is false.</summary>
public record SlackApiResponse : SlackRecord
{
    public bool? Ok { get; init; }

    /// <summary><c>not_in_channel</c>, <c>invalid_auth</c>…</summary>
    public string? Error { get; init; }

    public string? Warning { get; init; }
}

/// <summary><c>chat.postMessage</c>: where the message went and its timestamp (its id in the channel).</summary>
public sealed record SlackPostMessageResponse : SlackApiResponse
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}

/// <summary><c>conversations.open</c>: the direct message with a user.</summary>
public sealed record SlackConversationOpenResponse : SlackApiResponse
{
    public SlackChannel? Channel { get; init; }
}

/// <summary><c>users.info</c>: a user with their locale and time zone.</summary>
public sealed record SlackUserInfoResponse : SlackApiResponse
{
    public SlackUser? User { get; init; }
}

/// <summary><c>auth.test</c>: whose token it is.</summary>
public sealed record SlackAuthTestResponse : SlackApiResponse
{
    public string? TeamId { get; init; }

    /// <summary>The bot's own user id, for a bot token.</summary>
    public string? UserId { get; init; }

    public string? BotId { get; init; }
}

/// <summary><c>apps.connections.open</c>: the WebSocket URL of a new Socket Mode connection.</summary>
public sealed record SlackConnectionOpenResponse : SlackApiResponse
{
    public string? Url { get; init; }
}

/// <summary><c>oauth.v2.access</c>: the installed workspace and its bot token.</summary>
public sealed record SlackOAuthAccessResponse : SlackApiResponse
{
    /// <summary>The bot token (xoxb-…). Never logged.</summary>
    public string? AccessToken { get; init; }

    public string? TokenType { get; init; }

    public string? Scope { get; init; }

    public string? BotUserId { get; init; }

    public string? AppId { get; init; }

    public SlackTeam? Team { get; init; }
}
