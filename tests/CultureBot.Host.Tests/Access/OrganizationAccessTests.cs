using System.Net;
using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;
using CultureBot.Host.Tests.Support;
using CultureBot.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Access;

/// <summary>
/// The allow-list at the edge, through the real pipeline: an authenticated Teams activity or a verified Slack request
/// from an organization not allowed is refused before anything is stored or handled; an allowed one is served.
/// </summary>
public sealed class OrganizationAccessTests : IDisposable
{
    private const string Secret = "access-signing-secret-0123456789";
    private const string OtherTenant = "99999999-0000-4000-8000-000000000099";
    private const string OtherWorkspace = "T0NOTALLOWED";

    private readonly FakeBotFrameworkIdentity _identity = new();
    private readonly FakeConnector _connector = new();
    private readonly FakeSlackApi _slack = new();

    public void Dispose()
    {
        _connector.Dispose();
        _identity.Dispose();
        _slack.Dispose();
    }

    private BotHostFactory TeamsHost() => new(_identity.Settings, services =>
    {
        var tokens = new Mock<IBotTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("outbound-token");
        services.AddSingleton(tokens.Object);
    });

    private BotHostFactory SlackHost(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-configured-token",
            ["Slack:ClientId"] = "1234.5678",
            ["Slack:ClientSecret"] = "oauth-client-secret",
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl,
            ["Access:SlackWorkspaces:0"] = FakeSlackApi.TeamId,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new BotHostFactory(settings);
    }

    [Fact]
    public async Task A_teams_activity_from_a_tenant_not_allowed_gets_403_and_nothing_is_stored_or_answered()
    {
        using var host = TeamsHost();
        var client = host.CreateClient();
        var refused = Activities.Message(_connector.ServiceUrl, "help", conversationId: "a:other-tenant-chat");
        refused["conversation"]!["tenantId"] = OtherTenant;
        refused["channelData"]!["tenant"]!["id"] = OtherTenant;
        var noTenant = Activities.Message(_connector.ServiceUrl, "help", conversationId: "a:no-tenant-chat");
        noTenant["conversation"]!.AsObject().Remove("tenantId");
        noTenant.Remove("channelData");

        var refusedStatus = (await Activities.PostAsync(client, refused, "Bearer " + _identity.Token(_connector.ServiceUrl))).StatusCode;
        var noTenantStatus = (await Activities.PostAsync(client, noTenant, "Bearer " + _identity.Token(_connector.ServiceUrl))).StatusCode;

        Assert.Equal(HttpStatusCode.Forbidden, refusedStatus);
        Assert.Equal(HttpStatusCode.Forbidden, noTenantStatus);
        Assert.Empty(_connector.Calls);
        var store = host.Services.GetRequiredService<IConversationStore>();
        Assert.Null(await store.GetReferenceAsync(new ConversationKey(Platforms.Teams, OtherTenant, "a:other-tenant-chat"), CancellationToken.None));
        Assert.True(await store.TryRecordInboundAsync(new OrganizationKey(Platforms.Teams, OtherTenant), refused["id"]!.GetValue<string>(), DateTimeOffset.UnixEpoch, CancellationToken.None), "the refused activity was recorded");

        // Authentication still comes first: an unauthenticated activity gets 401, not a hint about the allow-list.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Activities.PostAsync(client, refused)).StatusCode);

        var allowed = await Activities.PostAsync(client, Activities.Message(_connector.ServiceUrl, "help"), "Bearer " + _identity.Token(_connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Single(_connector.Cards);
    }

    [Fact]
    public async Task A_single_tenant_bot_admits_its_own_tenant_without_a_list()
    {
        var settings = _identity.SingleTenantSettings;
        settings.Remove("Access:TeamsTenants:0");
        using var host = new BotHostFactory(settings, services =>
        {
            var tokens = new Mock<IBotTokenProvider>();
            tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("outbound-token");
            services.AddSingleton(tokens.Object);
        });
        var client = host.CreateClient();
        var own = Activities.Message(_connector.ServiceUrl, "help");
        own["conversation"]!["tenantId"] = FakeBotFrameworkIdentity.TenantId;
        own["channelData"]!["tenant"]!["id"] = FakeBotFrameworkIdentity.TenantId;

        Assert.Equal(HttpStatusCode.OK, (await Activities.PostAsync(client, own, "Bearer " + _identity.Token(_connector.ServiceUrl))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Activities.PostAsync(client, Activities.Message(_connector.ServiceUrl, "help"), "Bearer " + _identity.Token(_connector.ServiceUrl))).StatusCode);
    }

    [Fact]
    public async Task Slack_events_commands_and_clicks_from_a_workspace_not_allowed_are_acknowledged_and_never_stored()
    {
        using var host = SlackHost();
        var clock = TimeProvider.System;
        var client = host.CreateClient();
        var signed = new SignedSlack(client, Secret, clock);

        var command = await signed.SendAsync("/slack/commands", Form(new()
        {
            ["team_id"] = OtherWorkspace,
            ["channel_id"] = "C0OTHER",
            ["user_id"] = "U0OTHER",
            ["command"] = "/culturebot",
            ["text"] = "help",
            ["response_url"] = _slack.ResponseUrl("refused-command"),
            ["trigger_id"] = "trigger-refused-1",
        }), "application/x-www-form-urlencoded");
        var ev = await signed.SendAsync("/slack/events", new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = OtherWorkspace,
            ["event_id"] = "Ev-refused-1",
            ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0OTHER", ["text"] = "<@U07BOTHLP01> help", ["channel"] = "C0OTHER", ["ts"] = "1.1" },
        }.ToJsonString(), "application/json");
        var click = await signed.SendAsync("/slack/interactions", Form(new()
        {
            ["payload"] = new JsonObject
            {
                ["type"] = "block_actions",
                ["user"] = new JsonObject { ["id"] = "U0OTHER", ["team_id"] = OtherWorkspace },
                ["team"] = new JsonObject { ["id"] = OtherWorkspace },
                ["channel"] = new JsonObject { ["id"] = "C0OTHER" },
                ["response_url"] = _slack.ResponseUrl("refused-click"),
                ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "help", ["value"] = "help", ["type"] = "button", ["action_ts"] = "1.refused" }),
            }.ToJsonString(),
        }), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        var answer = JsonNode.Parse(await command.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", answer["response_type"]!.GetValue<string>());
        Assert.Contains("CultureBot is not enabled for this workspace", answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("CultureBot n'est pas activé pour cet espace de travail", answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ev.StatusCode);
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);

        // Never stored: their ids were never recorded (a stored payload records its id in the same transaction).
        var store = host.Services.GetRequiredService<IConversationStore>();
        Assert.True(await store.TryRecordInboundAsync(new OrganizationKey(Platforms.Slack, OtherWorkspace), "trigger:trigger-refused-1", DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.True(await store.TryRecordInboundAsync(new OrganizationKey(Platforms.Slack, OtherWorkspace), "Ev-refused-1", DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.True(await store.TryRecordInboundAsync(new OrganizationKey(Platforms.Slack, OtherWorkspace), "action:U0OTHER:1.refused", DateTimeOffset.UnixEpoch, CancellationToken.None));

        // The allowed workspace is served, and the refused requests produced nothing on the way.
        await signed.CommandAsync("C0ALLOWED", "U0ALLOWED", "help", _slack.ResponseUrl("allowed"));
        await _slack.WaitForAsync("hooks/allowed");
        Assert.Empty(_slack.Calls("hooks/refused-command"));
        Assert.Empty(_slack.Calls("hooks/refused-click"));
        Assert.Empty(_slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task Allowing_any_organization_serves_a_workspace_no_list_names()
    {
        using var host = SlackHost(("Access:SlackWorkspaces:0", null), ("Access:AllowAnyOrganization", "true"));
        var signed = new SignedSlack(host.CreateClient(), Secret, TimeProvider.System);

        await signed.CommandAsync("C0ANY", "U0ANY", "help", _slack.ResponseUrl("any"));

        await _slack.WaitForAsync("hooks/any");
    }

    [Fact]
    public async Task A_slack_install_from_a_workspace_not_allowed_stores_no_token_and_gives_it_back()
    {
        _slack.Answer("auth.revoke", new JsonObject { ["ok"] = true, ["revoked"] = true });
        using var host = SlackHost();
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var begin = await client.GetAsync("/slack/install");
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(begin.Headers.Location!.Query)["state"].ToString();
        var cookie = begin.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("culturebot_slack_oauth=", StringComparison.Ordinal)).Split(';')[0];
        using var callback = new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth/callback?code=the-code&state={Uri.EscapeDataString(state)}");
        callback.Headers.Add("Cookie", cookie);

        var response = await client.SendAsync(callback);

        // T0INSTALLED (what the fake oauth.v2.access answers) is not in Access:SlackWorkspaces.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("CultureBot is not enabled for this workspace", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(_slack.Calls("auth.revoke"));
        Assert.Null(await host.Services.GetRequiredService<CultureBot.Core.Installations.IInstallationStore>().GetAsync(Platforms.Slack, "T0INSTALLED", CancellationToken.None));
    }

    private static string Form(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}
