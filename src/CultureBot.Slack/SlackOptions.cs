using Microsoft.Extensions.Options;

namespace CultureBot.Slack;

/// <summary>The <c>Slack</c> section. Slack is on as soon as a token or an OAuth client is configured.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Verifies that requests come from Slack (v0 HMAC-SHA256). Required whenever Slack is on.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>A single workspace's bot token (xoxb-…).</summary>
    public string? BotToken { get; set; }

    /// <summary>The app-level token (xapp-…) for Socket Mode.</summary>
    public string? AppToken { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The OAuth callback as Slack must call it (…/slack/oauth/callback), when the host is behind a proxy; else the request's own URL.</summary>
    public string? OAuthRedirectUrl { get; set; }

    /// <summary>The Web API base; overridable for tests.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    public bool Enabled =>
        !string.IsNullOrWhiteSpace(BotToken) || !string.IsNullOrWhiteSpace(AppToken) || !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(SigningSecret);

    /// <summary>How Slack reaches this host and whose workspaces it serves, in words for the start report (no secret in it).</summary>
    public string Describe()
    {
        if (!Enabled)
        {
            return "off (no Slack settings)";
        }

        var transport = string.IsNullOrWhiteSpace(AppToken) ? "over HTTP (/slack/events, /slack/commands, /slack/interactions)" : "over Socket Mode";
        var workspaces = (string.IsNullOrWhiteSpace(BotToken), string.IsNullOrWhiteSpace(ClientId)) switch
        {
            (false, false) => "the configured workspace and those that install it (/slack/install)",
            (false, true) => "the configured workspace",
            (true, false) => "the workspaces that install it (/slack/install)",
            _ => "no workspace yet (set Slack:BotToken, or Slack:ClientId for installs)",
        };
        return $"on, {transport}, for {workspaces}";
    }
}

/// <summary>Refuses to start Slack without a signing secret: an unverified endpoint would accept anyone's requests.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Enabled && string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            failures.Add("Slack:SigningSecret must be set when Slack is on (Slack:BotToken, Slack:AppToken or Slack:ClientId is set): copy it from the app's Basic Information page.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out _))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute URL such as https://slack.com/api/.");
        }

        if (!string.IsNullOrWhiteSpace(options.AppToken) && string.IsNullOrWhiteSpace(options.BotToken) && string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Slack:AppToken (Socket Mode) needs Slack:BotToken or the OAuth install (Slack:ClientId): Socket Mode brings the events, the bot token answers them.");
        }

        if (!string.IsNullOrWhiteSpace(options.AppToken) && !options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack:AppToken must be an app-level token (xapp-…), from the app's Basic Information page, not a bot token.");
        }

        if (!string.IsNullOrWhiteSpace(options.ClientId) && string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Slack:ClientSecret must be set with Slack:ClientId, for the OAuth install.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
