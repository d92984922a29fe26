using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CultureBot.Core.Quiz;
using CultureBot.Host.Web;

namespace CultureBot.Host.Bench;

internal sealed record QuizLoadResult(
    int Players, int Counted, int Clicks, int Refused, int Errors, double AckP50Ms, double AckP99Ms, double AckMaxMs, int CardUpdates, int MaxUpdatesPerSecond, double Seconds)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"players={Players} counted={Counted} clicks={Clicks} refused_second_clicks={Refused} errors={Errors} ack_p50_ms={AckP50Ms:0.0} ack_p99_ms={AckP99Ms:0.0} ack_max_ms={AckMaxMs:0.0} card_updates={CardUpdates} max_updates_per_s={MaxUpdatesPerSecond} seconds={Seconds:0.0}");
}

/// <summary>
/// <c>culturebot bench quiz</c>: the real host (HTTP pipeline, router, SQLite, Quartz) runs a team game in a Teams
/// channel whose Bot Connector is a local recorder; N players each click an answer at a random moment within the
/// window (one in ten clicks twice), as Teams invokes. Measures that every player is counted once, how fast each
/// click is acknowledged (Teams shows an error past its invoke timeout), and how many card updates the
/// conversation received per second (Teams allows 7).
/// </summary>
internal static class QuizLoadBenchmark
{
    private const string Tenant = "bench-tenant";
    private const string Conversation = "19:quiz-bench@thread.tacv2";

    public static async Task<QuizLoadResult> RunAsync(int players, TimeSpan window, int roundSeconds, TextWriter log, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("culturebot-bench-quiz-").FullName;
        await using var connector = await RecordingConnector.StartAsync();
        var app = BotHost.Build(["--urls=http://127.0.0.1:0", $"--Storage:ConnectionString=Data Source={Path.Combine(directory, "bench.db")}", "--Logging:LogLevel:Default=Error"]);
        try
        {
            await app.StartAsync(cancellationToken);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
            var clock = Stopwatch.StartNew();
            await PostAsync(http, Activity(connector.Url, "message", "starter", new JsonObject { ["text"] = $"quiz start 1 {roundSeconds}" }), cancellationToken);
            var (game, round) = await connector.WaitForRoundCardAsync(TimeSpan.FromSeconds(30), cancellationToken);
            log.WriteLine($"round card posted after {clock.Elapsed.TotalSeconds:0.0} s; {players} players answer within {window.TotalSeconds:0} s");

            var random = new Random(20261123);
            var clicks = Enumerable.Range(0, players)
                .SelectMany(p => (p % 10 == 0 ? new[] { p, p } : [p]).Select(player => (Player: player, At: TimeSpan.FromMilliseconds(random.NextDouble() * window.TotalMilliseconds))))
                .OrderBy(c => c.At)
                .ToList();
            var latencies = new ConcurrentBag<double>();
            var refused = 0;
            var errors = 0;
            var start = Stopwatch.StartNew();
            await Parallel.ForEachAsync(clicks, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (click, token) =>
            {
                var wait = click.At - start.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, token);
                }

                var data = new JsonObject { ["session"] = game, ["question"] = round, ["answer"] = (click.Player % QuizGenerator.MinOptions).ToString(CultureInfo.InvariantCulture) };
                var invoke = Activity(connector.Url, "invoke", $"player-{click.Player}", new JsonObject
                {
                    ["name"] = "adaptiveCard/action",
                    ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "quiz-answer", ["data"] = data } },
                });
                var timer = Stopwatch.StartNew();
                var (status, body) = await PostAsync(http, invoke, token);
                latencies.Add(timer.Elapsed.TotalMilliseconds);
                if (status != 200)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (body.Contains("already answered", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref refused);
                }
            });
            log.WriteLine($"{clicks.Count} clicks sent in {start.Elapsed.TotalSeconds:0.0} s; waiting for the round to close");

            var store = app.Services.GetRequiredService<IQuizStore>();
            while ((await store.GetRoundAsync(game, int.Parse(round, CultureInfo.InvariantCulture), cancellationToken))?.ClosedAt is null)
            {
                await Task.Delay(200, cancellationToken);
            }

            var counted = await store.CountAnswersAsync(game, int.Parse(round, CultureInfo.InvariantCulture), cancellationToken);
            var sorted = latencies.Order().ToList();
            var updates = connector.Updates(Conversation);
            return new QuizLoadResult(
                players, counted, clicks.Count, refused, errors, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1],
                updates.Count, MaxPerSecond(updates), clock.Elapsed.TotalSeconds);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The most updates in any one-second window.</summary>
    private static int MaxPerSecond(IReadOnlyList<long> times)
    {
        var best = 0;
        for (int i = 0, j = 0; j < times.Count; j++)
        {
            while (times[j] - times[i] >= 1000)
            {
                i++;
            }

            best = Math.Max(best, j - i + 1);
        }

        return best;
    }

    private static JsonObject Activity(string serviceUrl, string type, string user, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = "2026-11-23T10:00:00.000Z",
            ["serviceUrl"] = serviceUrl,
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

    private static async Task<(int Status, string Body)> PostAsync(HttpClient http, JsonObject activity, CancellationToken cancellationToken)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>A Bot Connector on loopback that accepts everything and records when each conversation's activities were updated.</summary>
    private sealed class RecordingConnector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Conversation, long At)> _updates = new();
        private readonly ConcurrentQueue<JsonNode> _posted = new();

        private RecordingConnector(WebApplication app) => _app = app;

        public string Url => _app.Urls.First() + "/";

        public static async Task<RecordingConnector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var connector = new RecordingConnector(app);
            app.MapPost("/v3/conversations/{conversationId}/activities/{*rest}", async (HttpRequest request) =>
            {
                connector._posted.Enqueue((await JsonNode.ParseAsync(request.Body))!);
                return Results.Json(new JsonObject { ["id"] = Guid.NewGuid().ToString("N") });
            });
            app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId) =>
            {
                connector._updates.Enqueue((Uri.UnescapeDataString(conversationId), Environment.TickCount64));
                return Results.Json(new JsonObject { ["id"] = activityId });
            });
            await app.StartAsync();
            return connector;
        }

        public IReadOnlyList<long> Updates(string conversation) => [.. _updates.Where(u => u.Conversation == conversation).Select(u => u.At).Order()];

        /// <summary>The game and round of the first round card posted (its first answer button's data).</summary>
        public async Task<(string Game, string Round)> WaitForRoundCardAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < timeout)
            {
                foreach (var activity in _posted)
                {
                    var card = activity["attachments"]?[0]?["content"];
                    var set = card?["body"]?.AsArray().FirstOrDefault(e => e?["type"]?.GetValue<string>() == "ActionSet");
                    if (set?["actions"]?[0]?["data"] is JsonObject data && data["session"] is not null)
                    {
                        return (data["session"]!.GetValue<string>(), data["question"]!.GetValue<string>());
                    }
                }

                await Task.Delay(100, cancellationToken);
            }

            throw new TimeoutException("The quiz's round card never reached the connector.");
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
