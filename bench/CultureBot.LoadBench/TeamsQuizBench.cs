using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CultureBot.LoadBench;

/// <summary>The quiz benchmark in Teams: a Bot Connector stand-in that records posts and updates; clicks are Action.Execute invokes.</summary>
internal sealed class TeamsQuizBench : IQuizBenchPlatform
{
    private const string Tenant = "bench-tenant";
    private const string Conversation = "19:quiz-bench@thread.tacv2";

    private readonly ConcurrentQueue<long> _updates = new();
    private readonly ConcurrentQueue<JsonNode> _posted = new();
    private WebApplication? _connector;
    private int _refused;

    public string Name => "teams";

    public IEnumerable<string> HostArguments => [];

    public int Refused => _refused;

    public IReadOnlyList<long> Updates => [.. _updates.Order()];

    private string ServiceUrl => _connector!.Urls.First() + "/";

    public async Task<(string Game, int Round)> StartGameAsync(HttpClient bot, int roundSeconds, CancellationToken cancellationToken)
    {
        _connector = await QuizLoadBenchmark.StartStandInAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities/{*rest}", async (HttpRequest request) =>
            {
                _posted.Enqueue((await JsonNode.ParseAsync(request.Body))!);
                return Results.Json(new JsonObject { ["id"] = Guid.NewGuid().ToString("N") });
            });
            app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId) =>
            {
                if (Uri.UnescapeDataString(conversationId) == Conversation)
                {
                    _updates.Enqueue(Environment.TickCount64);
                }

                return Results.Json(new JsonObject { ["id"] = activityId });
            });
        });
        await PostAsync(bot, Activity("message", "starter", new JsonObject { ["text"] = $"quiz start 1 {roundSeconds}" }), cancellationToken);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            foreach (var activity in _posted)
            {
                var set = activity["attachments"]?[0]?["content"]?["body"]?.AsArray().FirstOrDefault(e => e?["type"]?.GetValue<string>() == "ActionSet");
                if (set?["actions"]?[0]?["data"] is JsonObject data && data["session"] is not null)
                {
                    return (data["session"]!.GetValue<string>(), int.Parse(data["question"]!.GetValue<string>(), CultureInfo.InvariantCulture));
                }
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("The quiz's round card never reached the connector.");
    }

    public async Task<bool> ClickAsync(HttpClient bot, string game, int round, int player, int option, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["session"] = game, ["question"] = round.ToString(CultureInfo.InvariantCulture), ["answer"] = option.ToString(CultureInfo.InvariantCulture) };
        var (status, body) = await PostAsync(bot, Activity("invoke", $"player-{player}", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "quiz-answer", ["data"] = data } },
        }), cancellationToken);
        if (body.Contains("already answered", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _refused);
        }

        return status == 200;
    }

    private JsonObject Activity(string type, string user, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = "2026-11-23T10:00:00.000Z",
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = user, ["name"] = user },
            ["recipient"] = new JsonObject { ["id"] = "28:culturebot", ["name"] = "CultureBot" },
            ["conversation"] = new JsonObject { ["id"] = Conversation, ["conversationType"] = "channel", ["tenantId"] = Tenant },
            ["locale"] = "en-US",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        };
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            activity[key] = value;
        }

        return activity;
    }

    private static async Task<(int Status, string Body)> PostAsync(HttpClient bot, JsonObject activity, CancellationToken cancellationToken)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await bot.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.StopAsync();
            await _connector.DisposeAsync();
        }
    }
}
