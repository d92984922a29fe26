using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CultureBot.Core.Installations;
using CultureBot.Core.Queue;
using CultureBot.Host.Tests.Support;
using CultureBot.Slack;
using CultureBot.Slack.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Slack;

/// <summary>
/// Signed requests posted to the running host, and the Web API calls it makes in answer (Slack on loopback).
/// The worker runs as in production: in the background, from the durable queue.
/// </summary>
public sealed class SlackEndToEndTests : IDisposable
{
    private const string Secret = "e2e-signing-secret-0123456789abcdef";
    private readonly FakeSlackApi _slack = new();
    private readonly BotHostFactory _host;
    private readonly HttpClient _client;

    public SlackEndToEndTests()
    {
        _host = new BotHostFactory(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Access:SlackWorkspaces:0"] = FakeSlackApi.TeamId,
            ["Access:SlackWorkspaces:1"] = "T0INSTALLED",
            ["Slack:BotToken"] = "xoxb-configured-token",
            ["Slack:ClientId"] = "1234.5678",
            ["Slack:ClientSecret"] = "oauth-client-secret",
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl,
        });
        _client = _host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
        _slack.Dispose();
    }

    private static string Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, string? retry = null, string secret = Secret)
    {
        var timestamp = Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        if (retry is not null)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry);
        }

        return await _client.SendAsync(request);
    }

    private Task<HttpResponseMessage> EventAsync(JsonNode ev, string eventId, string? retry = null) =>
        PostSignedAsync("/slack/events", new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = FakeSlackApi.TeamId,
            ["api_app_id"] = "A07HELPD3SK",
            ["event_id"] = eventId,
            ["event_time"] = 1724318855,
            ["event"] = ev.DeepClone(),
        }.ToJsonString(), "application/json", retry);

    private Task<HttpResponseMessage> CommandAsync(string user, string text, string responseUrl) =>
        PostSignedAsync("/slack/commands", Form(new()
        {
            ["token"] = "legacy",
            ["team_id"] = FakeSlackApi.TeamId,
            ["channel_id"] = "C05ENGOPS77",
            ["user_id"] = user,
            ["user_name"] = "someone",
            ["command"] = "/culturebot",
            ["text"] = text,
            ["response_url"] = responseUrl,
            ["trigger_id"] = Guid.NewGuid().ToString("N"),
        }), "application/x-www-form-urlencoded");

    private Task<HttpResponseMessage> ClickAsync(string user, string actionId, string? value, string? blockId, string responseUrl, JsonObject? state = null) =>
        PostSignedAsync("/slack/interactions", Form(new()
        {
            ["payload"] = new JsonObject
            {
                ["state"] = new JsonObject { ["values"] = state ?? [] },
                ["type"] = "block_actions",
                ["user"] = new JsonObject { ["id"] = user, ["team_id"] = FakeSlackApi.TeamId },
                ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
                ["channel"] = new JsonObject { ["id"] = "C05ENGOPS77" },
                ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1724319300.771010", ["channel_id"] = "C05ENGOPS77", ["is_ephemeral"] = true },
                ["response_url"] = responseUrl,
                ["trigger_id"] = Guid.NewGuid().ToString("N"),
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["action_id"] = actionId,
                    ["block_id"] = blockId ?? "b1",
                    ["value"] = value,
                    ["type"] = "button",
                    ["action_ts"] = Now() + "." + Guid.NewGuid().ToString("N")[..6],
                }),
            }.ToJsonString(),
        }), "application/x-www-form-urlencoded");

    private static string Form(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    private static JsonObject Mention(string user, string text, string ts = "1724318855.402119") => new()
    {
        ["type"] = "app_mention",
        ["user"] = user,
        ["text"] = $"<@{FakeSlackApi.BotUserId}> {text}",
        ["ts"] = ts,
        ["channel"] = "C05ENGOPS77",
        ["event_ts"] = ts,
    };

    private static string AllText(JsonObject message) =>
        message.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public async Task A_mention_asking_for_help_is_answered_in_its_thread_with_the_help_blocks()
    {
        var response = await EventAsync(Mention("U05RAVI9KQ2", "help"), "Ev-help-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await _slack.WaitForAsync("chat.postMessage"));
        Assert.Equal("C05ENGOPS77", post["channel"]!.GetValue<string>());
        Assert.Equal("1724318855.402119", post["thread_ts"]!.GetValue<string>());
        Assert.Equal("header", post["blocks"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("CultureBot commands", post["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retried_event_is_answered_once()
    {
        var ev = Mention("U05RAVI9KQ2", "about");

        var first = await EventAsync(ev, "Ev-retry-1");
        var second = await EventAsync(ev, "Ev-retry-1", retry: "1");
        var third = await EventAsync(ev, "Ev-retry-1", retry: "2");

        Assert.All([first, second, third], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await _slack.WaitForAsync("chat.postMessage");
        await Task.Delay(1500);
        Assert.Single(_slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task A_french_user_gets_french_and_a_direct_message_is_answered_outside_threads()
    {
        await EventAsync(new JsonObject
        {
            ["type"] = "message",
            ["channel_type"] = "im",
            ["channel"] = "D07RAVIBOT1",
            ["user"] = "UFRCLAIRE01",
            ["text"] = "aide",
            ["ts"] = "1724318900.000100",
        }, "Ev-fr-1");

        var post = Assert.Single(await _slack.WaitForAsync("chat.postMessage"));
        Assert.Equal("D07RAVIBOT1", post["channel"]!.GetValue<string>());
        Assert.Null(post["thread_ts"]);
        Assert.Equal("Les commandes de CultureBot", post["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_bots_own_messages_and_edits_are_not_answered()
    {
        await EventAsync(new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = "D1", ["user"] = FakeSlackApi.BotUserId, ["text"] = "help", ["ts"] = "1.1" }, "Ev-own-1");
        await EventAsync(new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = "D1", ["bot_id"] = "B1", ["text"] = "help", ["ts"] = "1.2" }, "Ev-own-2");
        await EventAsync(new JsonObject { ["type"] = "message", ["subtype"] = "message_changed", ["channel_type"] = "im", ["channel"] = "D1", ["ts"] = "1.3" }, "Ev-own-3");
        await EventAsync(Mention("U05RAVI9KQ2", "about"), "Ev-own-4");

        var posts = await _slack.WaitForAsync("chat.postMessage");
        await Task.Delay(1000);
        Assert.Single(_slack.Calls("chat.postMessage"));
        Assert.Equal("C05ENGOPS77", posts[0]["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_slash_command_is_acknowledged_at_once_and_answered_privately_through_its_response_url()
    {
        var response = await CommandAsync("U05RAVI9KQ2", "persona camille", _slack.ResponseUrl("command-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var answer = Assert.Single(await _slack.WaitForAsync("hooks/command-1"));
        Assert.Equal("ephemeral", answer["response_type"]!.GetValue<string>());
        Assert.Equal("Camille", answer["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Empty(_slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task The_guided_finder_runs_on_buttons_that_replace_their_own_message()
    {
        await CommandAsync("U05RAVI9KQ2", "finder", _slack.ResponseUrl("finder-start"));
        var question = Assert.Single(await _slack.WaitForAsync("hooks/finder-start"));
        var actions = question["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!;
        var blockId = actions["block_id"]!.GetValue<string>();
        var firstAnswer = actions["elements"]![0]!;

        await ClickAsync("U05RAVI9KQ2", firstAnswer["action_id"]!.GetValue<string>(), firstAnswer["value"]!.GetValue<string>(), blockId, _slack.ResponseUrl("finder-click"));

        var next = Assert.Single(await _slack.WaitForAsync("hooks/finder-click"));
        Assert.True(next["replace_original"]!.GetValue<bool>());
        Assert.NotEqual(question.ToJsonString(), next.ToJsonString());
        Assert.StartsWith("finder:", blockId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_this_one_on_the_finders_result_turns_the_persona_down_and_goes_on()
    {
        // Every question answered: the finder concludes, and its result offers "Not this one".
        await ClickAsync("U05RAVI9KQ2", "finder-answer:0", "0", "finder:usage=0;expectation=0:channel", _slack.ResponseUrl("finder-last"));
        var result = (await _slack.WaitForAsync("hooks/finder-last"))[0];
        var retry = result["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!;
        var button = retry["elements"]![0]!;
        var turnedDown = button["value"]!.GetValue<string>();
        Assert.Equal("finder-reject", button["action_id"]!.GetValue<string>());
        Assert.Equal("finder:usage=0;expectation=0;channel=0:", retry["block_id"]!.GetValue<string>());

        await ClickAsync("U05RAVI9KQ2", "finder-reject", turnedDown, retry["block_id"]!.GetValue<string>(), _slack.ResponseUrl("finder-reject"));

        var next = (await _slack.WaitForAsync("hooks/finder-reject"))[0];
        var first = next["blocks"]!.AsArray().First(b => b!["accessory"]?["action_id"] is not null)!;
        Assert.True(next["replace_original"]!.GetValue<bool>());
        Assert.NotEqual($"persona:{turnedDown}", first["accessory"]!["action_id"]!.GetValue<string>());
        Assert.Contains($";!{turnedDown}:", AllText(next) + next.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persona_button_opens_the_sheet()
    {
        await ClickAsync("UFRCLAIRE01", "persona:gerard", "gerard", null, _slack.ResponseUrl("persona-click"));

        var sheet = Assert.Single(await _slack.WaitForAsync("hooks/persona-click"));
        Assert.Contains("Gérard", AllText(sheet), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_app_home_publishes_the_persona_of_the_week_and_quick_actions()
    {
        await EventAsync(new JsonObject { ["type"] = "app_home_opened", ["user"] = "U05RAVI9KQ2", ["channel"] = "D07RAVIBOT1", ["tab"] = "home", ["event_ts"] = "1.1" }, "Ev-home-1");

        var publish = Assert.Single(await _slack.WaitForAsync("views.publish"));
        Assert.Equal("U05RAVI9KQ2", publish["user_id"]!.GetValue<string>());
        Assert.Equal("home", publish["view"]!["type"]!.GetValue<string>());
        var blocks = publish["view"]!["blocks"]!.AsArray();
        Assert.Contains(blocks, b => b!["accessory"]?["action_id"]?.GetValue<string>() == "persona");
        Assert.Contains(blocks, b => b!["type"]!.GetValue<string>() == "actions");
    }

    [Fact]
    public async Task The_bot_joining_a_channel_welcomes_it_once()
    {
        var joined = new JsonObject { ["type"] = "member_joined_channel", ["user"] = FakeSlackApi.BotUserId, ["channel"] = "C0NEWCHAN01", ["channel_type"] = "C", ["team"] = FakeSlackApi.TeamId };

        await EventAsync(joined, "Ev-join-1");
        await EventAsync(joined, "Ev-join-2");

        var posts = await _slack.WaitForAsync("chat.postMessage");
        await Task.Delay(1000);
        var welcome = Assert.Single(_slack.Calls("chat.postMessage"));
        Assert.Equal("C0NEWCHAN01", welcome["channel"]!.GetValue<string>());
        Assert.Equal("Welcome to CultureBot", posts[0]["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forged_and_unsigned_requests_get_401_on_every_endpoint_and_reach_no_handler()
    {
        foreach (var path in new[] { "/slack/events", "/slack/commands", "/slack/interactions" })
        {
            var forged = await PostSignedAsync(path, "{\"type\":\"event_callback\"}", "application/json", secret: "not-the-secret");
            using var unsigned = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("text=help") };

            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(unsigned)).StatusCode);
        }

        Assert.Equal(0, await _host.Services.GetRequiredService<IWorkQueue>().CountPendingAsync(SlackInboundPlatform.QueueName, CancellationToken.None));
    }

    [Fact]
    public async Task Signed_but_malformed_payloads_get_400_and_unknown_types_are_acknowledged()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await PostSignedAsync("/slack/events", "not json", "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostSignedAsync("/slack/commands", "text=help", "application/x-www-form-urlencoded")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostSignedAsync("/slack/interactions", "payload=%7Bnot", "application/x-www-form-urlencoded")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync("/slack/events", "{\"type\":\"app_rate_limited\",\"team_id\":\"T1\"}", "application/json")).StatusCode);
    }

    [Fact]
    public async Task The_oauth_install_stores_the_token_encrypted_and_uninstall_removes_it()
    {
        var begin = await _client.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.Redirect, begin.StatusCode);
        var authorize = begin.Headers.Location!;
        Assert.StartsWith("https://slack.com/oauth/v2/authorize?", authorize.ToString(), StringComparison.Ordinal);
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query)["state"].ToString();
        var cookie = begin.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("culturebot_slack_oauth=", StringComparison.Ordinal)).Split(';')[0];

        using var callback = new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth/callback?code=the-code&state={Uri.EscapeDataString(state)}");
        callback.Headers.Add("Cookie", cookie);
        var done = await _client.SendAsync(callback);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Installed Co", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var exchange = Assert.Single(_slack.Calls("oauth.v2.access"));
        var stored = await _host.Services.GetRequiredService<IInstallationStore>().GetAsync("slack", "T0INSTALLED", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("U0OAUTHBOT1", stored.BotUserId);
        Assert.DoesNotContain("xoxb", stored.ProtectedToken, StringComparison.Ordinal);

        await PostSignedAsync("/slack/events", new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T0INSTALLED",
            ["event_id"] = "Ev-uninstall-1",
            ["event"] = new JsonObject { ["type"] = "app_uninstalled" },
        }.ToJsonString(), "application/json");
        for (var i = 0; i < 100 && await _host.Services.GetRequiredService<IInstallationStore>().GetAsync("slack", "T0INSTALLED", CancellationToken.None) is not null; i++)
        {
            await Task.Delay(100);
        }

        Assert.Null(await _host.Services.GetRequiredService<IInstallationStore>().GetAsync("slack", "T0INSTALLED", CancellationToken.None));
        Assert.NotNull(exchange);
    }

    [Fact]
    public async Task An_install_callback_replayed_with_the_same_state_and_cookie_is_refused()
    {
        var begin = await _client.GetAsync("/slack/install");
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(begin.Headers.Location!.Query)["state"].ToString();
        var cookie = begin.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("culturebot_slack_oauth=", StringComparison.Ordinal)).Split(';')[0];

        async Task<HttpResponseMessage> CallbackAsync()
        {
            using var callback = new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth/callback?code=the-code&state={Uri.EscapeDataString(state)}");
            callback.Headers.Add("Cookie", cookie);
            return await _client.SendAsync(callback);
        }

        var first = await CallbackAsync();
        var replay = await CallbackAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Single(_slack.Calls("oauth.v2.access"));
    }

    [Fact]
    public async Task An_install_callback_with_a_forged_state_or_no_cookie_installs_nothing()
    {
        var begin = await _client.GetAsync("/slack/install");
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(begin.Headers.Location!.Query)["state"].ToString();

        var noCookie = await _client.GetAsync($"/slack/oauth/callback?code=c&state={Uri.EscapeDataString(state)}");
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/slack/oauth/callback?code=c&state=forged");
        forged.Headers.Add("Cookie", "culturebot_slack_oauth=anything");
        var forgedResponse = await _client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, noCookie.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedResponse.StatusCode);
        Assert.Empty(_slack.Calls("oauth.v2.access"));
    }

    [Fact]
    public async Task A_revoked_token_sets_the_item_aside_with_its_error_instead_of_retrying_forever()
    {
        _slack.Refuse("chat.postMessage", "invalid_auth");

        await EventAsync(Mention("U05RAVI9KQ2", "help"), "Ev-revoked-1");
        await _slack.WaitForAsync("chat.postMessage");

        var queue = _host.Services.GetRequiredService<IWorkQueue>();
        for (var i = 0; i < 50 && await queue.CountPendingAsync(SlackInboundPlatform.QueueName, CancellationToken.None) > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await queue.CountPendingAsync(SlackInboundPlatform.QueueName, CancellationToken.None));
        Assert.Equal(1, await queue.CountFailedAsync(SlackInboundPlatform.QueueName, CancellationToken.None));
        Assert.Single(_slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task A_channel_subscribes_to_the_digest_and_previews_it_from_the_sample_verbatims()
    {
        await CommandAsync("UFRCLAIRE01", "digest on vendredi 16h30 Europe/Paris", _slack.ResponseUrl("digest-on"));
        await CommandAsync("UFRCLAIRE01", "digest aperçu", _slack.ResponseUrl("digest-preview"));

        var on = Assert.Single(await _slack.WaitForAsync("hooks/digest-on"));
        var preview = Assert.Single(await _slack.WaitForAsync("hooks/digest-preview"));
        Assert.Equal("Résumé hebdomadaire activé : chaque vendredi à 16:30 (Europe/Paris).", on["text"]!.GetValue<string>());
        Assert.Equal("Les verbatims clients de la semaine", preview["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains("12 verbatims cette semaine", AllText(preview), StringComparison.Ordinal);
        var subscription = await _host.Services.GetRequiredService<CultureBot.Core.Digests.IDigestStore>()
            .GetAsync(new CultureBot.Core.Conversations.ConversationKey("slack", FakeSlackApi.TeamId, "C05ENGOPS77"), CancellationToken.None);
        Assert.Equal((DayOfWeek.Friday, new TimeOnly(16, 30), "Europe/Paris", "fr"), (subscription!.Day, subscription.Time, subscription.TimeZone, subscription.Language));
    }

    [Fact]
    public async Task A_verbatim_added_from_the_form_is_stored_without_its_personal_data()
    {
        await CommandAsync("U05RAVI9KQ2", "add verbatim", _slack.ResponseUrl("form"));
        var form = Assert.Single(await _slack.WaitForAsync("hooks/form"));
        Assert.Contains(form["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "input" && b["block_id"]!.GetValue<string>() == "text");

        var state = new JsonObject
        {
            ["text"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Call me back on 06 12 34 56 78, the saddle broke twice." } },
            ["persona"] = new JsonObject { ["persona"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "camille" } } },
            ["kind"] = new JsonObject { ["kind"] = new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["value"] = "irritant" } } },
        };
        await ClickAsync("U05RAVI9KQ2", "verbatim-save", null, "b1", _slack.ResponseUrl("saved"), state);

        var saved = Assert.Single(await _slack.WaitForAsync("hooks/saved"));
        Assert.True(saved["replace_original"]!.GetValue<bool>());
        Assert.StartsWith("Verbatim saved", saved["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var stored = (await _host.Services.GetRequiredService<CultureBot.Core.Verbatims.IVerbatimStore>().ListAsync(new CultureBot.Core.Conversations.OrganizationKey("slack", FakeSlackApi.TeamId), "en", today, today, CancellationToken.None))
            .Single(v => v.Text.Contains("saddle", StringComparison.Ordinal));
        Assert.Equal("Call me back on [phone], the saddle broke twice.", stored.Text);
        Assert.Equal(("camille", CultureBot.Core.Verbatims.VerbatimKind.Irritant), (stored.PersonaId, stored.Kind!.Value));
    }
}
