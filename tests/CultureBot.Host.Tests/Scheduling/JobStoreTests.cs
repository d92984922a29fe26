using System.Collections.Concurrent;
using System.Data.Common;
using CultureBot.Data;
using CultureBot.Scheduling;
using CultureBot.Host.Tests.Support;
using CultureBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CultureBot.Host.Tests.Scheduling;

/// <summary>
/// Quartz keeps its jobs and triggers in the application's database (SQLite and PostgreSQL, for real): what one host
/// scheduled runs after a restart, and on PostgreSQL several hosts form one cluster where each firing runs once.
/// </summary>
public sealed class JobStoreTests
{
    public static TheoryData<StorageProvider> Providers => new() { StorageProvider.Sqlite, StorageProvider.Postgres };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_job_scheduled_before_a_restart_runs_after_it(StorageProvider provider)
    {
        await using var database = await HostDatabase.CreateAsync(provider);
        var trigger = new TriggerKey("once-after-restart", "tests");
        using (var first = new BotHostFactory(database.Settings))
        {
            var scheduler = await SchedulerAsync(first);
            await scheduler.ScheduleJob(
                TriggerBuilder.Create().WithIdentity(trigger).ForJob(DueChecks.Digests).StartAt(TimeProvider.System.GetUtcNow().AddSeconds(3)).Build(),
                default,
                CancellationToken.None);
            Assert.Equal(1L, await ScalarAsync(first, "SELECT COUNT(*) FROM qrtz_triggers WHERE sched_name = 'CultureBot' AND trigger_name = 'once-after-restart'"));
            Assert.Equal(1L, await ScalarAsync(first, "SELECT COUNT(*) FROM qrtz_cron_triggers WHERE trigger_name = 'digests-every-minute'"));
        }

        // The first host is gone before its trigger is due; the next one, on the same database, runs it.
        var firings = new FiringLog();
        using var second = new BotHostFactory(database.Settings, firings.Register);
        _ = second.Server;

        var fired = await firings.WaitForAsync(f => f.Trigger == trigger, TimeSpan.FromSeconds(30));
        Assert.Equal(DueChecks.Digests, fired.Job);
    }

    [SkippableFact]
    public async Task Two_hosts_on_postgres_form_one_cluster_where_each_firing_runs_once()
    {
        await using var database = await HostDatabase.CreateAsync(StorageProvider.Postgres);
        var settings = new Dictionary<string, string?>(database.Settings) { ["Scheduling:DigestCheck"] = "* * * * * ?" };
        var firings = new FiringLog();
        using var first = new BotHostFactory(settings, firings.Register);
        using var second = new BotHostFactory(settings, firings.Register);
        _ = first.Server;
        _ = second.Server;

        // A host's scheduler starts after the host (once the application has started) and joins the cluster at its
        // first check-in; on a busy machine the first host may fire many times before the second has joined.
        await WaitForCheckInsAsync(first, 2, TimeSpan.FromSeconds(120));
        await firings.WaitForCountAsync(firings.All.Count + 10, TimeSpan.FromSeconds(120));

        var digestChecks = firings.All.Where(f => f.Job == DueChecks.Digests).ToList();
        var twice = digestChecks.GroupBy(f => f.ScheduledFor).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
    }

    /// <summary>Waits until <paramref name="count"/> scheduler instances have checked in to the cluster.</summary>
    private static async Task WaitForCheckInsAsync(BotHostFactory host, long count, TimeSpan timeout)
    {
        const string sql = "SELECT COUNT(*) FROM qrtz_scheduler_state WHERE sched_name = 'CultureBot'";
        _ = await SchedulerAsync(host); // its schema provisioned
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        long seen;
        while ((seen = await ScalarAsync(host, sql)) < count)
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"{seen} scheduler instances of {count} checked in within {timeout}");
            }

            await Task.Delay(100);
        }

        Assert.Equal(count, seen);
    }

    private static async Task<IScheduler> SchedulerAsync(BotHostFactory host)
    {
        _ = host.Server;
        var name = host.Services.GetRequiredService<CultureBotScheduler>().Name;
        var factory = host.Services.GetRequiredKeyedService<ISchedulerFactory>(name);
        return await factory.GetScheduler(CancellationToken.None);
    }

    private static async Task<long> ScalarAsync(BotHostFactory host, string sql)
    {
        await using var connection = await host.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The settings that put a host on a fresh real database: a SQLite file, or a private PostgreSQL schema.</summary>
    private sealed class HostDatabase(Dictionary<string, string?> settings, Func<ValueTask> cleanup) : IAsyncDisposable
    {
        public Dictionary<string, string?> Settings { get; } = settings;

        public static async Task<HostDatabase> CreateAsync(StorageProvider provider)
        {
            if (provider == StorageProvider.Postgres)
            {
                var schema = await PostgresSchema.CreateAsync();
                return new(
                    new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = schema.ConnectionString },
                    schema.DisposeAsync);
            }

            var directory = Directory.CreateTempSubdirectory("culturebot-jobstore-").FullName;
            return new(
                new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "culturebot.db")}" },
                () =>
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    Directory.Delete(directory, recursive: true);
                    return ValueTask.CompletedTask;
                });
        }

        public ValueTask DisposeAsync() => cleanup();
    }
}

/// <summary>Every job a host's scheduler runs, whichever host ran it (a Quartz job listener registered in each host).</summary>
internal sealed class FiringLog
{
    private readonly ConcurrentQueue<Firing> _firings = new();

    public IReadOnlyList<Firing> All => [.. _firings];

    public void Register(IServiceCollection services) =>
        services.ConfigureAllQuartzSchedulers(quartz => quartz.AddJobListener(new Listener(this), [Matchers.AllJobs()]));

    public async Task<Firing> WaitForAsync(Func<Firing, bool> match, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (_firings.FirstOrDefault(match) is { } firing)
            {
                return firing;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no such firing in {timeout}; saw {_firings.Count}");
    }

    public async Task WaitForCountAsync(int count, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (_firings.Count < count)
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"{_firings.Count} firings of {count} in {timeout}");
            }

            await Task.Delay(100);
        }
    }

    internal sealed record Firing(JobKey Job, TriggerKey Trigger, DateTimeOffset? ScheduledFor, string Instance);

    private sealed class Listener(FiringLog log) : IJobListener
    {
        public string Name => "firing-log";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
        {
            log._firings.Enqueue(new(context.JobDetail.Key, context.Trigger.Key, context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId));
            return ValueTask.CompletedTask;
        }
    }
}
