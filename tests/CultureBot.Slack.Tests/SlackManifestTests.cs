using System.Text.Json.Nodes;
using CultureBot.Testing;

namespace CultureBot.Slack.Tests;

/// <summary>The app manifests in manifests/slack: valid for Slack, and in step with what the code asks and handles.</summary>
public class SlackManifestTests
{
    private static readonly string[] Manifests = ["manifest.http.json", "manifest.socket.json"];

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(PeerTools.RepoRoot, "manifests", "slack", name)))!.AsObject();

    [SkippableFact]
    public async Task Both_manifests_pass_slacks_schema()
    {
        PeerTools.Require();
        var run = await PeerTools.RunAsync("slack-manifest-validate", Manifests.Select(m => Path.Combine(PeerTools.RepoRoot, "manifests", "slack", m)));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.Stdout.Split('\n').Count(l => l.Contains("VALID (schema v1)", StringComparison.Ordinal) && !l.Contains("INVALID", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("manifest.http.json")]
    [InlineData("manifest.socket.json")]
    public void Scopes_and_events_match_the_code(string name)
    {
        var manifest = Load(name);

        Assert.Equal(SlackScopes.Bot, manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()));
        var events = manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Equal(["app_home_opened", "app_mention", "app_uninstalled", "member_joined_channel", "message.im", "team_join", "tokens_revoked"], events);
        Assert.Equal("/culturebot", manifest["features"]!["slash_commands"]![0]!["command"]!.GetValue<string>());
        Assert.True(manifest["features"]!["app_home"]!["home_tab_enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void The_http_manifest_points_at_the_hosts_endpoints_and_the_socket_one_at_none()
    {
        var http = Load("manifest.http.json");
        var socket = Load("manifest.socket.json");

        Assert.EndsWith("/slack/events", http["settings"]!["event_subscriptions"]!["request_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/slack/interactions", http["settings"]!["interactivity"]!["request_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/slack/commands", http["features"]!["slash_commands"]![0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/slack/oauth/callback", http["oauth_config"]!["redirect_urls"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(http["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
        Assert.True(socket["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
        Assert.Null(socket["settings"]!["event_subscriptions"]!["request_url"]);
    }
}
