using System.Diagnostics;
using System.Globalization;
using CultureBot.Content;
using CultureBot.Core.Committees;
using CultureBot.Core.Conversations;
using CultureBot.Core.Onboarding;
using CultureBot.Core.Personas;
using CultureBot.Data;
using CultureBot.Host.Onboarding;
using CultureBot.Host.Web;

namespace CultureBot.LoadBench;

/// <summary>What one run measured (milliseconds, and what the busy checks queued).</summary>
internal sealed record DueChecksResult(int Committees, int Newcomers, double IdleCommitteeMs, double IdleOnboardingMs, double BusyCommitteeMs, int Reminders, double BusyOnboardingMs, int Cards, double AllocatedMb)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"committees={Committees} newcomers={Newcomers} idle_committee_check_ms={IdleCommitteeMs:0.0} idle_onboarding_check_ms={IdleOnboardingMs:0.0} " +
        $"busy_committee_check_ms={BusyCommitteeMs:0} reminders={Reminders} busy_onboarding_check_ms={BusyOnboardingMs:0} cards={Cards} busy_allocated_mb={AllocatedMb:0.0}");
}

/// <summary>
/// <c>checks</c>: the minute checks of committees and onboarding on a real SQLite database with the
/// host's own services (the sample packs and verbatims loaded; no web server, no Quartz, no outbox worker, so that
/// only the checks are measured). N committees each plan a meeting on the same evening, M newcomers are due the same
/// morning. Measures a check with nothing due (what every minute costs; median of 20) and the check that finds all
/// of them due at once (every reminder and card decided and queued in the outbox).
/// </summary>
internal static class DueChecksBenchmark
{
    private static readonly DateTimeOffset Planned = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Idle = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = new(2026, 3, 26, 8, 0, 0, TimeSpan.Zero); // Thursday 9:00 in Paris: the committees' first reminder
    private static readonly DateTimeOffset Busy = Due.AddSeconds(30);

    public static async Task<DueChecksResult> RunAsync(int committees, int newcomers, TextWriter log, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("culturebot-bench-checks-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "bench.db")}",
            }).Build();
            var services = new ServiceCollection().AddLogging();
            services.AddSingleton<IConfiguration>(configuration);
            BotHost.ConfigureServices(services, configuration);
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
            var importer = provider.GetRequiredService<PackImporter>();
            foreach (var pack in ContentOptions.SamplePacks)
            {
                await importer.ImportAsync(pack, null, cancellationToken);
            }

            var packs = await importer.LoadAllAsync(cancellationToken);
            provider.GetRequiredService<ConfiguredJourneys>().Load(packs);
            provider.GetRequiredService<PersonaDirectory>().Replace(packs);

            var clock = Stopwatch.StartNew();
            await FillAsync(provider, committees, newcomers, packs, cancellationToken);
            await log.WriteLineAsync($"{committees} committees with a meeting and {newcomers} newcomers stored in {clock.Elapsed.TotalSeconds:0.0} s");

            var committeeCheck = provider.GetRequiredService<CommitteeScheduler>();
            var onboardingCheck = provider.GetRequiredService<OnboardingScheduler>();
            var idleCommittee = await MedianAsync(() => committeeCheck.SendDueAsync(Idle, cancellationToken));
            var idleOnboarding = await MedianAsync(() => onboardingCheck.SendDueAsync(Idle, cancellationToken));

            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            clock.Restart();
            var reminders = await committeeCheck.SendDueAsync(Busy, cancellationToken);
            var busyCommittee = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var cards = await onboardingCheck.SendDueAsync(Busy, cancellationToken);
            var busyOnboarding = clock.Elapsed.TotalMilliseconds;
            var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0;
            return new DueChecksResult(committees, newcomers, idleCommittee, idleOnboarding, busyCommittee, reminders, busyOnboarding, cards, allocatedMb);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task FillAsync(IServiceProvider provider, int committees, int newcomers, IReadOnlyList<PersonaPack> packs, CancellationToken cancellationToken)
    {
        var store = provider.GetRequiredService<ICommitteeStore>();
        var scheduler = provider.GetRequiredService<CommitteeScheduler>();
        for (var i = 0; i < committees; i++)
        {
            var channel = new ConversationKey(Platforms.Teams, "bench-tenant", $"19:committee-{i}@thread.tacv2");
            var committee = await store.CreateAsync(
                new Committee(0, $"Panel {i}", channel, "29:owner", "Owner", channel with { ConversationId = "user:29:owner" }, "en", "Europe/Paris", 3, TimeSpan.FromMinutes(150), "Head office", Planned),
                cancellationToken);
            await scheduler.PlanMeetingAsync(committee!, new DateTime(2026, 4, 16, 18, 30, 0), null, Planned, cancellationToken);
        }

        var onboarding = provider.GetRequiredService<IOnboardingStore>();
        var pack = packs.First(p => p.Slug.EndsWith("-en", StringComparison.Ordinal));
        for (var i = 0; i < newcomers; i++)
        {
            var person = new ConversationKey(Platforms.Teams, "bench-tenant", $"29:newcomer-{i}");
            await onboarding.EnrolAsync(
                new Enrolment(person, $"Newcomer {i}", person with { ConversationId = $"a:1on1-{i}" }, pack.Slug, "en", "Europe/Paris", i % 8, Due, EnrolmentStatus.Active, "channel", null, Planned),
                cancellationToken);
        }
    }

    private static async Task<double> MedianAsync(Func<Task<int>> check)
    {
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            await check();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
