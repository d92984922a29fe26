using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CultureBot.Core.Queue;
using CultureBot.Core.Quiz;
using CultureBot.Host.Web;

namespace CultureBot.LoadBench;

internal sealed record QuizLoadResult(
    string Platform, int Players, int Counted, int Clicks, int Refused, int Errors, double AckP50Ms, double AckP99Ms, double AckMaxMs, int CardUpdates, int MaxUpdatesPerSecond, double Seconds)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"platform={Platform} players={Players} counted={Counted} clicks={Clicks} refused_second_clicks={Refused} errors={Errors} ack_p50_ms={AckP50Ms:0.0} ack_p99_ms={AckP99Ms:0.0} ack_max_ms={AckMaxMs:0.0} card_updates={CardUpdates} max_updates_per_s={MaxUpdatesPerSecond} seconds={Seconds:0.0}");
}

/// <summary>The platform side of the quiz benchmark: a local stand-in for the platform's API, and its way of clicking.</summary>
internal interface IQuizBenchPlatform : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Host settings that point the bot at the stand-in.</summary>
    IEnumerable<string> HostArguments { get; }

    /// <summary>Asks the bot for a team game (as a user in a channel) and returns its first round, once its card is posted.</summary>
    Task<(string Game, int Round)> StartGameAsync(HttpClient bot, int roundSeconds, CancellationToken cancellationToken);

    /// <summary>One player's click, as the platform sends it; true when the platform's ack came back (HTTP 200).</summary>
    Task<bool> ClickAsync(HttpClient bot, string game, int round, int player, int option, CancellationToken cancellationToken);

    /// <summary>How many second clicks the players were told were refused (seen in the bot's answers).</summary>
    int Refused { get; }

    /// <summary>When the channel's card was updated, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    IReadOnlyList<long> Updates { get; }
}

/// <summary>
/// <c>quiz</c>: the real host (HTTP pipeline, router, SQLite, Quartz) runs a team game in a channel
/// whose platform API is a local stand-in; N players each click an answer at a random moment within the window (one
/// in ten clicks twice), as the platform sends clicks (Teams invokes, signed Slack block_actions). Measures that every
/// player is counted once, how fast each click is acknowledged (Teams shows an error past its invoke timeout, Slack
/// past 3 s), and how many card updates the channel received per second (Teams allows 7).
/// </summary>
internal static class QuizLoadBenchmark
{
    public static async Task<QuizLoadResult> RunAsync(IQuizBenchPlatform platform, int players, TimeSpan window, int roundSeconds, TextWriter log, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("culturebot-bench-quiz-").FullName;
        // A platform's credentials need the key ring protected: a throw-away certificate, beside the throw-away database.
        var certificate = Path.Combine(directory, "bench.pfx");
        KeyRingCertificate.Create(certificate, password: null, TimeProvider.System);
        string[] args = ["--urls=http://127.0.0.1:0", $"--Storage:ConnectionString=Data Source={Path.Combine(directory, "bench.db")}", $"--DataProtection:CertificatePath={certificate}", "--Logging:LogLevel:Default=Error", .. platform.HostArguments];
        var app = BotHost.Build(args);
        try
        {
            await app.StartAsync(cancellationToken);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
            var clock = Stopwatch.StartNew();
            var (game, round) = await platform.StartGameAsync(http, roundSeconds, cancellationToken);
            log.WriteLine($"{platform.Name}: round card posted after {clock.Elapsed.TotalSeconds:0.0} s; {players} players answer within {window.TotalSeconds:0} s");

            var random = new Random(20261123);
            var clicks = Enumerable.Range(0, players)
                .SelectMany(p => (p % 10 == 0 ? new[] { p, p } : [p]).Select(player => (Player: player, At: TimeSpan.FromMilliseconds(random.NextDouble() * window.TotalMilliseconds))))
                .OrderBy(c => c.At)
                .ToList();
            var latencies = new ConcurrentBag<double>();
            var errors = 0;
            var start = Stopwatch.StartNew();
            await Parallel.ForEachAsync(clicks, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (click, token) =>
            {
                var wait = click.At - start.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, token);
                }

                var timer = Stopwatch.StartNew();
                var acknowledged = await platform.ClickAsync(http, game, round, click.Player, click.Player % QuizGenerator.MinOptions, token);
                latencies.Add(timer.Elapsed.TotalMilliseconds);
                if (!acknowledged)
                {
                    Interlocked.Increment(ref errors);
                }
            });
            log.WriteLine($"{platform.Name}: {clicks.Count} clicks sent in {start.Elapsed.TotalSeconds:0.0} s; waiting for the round to close");

            var store = app.Services.GetRequiredService<IQuizStore>();
            var queue = app.Services.GetRequiredService<IWorkQueue>();
            while ((await store.GetRoundAsync(game, round, cancellationToken))?.ClosedAt is null
                || await queue.CountPendingAsync(Slack.Inbound.SlackInboundPlatform.QueueName, cancellationToken) > 0)
            {
                await Task.Delay(200, cancellationToken);
            }

            var counted = await store.CountAnswersAsync(game, round, cancellationToken);
            var sorted = latencies.Order().ToList();
            return new QuizLoadResult(
                platform.Name, players, counted, clicks.Count, platform.Refused, errors, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1],
                platform.Updates.Count, MaxPerSecond(platform.Updates), clock.Elapsed.TotalSeconds);
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

    /// <summary>A local stand-in for a platform API: a slim Kestrel app on a free loopback port.</summary>
    public static async Task<WebApplication> StartStandInAsync(Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
