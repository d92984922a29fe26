namespace CultureBot.Slack.Tests;

/// <summary>Settings that cannot work stop the host at start with a sentence naming the key.</summary>
public class SlackOptionsTests
{
    private static IEnumerable<string> Failures(SlackOptions options) =>
        new SlackOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Slack_off_needs_nothing() => Assert.Empty(Failures(new SlackOptions()));

    [Fact]
    public void A_bot_token_without_a_signing_secret_is_refused() =>
        Assert.Contains(Failures(new SlackOptions { BotToken = "xoxb-1" }), f => f.StartsWith("Slack:SigningSecret", StringComparison.Ordinal));

    [Fact]
    public void Socket_mode_without_a_way_to_answer_is_refused() =>
        Assert.Contains(Failures(new SlackOptions { SigningSecret = "s", AppToken = "xapp-1" }), f => f.StartsWith("Slack:AppToken (Socket Mode)", StringComparison.Ordinal));

    [Fact]
    public void A_bot_token_in_place_of_the_app_token_is_refused() =>
        Assert.Contains(Failures(new SlackOptions { SigningSecret = "s", BotToken = "xoxb-1", AppToken = "xoxb-1" }), f => f.Contains("xapp-", StringComparison.Ordinal));

    [Fact]
    public void An_oauth_client_without_its_secret_is_refused() =>
        Assert.Contains(Failures(new SlackOptions { SigningSecret = "s", ClientId = "1.2" }), f => f.StartsWith("Slack:ClientSecret", StringComparison.Ordinal));

    [Fact]
    public void Socket_mode_with_a_bot_token_is_accepted() =>
        Assert.Empty(Failures(new SlackOptions { SigningSecret = "s", BotToken = "xoxb-1", AppToken = "xapp-1" }));

    [Theory]
    [InlineData(null, null, null, "off (no Slack settings)")]
    [InlineData("xoxb-secret-token", null, null, "on, over HTTP (/slack/events, /slack/commands, /slack/interactions), for the configured workspace")]
    [InlineData("xoxb-secret-token", "xapp-secret-token", null, "on, over Socket Mode, for the configured workspace")]
    [InlineData(null, null, "1234.5678", "on, over HTTP (/slack/events, /slack/commands, /slack/interactions), for the workspaces that install it (/slack/install)")]
    public void The_start_report_says_how_slack_runs_and_never_a_secret(string? botToken, string? appToken, string? clientId, string expected)
    {
        var on = botToken is not null || appToken is not null || clientId is not null;
        var described = new SlackOptions { SigningSecret = on ? "signing-secret" : null, BotToken = botToken, AppToken = appToken, ClientId = clientId, ClientSecret = clientId is null ? null : "client-secret" }.Describe();

        Assert.Equal(expected, described);
        Assert.DoesNotContain("secret", described, StringComparison.Ordinal);
    }
}
