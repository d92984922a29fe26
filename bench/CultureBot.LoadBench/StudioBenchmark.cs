using System.Diagnostics;
using System.Globalization;
using CultureBot.Core.Conversations;
using CultureBot.Core.Digests;
using CultureBot.Core.Insights;
using CultureBot.Core.Personas;
using CultureBot.Core.Verbatims;
using CultureBot.Data;
using CultureBot.Host.Web;
using Dapper;

namespace CultureBot.LoadBench;

/// <summary>One studio page or query, timed: p50 and p95 of <see cref="StudioBenchmark.Runs"/> runs after one warm-up.</summary>
internal sealed record StudioPageTiming(string Provider, string Page, double P50Ms, double P95Ms, string What)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"provider={Provider} page={Page} p50_ms={P50Ms:0.0} p95_ms={P95Ms:0.0} ({What})");
}

/// <summary>
/// <c>studio</c>: the studio's pages with real volumes, through the whole host. The host runs in local mode (the
/// studio opens as owner of the benchmark's organization) on a database where that organization holds
/// <c>--verbatims</c> verbatims, 200 channels subscribed to the digest, and a year of engagement for <c>--people</c>
/// people (each about <c>--events-per-person</c> events spread over the year: sheets, matches, a tenth of them
/// unmatched descriptions, quiz answers, card buttons, in their personal chat or one of 200 channels; a weekly digest
/// in every channel, read receipts, onboarding), next to a neighbour organization of the same size that every query
/// must skip. Each page is fetched over HTTP as a browser's first request gets it (the server-side render, with its
/// data); the verbatims grid, which loads once the page is live, is timed through the query it sends.
/// </summary>
internal static class StudioBenchmark
{
    public const int Runs = 10;
    private const int Channels = 200;
    private static readonly OrganizationKey Organization = new(Platforms.Teams, "bench-tenant");
    private static readonly OrganizationKey Neighbour = new(Platforms.Teams, "bench-neighbour");

    private static readonly string[] Words =
    [
        "retired", "sailor", "student", "family", "cargo", "bike", "electric", "repair", "commute", "weekend", "tandem", "budget",
        "delivery", "warranty", "rental", "subscription", "mountain", "city", "children", "school", "tourist", "battery", "brakes", "racing",
    ];

    /// <param name="keep">A SQLite file to seed once and reuse on the next runs (seeding takes minutes); a throw-away one when null.</param>
    public static async Task<IReadOnlyList<StudioPageTiming>> RunAsync(string provider, int verbatims, int people, int eventsPerPerson, string? keep, TextWriter log, CancellationToken cancellationToken)
    {
        var postgres = provider == "postgres";
        if (postgres && keep is not null)
        {
            throw new ArgumentException("--database keeps a SQLite file; PostgreSQL runs seed a schema of their own each time.", nameof(keep));
        }

        var directory = Directory.CreateTempSubdirectory("culturebot-bench-studio-").FullName;
        var schema = "bench_studio_" + Guid.NewGuid().ToString("N")[..8];
        var server = postgres ? Environment.GetEnvironmentVariable("CULTUREBOT_TEST_POSTGRES") ?? throw new InvalidOperationException("Set CULTUREBOT_TEST_POSTGRES (scripts/test-deps.sh prints it).") : null;
        var connectionString = postgres ? server + ";Search Path=" + schema : $"Data Source={Path.GetFullPath(keep ?? Path.Combine(directory, "bench.db"))}";
        try
        {
            if (postgres)
            {
                await ExecuteAsync(server!, $"CREATE SCHEMA {schema}", cancellationToken);
            }

            string[] args =
            [
                "--urls=http://127.0.0.1:0",
                $"--Storage:Provider={(postgres ? "Postgres" : "Sqlite")}",
                $"--Storage:ConnectionString={connectionString}",
                $"--Studio:LocalOrganization={Organization}",
                "--Logging:LogLevel:Default=Error",
            ];
            await using var app = BotHost.Build(args);
            await app.StartAsync(cancellationToken); // migrates and loads the sample packs
            try
            {
                return await SeedAndTimeAsync(app, postgres ? "postgres" : "sqlite", keep, verbatims, people, eventsPerPerson, log, cancellationToken);
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            if (postgres)
            {
                await ExecuteAsync(server!, $"DROP SCHEMA {schema} CASCADE", CancellationToken.None);
            }
        }
    }

    private static async Task<IReadOnlyList<StudioPageTiming>> SeedAndTimeAsync(WebApplication app, string name, string? keep, int verbatims, int people, int eventsPerPerson, TextWriter log, CancellationToken cancellationToken)
    {
        var seed = $"{verbatims}/{people}/{eventsPerPerson}";
        var services = app.Services;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var database = services.GetRequiredService<Database>();
        if (await SeededAsync(database, cancellationToken) is { } seeded)
        {
            if (seeded != seed)
            {
                throw new InvalidOperationException($"{keep} was seeded with {seeded} (verbatims/people/events per person), not {seed}: give another --database.");
            }

            await log.WriteLineAsync($"{keep}: seeded before with {seed}");
        }
        else
        {
            var clock = Stopwatch.StartNew();
            await SeedVerbatimsAsync(services.GetRequiredService<IVerbatimStore>(), verbatims, now, cancellationToken);
            await log.WriteLineAsync($"{verbatims} verbatims stored in {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();
            var events = await SeedEventsAsync(new SqlEngagementStore(database), people, eventsPerPerson, now, cancellationToken);
            await log.WriteLineAsync($"{events} engagement events for {people} people in each of two organizations stored in {clock.Elapsed.TotalSeconds:0.0} s");
            await SeedDigestsAsync(services.GetRequiredService<IDigestStore>(), now, cancellationToken);
            await MarkSeededAsync(database, seed, cancellationToken);
        }

        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("ANALYZE", commandType: System.Data.CommandType.Text, cancellationToken: cancellationToken)); // plans as a live database has them
        }

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/admin/"), Timeout = TimeSpan.FromMinutes(2) };
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var yearAgo = InsightsDay(today.AddDays(-365));
        var pack = services.GetRequiredService<PersonaDirectory>().PacksFor(Organization)[0];
        var store = services.GetRequiredService<IVerbatimStore>();
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-6);
        return
        [
            await PageAsync(http, name, string.Empty, "overview", "GET /admin/"),
            await PageAsync(http, name, "insights", "insights-30-days", "GET /admin/insights: the last 30 days"),
            await PageAsync(http, name, $"insights?from={yearAgo}&to={InsightsDay(today)}", "insights-365-days", "GET /admin/insights: a year"),
            await PageAsync(http, name, $"insights?from={yearAgo}&to={InsightsDay(today)}&conversation={Uri.EscapeDataString("19:channel-7@thread.tacv2")}", "insights-365-days-one-channel", "GET /admin/insights: a year, one channel"),
            await PageAsync(http, name, "verbatims", "verbatims", "GET /admin/verbatims: the page; its grid is the next lines"),
            await TimeAsync(name, "verbatims-grid-first-page", "IVerbatimStore.SearchAsync: 25 newest and the total, no filter", async () =>
                (await store.SearchAsync(Organization, new VerbatimQuery { Limit = 25 }, cancellationToken)).Total),
            await TimeAsync(name, "verbatims-grid-last-page", "IVerbatimStore.SearchAsync: the last 25", async () =>
                (await store.SearchAsync(Organization, new VerbatimQuery { Offset = verbatims - 25, Limit = 25 }, cancellationToken)).Items.Count),
            await TimeAsync(name, "verbatims-grid-filtered", "IVerbatimStore.SearchAsync: one language, one month, one persona", async () =>
                (await store.SearchAsync(Organization, new VerbatimQuery { Language = "en", From = month, To = month.AddMonths(1).AddDays(-1), PersonaId = "camille", Limit = 25 }, cancellationToken)).Total),
            await TimeAsync(name, "verbatims-grid-words", "IVerbatimStore.SearchAsync: two words anywhere in the text", async () =>
                (await store.SearchAsync(Organization, new VerbatimQuery { Words = "cargo warranty", Limit = 25 }, cancellationToken)).Total),
            await PageAsync(http, name, "personas", "personas", "GET /admin/personas: the sheets and the positioning map"),
            await PageAsync(http, name, $"personas/{pack.Slug}/{pack.Personas[0].Id}", "persona-sheet", "GET /admin/personas/SLUG/ID"),
            await PageAsync(http, name, $"personas/history?slug={pack.Slug}", "persona-history", "GET /admin/personas/history"),
            await PageAsync(http, name, "quiz", "quiz", "GET /admin/quiz: each pack's first 25 questions"),
            await PageAsync(http, name, "digests", "digests", $"GET /admin/digests: {Channels} subscriptions"),
            await PageAsync(http, name, "journeys", "journeys", "GET /admin/journeys"),
            await PageAsync(http, name, "committees", "committees", "GET /admin/committees"),
            await PageAsync(http, name, "audit", "audit", "GET /admin/audit"),
            await PageAsync(http, name, $"insights/export.csv?from={yearAgo}&to={InsightsDay(today)}", "insights-export-365-days", "GET /admin/insights/export.csv: a year"),
        ];
    }

    private static string InsightsDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var admin = new Npgsql.NpgsqlConnection(connectionString);
        await admin.OpenAsync(cancellationToken);
        await admin.ExecuteAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    /// <summary>A page as a browser's first request gets it; a page that is not 200 fails the run, since its time would mean nothing.</summary>
    private static Task<StudioPageTiming> PageAsync(HttpClient http, string provider, string path, string page, string what) =>
        TimeAsync(provider, page, what, async () =>
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET /admin/{path}: {(int)response.StatusCode}");
            }

            return body.Length;
        });

    private static async Task<StudioPageTiming> TimeAsync(string provider, string page, string what, Func<Task<int>> run)
    {
        await run(); // warm-up: the first run pays for connections, plans and the page's compilation
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

    private static async Task<string?> SeededAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("CREATE TABLE IF NOT EXISTS bench_seed (seed TEXT NOT NULL)", cancellationToken: cancellationToken));
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition("SELECT seed FROM bench_seed", cancellationToken: cancellationToken));
    }

    private static async Task MarkSeededAsync(Database database, string seed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("INSERT INTO bench_seed (seed) VALUES (@Seed)", new { Seed = seed }, cancellationToken: cancellationToken));
    }

    private static async Task SeedVerbatimsAsync(IVerbatimStore store, int count, DateTimeOffset now, CancellationToken cancellationToken)
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
                Date = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-(i % 365)),
                Language = i % 3 == 0 ? "fr" : "en",
            }).ToList();
            await store.AddAsync(Organization, batch, now, cancellationToken);
        }
    }

    private static async Task SeedDigestsAsync(IDigestStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var organization in new[] { Organization, Neighbour })
        {
            for (var channel = 0; channel < Channels; channel++)
            {
                var conversation = new ConversationKey(organization.Platform, organization.TenantId, $"19:channel-{channel}@thread.tacv2");
                var subscription = new DigestSubscription(conversation, (DayOfWeek)(channel % 5 + 1), new TimeOnly(9, 0), "Europe/Paris", channel % 3 == 0 ? "fr" : "en");
                await store.SubscribeAsync(subscription, now, cancellationToken);
            }
        }
    }

    /// <summary>Through the store's own write path (the events and their summaries), in transactions of 20,000.</summary>
    private static async Task<int> SeedEventsAsync(SqlEngagementStore store, int people, int eventsPerPerson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        var total = 0;
        foreach (var organization in new[] { Organization, Neighbour })
        {
            var events = new List<EngagementEvent>();
            for (var person = 0; person < people; person++)
            {
                var pseudonym = $"{organization.TenantId}-{person:x8}";
                for (var e = 0; e < eventsPerPerson; e++)
                {
                    var at = now.AddMinutes(-random.Next(365 * 24 * 60));
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
                    var about = kind == EngagementKinds.SheetOpened || kind == EngagementKinds.MatchAnswered || kind == EngagementKinds.QuizAnswered ? persona : null;
                    events.Add(new EngagementEvent(organization, at, kind, pseudonym, conversation, about, value, detail));
                }
            }

            for (var week = 0; week < 52; week++)
            {
                for (var channel = 0; channel < Channels; channel++)
                {
                    events.Add(new EngagementEvent(organization, now.AddDays(-7 * week), EngagementKinds.DigestDelivered, null, $"19:channel-{channel}@thread.tacv2", null, null, $"d-{week}-{channel}"));
                }
            }

            // In time order, as a live host records them.
            foreach (var chunk in events.OrderBy(e => e.OccurredAt).Chunk(20_000))
            {
                await store.AddAsync(chunk, cancellationToken);
            }

            total += events.Count;
        }

        return total / 2;
    }
}
