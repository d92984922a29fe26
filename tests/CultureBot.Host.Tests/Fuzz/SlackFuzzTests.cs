using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CultureBot.Host.Tests.Support;
using CultureBot.Core.Queue;
using CultureBot.Slack.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CultureBot.Host.Tests.Fuzz;

/// <summary>
/// Thousands of mutated payloads, correctly signed, posted to Slack's three endpoints: none may get a 5xx. What is
/// acknowledged goes to the durable inbox, processed later: the worker must neither crash nor stall on it, so a
/// genuine command sent after the fuzz is still answered.
/// </summary>
public sealed class SlackFuzzTests : IDisposable
{
    private readonly ITestOutputHelper _output;

    /// <summary>
    /// The worker paces its Web API calls as Slack's limits demand (chat.postMessage 100 a minute): on the real clock,
    /// the fuzz's hundreds of replies would take minutes. On a fake one, the test moves time on while it waits.
    /// </summary>
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly SlackTestHost _slack;

    public SlackFuzzTests(ITestOutputHelper output)
    {
        _output = output;
        _slack = new SlackTestHost(clock: _clock);
    }

    public void Dispose() => _slack.Dispose();

    private static JsonObject Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "slack", name)))!.AsObject();

    private static JsonObject Event(JsonObject ev) => new()
    {
        ["token"] = "legacy",
        ["team_id"] = FakeSlackApi.TeamId,
        ["api_app_id"] = "A07HELPD3SK",
        ["type"] = "event_callback",
        ["event_id"] = "Ev0000000000",
        ["event_time"] = 1724318855,
        ["event"] = ev,
    };

    private static IReadOnlyList<JsonObject> EventSeeds() =>
    [
        Fixture("app_mention.event_callback.json"),
        Fixture("url_verification.json"),
        Event(new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = "D0DIRECT001", ["user"] = "U05RAVI9KQ2", ["text"] = "help", ["ts"] = "1724318855.402119" }),
        Event(new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = "D0DIRECT001", ["user"] = "UFR0000001", ["text"] = "committee meeting 9999-12-31 23:59", ["ts"] = "1724318855.402120" }),
        Event(new JsonObject { ["type"] = "team_join", ["user"] = new JsonObject { ["id"] = "U0NEWCOMER", ["team_id"] = FakeSlackApi.TeamId, ["real_name"] = "New Comer" } }),
        Event(new JsonObject { ["type"] = "member_joined_channel", ["user"] = "U0NEWCOMER", ["channel"] = "C05ENGOPS77", ["channel_type"] = "C" }),
        Event(new JsonObject { ["type"] = "app_home_opened", ["user"] = "U05RAVI9KQ2", ["channel"] = "D0DIRECT001", ["tab"] = "messages" }),
    ];

    private JsonObject Click(string actionId, string? value, string blockId) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = "U05RAVI9KQ2", ["name"] = "ravi", ["team_id"] = FakeSlackApi.TeamId },
        ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId, ["domain"] = "acme" },
        ["channel"] = new JsonObject { ["id"] = "C05ENGOPS77", ["name"] = "eng-ops" },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1724319999.000100", ["channel_id"] = "C05ENGOPS77", ["is_ephemeral"] = false },
        ["response_url"] = _slack.Api.ResponseUrl("fuzz"),
        ["trigger_id"] = "t1",
        ["state"] = new JsonObject { ["values"] = new JsonObject { ["b1"] = new JsonObject { ["question"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Why?" } } } },
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["block_id"] = blockId, ["value"] = value, ["type"] = "button", ["action_ts"] = "1724319346.1" }),
    };

    private IReadOnlyList<JsonObject> InteractionSeeds() =>
    [
        Click("committee-rsvp", "1:yes", "committee:1:rsvp"),
        Click("quiz-answer", "2", "quiz:g1:1"),
        Click("finder-answer", "a", "finder:s1:q1"),
        new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = "U05RAVI9KQ2", ["team_id"] = FakeSlackApi.TeamId },
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["view"] = new JsonObject { ["callback_id"] = "verbatim-save", ["team_id"] = FakeSlackApi.TeamId, ["state"] = new JsonObject { ["values"] = new JsonObject() } },
            ["trigger_id"] = "t2",
        },
    ];

    private Dictionary<string, string> Command(string text) => new()
    {
        ["token"] = "legacy",
        ["team_id"] = FakeSlackApi.TeamId,
        ["team_domain"] = "acme",
        ["channel_id"] = "C05ENGOPS77",
        ["channel_name"] = "eng-ops",
        ["user_id"] = "U05RAVI9KQ2",
        ["user_name"] = "ravi",
        ["command"] = "/culturebot",
        ["text"] = text,
        ["api_app_id"] = "A07HELPD3SK",
        ["response_url"] = _slack.Api.ResponseUrl("fuzz"),
        ["trigger_id"] = "t3",
    };

    [Fact]
    public async Task Mutated_signed_payloads_never_get_a_server_error_and_the_inbox_keeps_working()
    {
        var events = new FuzzRun("Slack /slack/events", 1500, _output);
        var eventSeeds = EventSeeds();
        await events.SendAsync(
            events.Inputs(random =>
            {
                var seed = eventSeeds[random.Next(eventSeeds.Count)].DeepClone();
                seed["event_id"] = $"Ev{random.Next():X8}";
                return new JsonMutator(random).Mutate(seed);
            }),
            input => _slack.Signed.SendAsync("/slack/events", input.Body, "application/json"));

        var commands = new FuzzRun("Slack /slack/commands", 1000, _output);
        string[] texts = ["help", "persona", "quiz", "committee meeting 9999-12-31 23:59", "onboarding <@U0NEWCOMER|new>", "digest", ""];
        await commands.SendAsync(
            commands.Inputs(random =>
            {
                var fields = Command(texts[random.Next(texts.Length)]);
                fields["trigger_id"] = $"t{random.Next():x8}";
                return FormMutator.Mutate(random, fields);
            }),
            input => _slack.Signed.SendAsync("/slack/commands", input.Body, "application/x-www-form-urlencoded"));

        var interactions = new FuzzRun("Slack /slack/interactions", 1500, _output);
        var interactionSeeds = InteractionSeeds();
        await interactions.SendAsync(
            interactions.Inputs(random =>
            {
                var seed = interactionSeeds[random.Next(interactionSeeds.Count)].DeepClone();
                if (seed["actions"]?[0] is JsonObject action)
                {
                    action["action_ts"] = $"1724319346.{random.Next()}";
                }

                var json = new JsonMutator(random, "response_url").Mutate(seed);
                return random.Next(10) == 0 ? FormMutator.Mutate(random, new Dictionary<string, string> { ["payload"] = Encoding.UTF8.GetString(json.Body) }) : json with { Body = FormMutator.PayloadField(json.Body) };
            }),
            input => _slack.Signed.SendAsync("/slack/interactions", input.Body, "application/x-www-form-urlencoded"));

        FuzzRun.AssertNoServerErrors(events, commands, interactions);
        await AssertTheInboxStillWorksAsync();
    }

    /// <summary>A genuine command queued after the fuzz is answered, and the worker is still running.</summary>
    private async Task AssertTheInboxStillWorksAsync()
    {
        var genuine = Command("help");
        genuine["trigger_id"] = "after-fuzz";
        genuine["response_url"] = _slack.Api.ResponseUrl("after-fuzz");
        var response = await _slack.Signed.SendAsync("/slack/commands", FormMutator.Encode(genuine), "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The worker has a couple of thousand queued payloads to go through first: a generous bound, checked often.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await FakeClockWait.UntilAsync(
            _clock,
            () =>
            {
                Assert.False(Worker().ExecuteTask?.IsCompleted, "The Slack inbox worker stopped: " + Worker().ExecuteTask?.Exception);
                return _slack.Api.CountCalls("hooks/after-fuzz") > 0 ? "answered" : null;
            },
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMilliseconds(20),
            6000,
            () => "The genuine command queued after the fuzz was never answered: the inbox stalled.");

        _output.WriteLine($"The genuine command was answered after {waited.Elapsed.TotalSeconds:F1} s behind the fuzzed payloads.");
        Assert.Equal(1, _slack.Api.CountCalls("hooks/after-fuzz"));
        Assert.False(Worker().ExecuteTask?.IsCompleted);
    }

    private InboundWorker<SlackInbound> Worker() => _slack.Services.GetServices<IHostedService>().OfType<InboundWorker<SlackInbound>>().Single();
}

/// <summary>Mutations of a form-encoded body (slash commands; the interactivity <c>payload</c> field).</summary>
internal static class FormMutator
{
    private static readonly string[] Broken = ["%C3%28", "%ED%A0%80", "%FF", "%", "%E", "%zz", "%00", "+%2B+"];

    public static FuzzInput Mutate(Random random, Dictionary<string, string> fields)
    {
        var names = fields.Keys.ToList();
        var name = names[random.Next(names.Count)];
        var extra = new List<string>();
        string kind;
        switch (random.Next(7))
        {
            case 0:
                kind = "remove";
                fields.Remove(name);
                break;
            case 1:
                kind = "duplicate-key";
                extra.Add($"{Uri.EscapeDataString(name)}=again");
                break;
            case 2:
                kind = "huge-string";
                fields[name] = new string(random.Next(2) == 0 ? 'a' : 'é', new[] { 4_000, 200_000, 600_000 }[random.Next(3)]);
                break;
            case 3:
                kind = "bad-url";
                fields[name] = JsonMutator.BadUrls[random.Next(JsonMutator.BadUrls.Length)];
                break;
            case 4:
                kind = "invalid-encoding";
                extra.Add($"{Uri.EscapeDataString(name)}=x{Broken[random.Next(Broken.Length)]}y");
                fields.Remove(name);
                break;
            case 5:
                kind = "odd-string";
                fields[name] = new[] { "", "\0", "\u202e", "9999-12-31 23:59", "committee meeting 9999-12-31 23:59", "<@U0|x>", "&amp;", "{}" }[random.Next(8)];
                break;
            default:
                kind = "empty-body";
                fields.Clear();
                break;
        }

        var body = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}").Concat(extra));
        return new FuzzInput(Encoding.UTF8.GetBytes(body), "form:" + kind, name);
    }

    public static byte[] Encode(Dictionary<string, string> fields) =>
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));

    /// <summary><c>payload=</c> and the JSON's bytes percent-encoded one by one, so that invalid UTF-8 reaches the server as sent.</summary>
    public static byte[] PayloadField(byte[] json)
    {
        var text = new StringBuilder("payload=");
        foreach (var b in json)
        {
            text.Append(char.IsAsciiLetterOrDigit((char)b) ? ((char)b).ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
