using System.Diagnostics;
using System.Globalization;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Queue;
using CultureBot.Data;
using CultureBot.Teams.Adapter;
using CultureBot.Teams.Configuration;
using CultureBot.Teams.Connector;

namespace CultureBot.LoadBench;

/// <summary>What one run measured.</summary>
/// <param name="CapFraction">Messages accepted per second from the first to the last, as a fraction of the connector's cap.</param>
internal sealed record OutboxBenchmarkResult(double CapFraction, int Sent, int Lost, int Duplicated, double Seconds, int Throttled, int Crashes)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"cap_fraction={CapFraction:0.000} sent={Sent} lost={Lost} duplicated={Duplicated} seconds={Seconds:0.0} throttled={Throttled} crashes={Crashes}");
}

/// <summary>
/// <c>outbox</c>: N proactive messages (one per conversation) put in a SQLite outbox, drained by a
/// worker process through the real Teams sender and connector client into <see cref="RateLimitedConnector"/>. With
/// <c>--crash-at</c>, the worker is killed (SIGKILL) when that fraction has arrived, and started again.
/// </summary>
internal static class OutboxBenchmark
{
    public const string Tenant = "bench-tenant";

    /// <summary>Shorter than production's two minutes, so that a crash run does not spend most of its time waiting for leases.</summary>
    public static readonly TimeSpan WorkerLease = TimeSpan.FromSeconds(10);

    public static async Task<OutboxBenchmarkResult> RunAsync(int recipients, double? crashAt, TextWriter log, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("culturebot-bench-outbox-").FullName;
        var database = Path.Combine(directory, "outbox.db");
        await using var connector = await RateLimitedConnector.StartAsync();
        await FillAsync(database, connector.Url, recipients, cancellationToken);
        await log.WriteLineAsync($"{recipients} messages queued; connector at {connector.Url}, cap {RateLimitedConnector.PerSecond}/s");

        var clock = Stopwatch.StartNew();
        var crashes = 0;
        var worker = StartWorker(database);
        while (true)
        {
            await Task.Delay(100, cancellationToken);
            var arrived = connector.Accepted.Count;
            if (crashAt is { } fraction && crashes == 0 && arrived >= recipients * fraction)
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync(cancellationToken);
                crashes++;
                await log.WriteLineAsync($"worker killed at {arrived} delivered ({clock.Elapsed.TotalSeconds:0.0} s); starting a new one");
                worker.Dispose();
                worker = StartWorker(database);
                continue;
            }

            if (worker.HasExited)
            {
                break;
            }
        }

        var exitCode = worker.ExitCode;
        worker.Dispose();
        var seconds = clock.Elapsed.TotalSeconds;
        if (exitCode != 0)
        {
            await log.WriteLineAsync($"the worker exited with {exitCode}");
        }

        var sent = connector.Accepted.Count;
        var duplicated = connector.Accepted.Values.Sum(n => n - 1);
        Directory.Delete(directory, recursive: true);
        // The rate is over the delivery span (first message to last): N messages span N-1 intervals.
        var span = connector.DeliverySpan.TotalSeconds;
        var rate = span > 0 ? (sent + duplicated - 1) / span : 0;
        return new OutboxBenchmarkResult(rate / RateLimitedConnector.PerSecond, sent, recipients - sent, duplicated, seconds, connector.Throttled, crashes);
    }

    /// <summary>The worker process: drains the outbox in <paramref name="database"/> and exits when it is empty.</summary>
    public static async Task<int> DrainAsync(string database, CancellationToken cancellationToken)
    {

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddCultureBotData(Configuration(database))
            .AddTeamsConnector()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new TeamsOptions()))
            .AddSingleton(_ => CultureBot.Cards.CardCatalog.Load(Path.Combine(AppContext.BaseDirectory, "cards")))
            .AddSingleton<IProactiveSender>(TeamsProactiveSender.Create)
            .AddSingleton(sp => new OutboxDispatcher(
                sp.GetRequiredService<IWorkQueue>(),
                sp.GetRequiredService<IConversationStore>(),
                sp.GetServices<IProactiveSender>(),
                [],
                TimeProvider.System,
                sp.GetRequiredService<ILogger<OutboxDispatcher>>()) { Lease = WorkerLease })
            .BuildServiceProvider();
        await using (services)
        {
            var dispatcher = services.GetRequiredService<OutboxDispatcher>();
            var queue = services.GetRequiredService<IWorkQueue>();
            while (await queue.CountPendingAsync(OutboxMessage.QueueName, cancellationToken) > 0)
            {
                if (await dispatcher.RunOnceAsync(cancellationToken) == 0)
                {
                    // Items waiting for a Retry-After or for the lease of a killed worker.
                    await Task.Delay(200, cancellationToken);
                }
            }
        }

        return 0;
    }

    private static async Task FillAsync(string database, string serviceUrl, int recipients, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddCultureBotData(Configuration(database)).BuildServiceProvider();
        await using (services)
        {
            await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
            var conversations = services.GetRequiredService<IConversationStore>();
            var queue = services.GetRequiredService<IWorkQueue>();
            var now = TimeProvider.System.GetUtcNow();
            for (var i = 0; i < recipients; i++)
            {
                var key = new ConversationKey(Platforms.Teams, Tenant, $"a:bench-{i:D6}");
                await conversations.UpsertReferenceAsync(new ConversationReference(key, ConversationKind.Personal, serviceUrl, "28:bot", $"29:user-{i}", "en-US", "UTC", now), cancellationToken);
                await queue.EnqueueAsync(OutboxMessage.QueueName, new OutboxMessage(key, BotMessage.FromText($"Benchmark message {i}"), "bench").Serialize(), now, cancellationToken);
            }
        }
    }

    private static IConfiguration Configuration(string database) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:ConnectionString"] = $"Data Source={database}" })
        .Build();

    /// <summary>This executable again (the apphost, or <c>dotnet CultureBot.LoadBench.dll</c>), running the hidden worker command.</summary>
    private static Process StartWorker(string database)
    {
        var assembly = typeof(OutboxBenchmark).Assembly.Location;
        var process = Environment.ProcessPath ?? "dotnet";
        var isApphost = Path.GetFileNameWithoutExtension(process) == Path.GetFileNameWithoutExtension(assembly);
        var start = new ProcessStartInfo(isApphost || Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet") { UseShellExecute = false };
        if (!isApphost)
        {
            // Under `dotnet CultureBot.LoadBench.dll` or a test host: run this assembly with the dotnet muxer.
            start.ArgumentList.Add(assembly);
        }

        foreach (var argument in new[] { "outbox-worker", "--database", database })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("the worker process did not start");
    }
}
