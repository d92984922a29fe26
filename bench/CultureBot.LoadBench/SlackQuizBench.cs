using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CultureBot.Slack;

namespace CultureBot.LoadBench;

/// <summary>
/// The quiz benchmark in Slack: a Web API stand-in (auth.test, users.info, chat.postMessage, chat.update, response
/// URLs) and clicks as signed <c>block_actions</c>; Slack's 3-second rule is on the HTTP acknowledgement, which the
/// bot sends as soon as the payload is stored, the click being answered from the queue.
/// </summary>
internal sealed class SlackQuizBench : IQuizBenchPlatform
{
    private const string Secret = "bench-signing-secret-0123456789abcdef";
    private const string Team = "T0BENCH0001";
    private const string Channel = "C0BENCHQUIZ";

    private readonly ConcurrentQueue<long> _updates = new();
    private readonly ConcurrentQueue<JsonObject> _posted = new();
    private readonly WebApplication _api;
    private int _refused;

    private SlackQuizBench(WebApplication api) => _api = api;

    public string Name => "slack";

    public IEnumerable<string> HostArguments => [$"--Slack:SigningSecret={Secret}", "--Slack:BotToken=xoxb-bench-token", $"--Slack:ApiBaseUrl={Base}api/", $"--Access:SlackWorkspaces:0={Team}"];

    public int Refused => _refused;

    public IReadOnlyList<long> Updates => [.. _updates.Order()];

    private string Base => _api.Urls.First() + "/";

    public static async Task<SlackQuizBench> StartAsync()
    {
        SlackQuizBench? bench = null;
        var api = await QuizLoadBenchmark.StartStandInAsync(app =>
        {
            app.MapPost("/api/auth.test", () => Results.Json(new JsonObject { ["ok"] = true, ["team_id"] = Team, ["user_id"] = "U0BENCHBOT1" }));
            app.MapPost("/api/users.info", () => Results.Json(new JsonObject { ["ok"] = true, ["user"] = new JsonObject { ["locale"] = "en-US", ["tz"] = "UTC" } }));
            app.MapPost("/api/chat.postMessage", async (HttpRequest request) =>
            {
                bench!._posted.Enqueue((await JsonNode.ParseAsync(request.Body))!.AsObject());
                return Results.Json(new JsonObject { ["ok"] = true, ["channel"] = Channel, ["ts"] = $"{Environment.TickCount64}.000100" });
            });
            app.MapPost("/api/chat.update", () =>
            {
                bench!._updates.Enqueue(Environment.TickCount64);
                return Results.Json(new JsonObject { ["ok"] = true });
            });
            app.MapPost("/hooks/{name}", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                if ((await reader.ReadToEndAsync()).Contains("already answered", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref bench!._refused);
                }

                return Results.Text("ok");
            });
        });
        bench = new SlackQuizBench(api);
        return bench;
    }

    public async Task<(string Game, int Round)> StartGameAsync(HttpClient bot, int roundSeconds, CancellationToken cancellationToken)
    {
        await PostSignedAsync(bot, "/slack/commands", Form(new()
        {
            ["team_id"] = Team,
            ["channel_id"] = Channel,
            ["user_id"] = "U0STARTER01",
            ["command"] = "/culturebot",
            ["text"] = $"quiz start 1 {roundSeconds}",
            ["response_url"] = Base + "hooks/start",
            ["trigger_id"] = "start",
        }), "application/x-www-form-urlencoded", cancellationToken);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            foreach (var message in _posted)
            {
                if (message["blocks"]?.AsArray().Select(b => b?["block_id"]?.GetValue<string>()).FirstOrDefault(id => id?.StartsWith("quiz:", StringComparison.Ordinal) == true) is { } blockId)
                {
                    var parts = blockId.Split(':');
                    return (parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture));
                }
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("The quiz's round card never reached the Slack stand-in.");
    }

    public async Task<bool> ClickAsync(HttpClient bot, string game, int round, int player, int option, CancellationToken cancellationToken)
    {
        var user = $"U{player.ToString("D9", CultureInfo.InvariantCulture)}";
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["name"] = $"player{player}", ["team_id"] = Team },
            ["team"] = new JsonObject { ["id"] = Team },
            ["channel"] = new JsonObject { ["id"] = Channel },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.000100", ["channel_id"] = Channel },
            ["response_url"] = Base + "hooks/" + user,
            ["trigger_id"] = Guid.NewGuid().ToString("N"),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = $"quiz-answer:{option}",
                ["block_id"] = $"quiz:{game}:{round}",
                ["value"] = option.ToString(CultureInfo.InvariantCulture),
                ["type"] = "button",
                ["action_ts"] = $"{Environment.TickCount64}.{Guid.NewGuid().ToString("N")[..6]}",
            }),
        };
        return await PostSignedAsync(bot, "/slack/interactions", Form(new() { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded", cancellationToken) == 200;
    }

    private static async Task<int> PostSignedAsync(HttpClient bot, string path, string body, string contentType, CancellationToken cancellationToken)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(Secret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var response = await bot.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    private static string Form(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    public async ValueTask DisposeAsync()
    {
        await _api.StopAsync();
        await _api.DisposeAsync();
    }
}
