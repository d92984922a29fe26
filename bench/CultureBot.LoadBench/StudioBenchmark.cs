using System.Diagnostics;
using System.Globalization;
using CultureBot.Content;
using CultureBot.Core.Conversations;
using CultureBot.Core.Insights;
using CultureBot.Core.Personas;
using CultureBot.Core.Verbatims;
using CultureBot.Data;
using CultureBot.Host.Web;
using Dapper;

namespace CultureBot.LoadBench;

/// <summary>One studio page's queries, timed: p50 and p95 of <see cref="StudioBenchmark.Runs"/> runs after one warm-up.</summary>
internal sealed record StudioPageTiming(string Provider, string Page, double P50Ms, double P95Ms, string What)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"provider={Provider} page={Page} p50_ms={P50Ms:0.0} p95_ms={P95Ms:0.0} ({What})");
}

/// <summary>
/// <c>studio</c>: the studio's pages with real volumes, on the host's own stores. One organization holds
/// <c>--verbatims</c> verbatims and a year of engagement for <c>--people</c> people (each about
/// <c>--events-per-person</c> events spread over the year: sheets, matches, a tenth of them unmatched descriptions,
/// quiz answers, card buttons, in their personal chat or one of 200 team channels; a weekly digest in every channel,
/// read receipts, onboarding), next to a second organization of the same size that the queries must skip. Then each
/// page's queries run <see cref="Runs"/> times: insights for 30 days and for a year (what /admin/insights asks: the
/// filter's conversations and the report), the verbatims (count and the organization's own), a filtered search
/// (one language over one month), and the personas list.
/// </summary>
internal static class StudioBenchmark
{
    public const int Runs = 10;
    private const int Channels = 200;
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly OrganizationKey Organization = new(Platforms.Teams, "bench-tenant");
    private static readonly OrganizationKey Neighbour = new(Platforms.Teams, "bench-neighbour");

    private static readonly string[] Words =
    [
        "retired", "sailor", "student", "family", "cargo", "bike", "electric", "repair", "commute", "weekend", "tandem", "budget",
        "delivery", "warranty", "rental", "subscription", "mountain", "city", "children", "school", "tourist", "battery", "brakes", "racing",
    ];

    public static async Task<IReadOnlyList<StudioPageTiming>> RunAsync(string provider, int verbatims, int people, int eventsPerPerson, TextWriter log, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("culturebot-bench-studio-").FullName;
        var postgres = provider == "postgres";
        var schema = "bench_studio_" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = postgres
            ? (Environment.GetEnvironmentVariable("CULTUREBOT_TEST_POSTGRES") ?? throw new InvalidOperationException("Set CULTUREBOT_TEST_POSTGRES (scripts/test-deps.sh prints it).")) + ";Search Path=" + schema
            : $"Data Source={Path.Combine(directory, "bench.db")}";
        try
        {
            if (postgres)
            {
                await using var admin = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("CULTUREBOT_TEST_POSTGRES"));
                await admin.OpenAsync(cancellationToken);
                await admin.ExecuteAsync($"CREATE SCHEMA {schema}");
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = postgres ? "Postgres" : "Sqlite",
                ["Storage:ConnectionString"] = connectionString,
            }).Build();
            var services = new ServiceCollection().AddLogging();
            services.AddSingleton<IConfiguration>(configuration);
            BotHost.ConfigureServices(services, configuration);
            await using var host = services.BuildServiceProvider();
            await host.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
            var importer = host.GetRequiredService<PackImporter>();
            foreach (var pack in ContentOptions.SamplePacks)
            {
                await importer.ImportAsync(pack, null, cancellationToken);
            }

            host.GetRequiredService<PersonaDirectory>().Replace(await importer.LoadAllAsync(cancellationToken));

            var clock = Stopwatch.StartNew();
            await SeedVerbatimsAsync(host.GetRequiredService<IVerbatimStore>(), verbatims, cancellationToken);
            await log.WriteLineAsync($"{verbatims} verbatims stored in {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();
            var events = await SeedEventsAsync(host.GetRequiredService<Database>(), people, eventsPerPerson, cancellationToken);
            await log.WriteLineAsync($"{events} engagement events for {people} people in each of two organizations stored in {clock.Elapsed.TotalSeconds:0.0} s");
            if (postgres)
            {
                await using var connection = await host.GetRequiredService<Database>().OpenAsync(cancellationToken);
                await connection.ExecuteAsync("ANALYZE");
            }

            var store = host.GetRequiredService<IEngagementStore>();
            var verbatimStore = host.GetRequiredService<IVerbatimStore>();
            var directoryOfPersonas = host.GetRequiredService<PersonaDirectory>();
            var name = postgres ? "postgres" : "sqlite";
            return
            [
                await TimeAsync(name, "insights-30-days", "conversations for the filter + the report", () => InsightsAsync(store, 30, cancellationToken)),
                await TimeAsync(name, "insights-365-days", "conversations for the filter + the report", () => InsightsAsync(store, 365, cancellationToken)),
                await TimeAsync(name, "verbatims-count", "IVerbatimStore.CountAsync", async () => await verbatimStore.CountAsync(Organization, cancellationToken)),
                await TimeAsync(name, "verbatims-all-own", "IVerbatimStore.ListOwnAsync: every row (no paging on this branch)", async () => (await verbatimStore.ListOwnAsync(Organization, cancellationToken)).Count),
                await TimeAsync(name, "verbatims-one-month-en", "IVerbatimStore.ListAsync: one language, one month", async () =>
                    (await verbatimStore.ListAsync(Organization, "en", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), cancellationToken)).Count),
                await TimeAsync(name, "personas", "PersonaDirectory.PacksFor", () => Task.FromResult(directoryOfPersonas.PacksFor(Organization).Sum(p => p.Personas.Count))),
            ];
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            if (postgres)
            {
                await using var admin = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("CULTUREBOT_TEST_POSTGRES"));
                await admin.OpenAsync(CancellationToken.None);
                await admin.ExecuteAsync($"DROP SCHEMA {schema} CASCADE");
            }
        }
    }

    private static async Task<int> InsightsAsync(IEngagementStore store, int days, CancellationToken cancellationToken)
    {
        var from = Now.AddDays(-days);
        var conversations = await store.ConversationsAsync(Organization, from, Now, 50, cancellationToken);
        var report = await store.ReportAsync(new EngagementQuery(Organization, from, Now), cancellationToken);
        return conversations.Count + report.People;
    }

    private static async Task<StudioPageTiming> TimeAsync(string provider, string page, string what, Func<Task<int>> run)
    {
        await run(); // warm-up: the first run pays for connections and plans
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new StudioPageTiming(provider, page, times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1], what);
    }

    private static async Task SeedVerbatimsAsync(IVerbatimStore store, int count, CancellationToken cancellationToken)
    {
        var random = new Random(16);
        var personas = new[] { "camille", "ines", "marc", "lea", null };
        foreach (var chunk in Enumerable.Range(0, count).Chunk(5_000))
        {
            var batch = chunk.Select(i => new Verbatim
            {
                Text = $"Verbatim {i}: " + string.Join(' ', Enumerable.Range(0, 12).Select(_ => Words[random.Next(Words.Length)])),
                PersonaId = personas[i % personas.Length],
                Kind = (VerbatimKind)(i % 3),
                Stage = i % 2 == 0 ? "purchase" : "after-sales",
                Source = (VerbatimSource)(i % 5),
                Date = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-(i % 365)),
                Language = i % 3 == 0 ? "fr" : "en",
            }).ToList();
            await store.AddAsync(Organization, batch, Now, cancellationToken);
        }
    }

    /// <summary>Rows straight into the table in large transactions (the log's one-row inserts would take the whole run).</summary>
    private static async Task<int> SeedEventsAsync(Database database, int people, int eventsPerPerson, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        var total = 0;
        foreach (var organization in new[] { Organization, Neighbour })
        {
            var rows = new List<object>();
            for (var person = 0; person < people; person++)
            {
                var pseudonym = $"{organization.TenantId}-{person:x8}";
                for (var e = 0; e < eventsPerPerson; e++)
                {
                    var at = Now.AddMinutes(-random.Next(365 * 24 * 60));
                    var roll = random.Next(100);
                    var conversation = roll % 10 < 3 ? $"19:channel-{random.Next(Channels)}@thread.tacv2" : $"a:{pseudonym}";
                    var persona = new[] { "camille", "ines", "marc", "lea", "hugo" }[random.Next(5)];
                    var (kind, value, detail) = roll switch
                    {
                        < 30 => (EngagementKinds.SheetOpened, (double?)null, (string?)null),
                        < 50 => (EngagementKinds.MatchAnswered, random.NextDouble(), roll < 33 ? "a customer who " + string.Join(' ', Enumerable.Range(0, 6).Select(_ => Words[random.Next(Words.Length)])) : null),
                        < 80 => (EngagementKinds.QuizAnswered, random.Next(2), null),
                        < 95 => (EngagementKinds.Action("quiz-answer"), null, null),
                        < 97 => (EngagementKinds.DigestRead, null, $"m-{random.Next(100_000)}"),
                        _ => (EngagementKinds.OnboardingCardDelivered, random.Next(1, 9), null),
                    };
                    rows.Add(Row(database, organization, at, kind, pseudonym, conversation, kind == EngagementKinds.SheetOpened || kind == EngagementKinds.MatchAnswered || kind == EngagementKinds.QuizAnswered ? persona : null, value, detail));
                }
            }

            for (var week = 0; week < 52; week++)
            {
                for (var channel = 0; channel < Channels; channel++)
                {
                    rows.Add(Row(database, organization, Now.AddDays(-7 * week), EngagementKinds.DigestDelivered, null, $"19:channel-{channel}@thread.tacv2", null, null, $"d-{week}-{channel}"));
                }
            }

            await using var connection = await database.OpenAsync(cancellationToken);
            foreach (var chunk in rows.Chunk(20_000))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO engagement_events (platform, tenant_id, occurred_at, kind, person, conversation_id, persona_id, value, detail)
                    VALUES (@Platform, @TenantId, @OccurredAt, @Kind, @Person, @ConversationId, @PersonaId, @Value, @Detail)
                    """, chunk, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }

            total += rows.Count;
        }

        return total / 2;
    }

    private static object Row(Database database, OrganizationKey organization, DateTimeOffset at, string kind, string? person, string conversation, string? persona, double? value, string? detail) => new
    {
        organization.Platform,
        organization.TenantId,
        OccurredAt = database.Timestamp(at),
        Kind = kind,
        Person = person,
        ConversationId = conversation,
        PersonaId = persona,
        Value = value,
        Detail = detail,
    };
}
