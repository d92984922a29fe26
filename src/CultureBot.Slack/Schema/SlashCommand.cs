namespace CultureBot.Slack.Schema;

/// <summary>A slash command: the fields of its form (or of a Socket Mode <c>slash_commands</c> envelope's payload), all text.</summary>
public sealed record SlackSlashCommand : SlackPayload
{
    public string? Token { get; init; }

    public string? Command { get; init; }

    /// <summary>What follows the command, with Slack's escapes (<c>&amp;amp;</c>, <c>&lt;@U…|name&gt;</c>).</summary>
    public string? Text { get; init; }

    public string? TeamId { get; init; }

    public string? TeamDomain { get; init; }

    public string? EnterpriseId { get; init; }

    public string? ChannelId { get; init; }

    public string? ChannelName { get; init; }

    public string? UserId { get; init; }

    public string? UserName { get; init; }

    public string? ApiAppId { get; init; }

    /// <summary>Where the answer goes (ephemeral, to the person who typed the command).</summary>
    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }
}
