using System.CommandLine;

namespace CultureBot.LoadBench;

/// <summary>
/// The load benchmarks, run against the whole host: <c>outbox --recipients N [--crash-at F]</c>, the outbox against a
/// connector that enforces Teams' limits; <c>quiz --players N</c>, one quiz round under load; <c>checks</c>, the
/// committee and onboarding minute checks. Each prints one line of <c>name=value</c> fields on standard output.
/// </summary>
internal static class LoadBenchCommandLine
{
    public static Task<int> RunAsync(string[] args) => Create().Parse(args).InvokeAsync();

    private static RootCommand Create()
    {
        var recipients = new Option<int>("--recipients") { Description = "Messages to deliver, one per conversation.", DefaultValueFactory = _ => 10_000 };
        var crashAt = new Option<double?>("--crash-at") { Description = "Kill the worker (SIGKILL) when this fraction has been delivered, then start it again." };
        var outbox = new Command("outbox", "Measure the outbox: delivery rate against the cap, lost and duplicated messages, with or without a crash.") { recipients, crashAt };
        outbox.SetAction(async (parse, cancellationToken) =>
        {
            var result = await OutboxBenchmark.RunAsync(parse.GetValue(recipients), parse.GetValue(crashAt), Console.Error, cancellationToken);
            Console.WriteLine(result);
            return result.Lost == 0 ? 0 : 1;
        });

        var database = new Option<string>("--database") { Required = true };
        var worker = new Command("outbox-worker", "The benchmark's worker process (started by outbox).") { database };
        worker.Hidden = true;
        worker.SetAction((parse, cancellationToken) => OutboxBenchmark.DrainAsync(parse.GetValue(database)!, cancellationToken));

        var players = new Option<int>("--players") { Description = "Players answering one round.", DefaultValueFactory = _ => 2_000 };
        var within = new Option<int>("--within") { Description = "Seconds over which the players click.", DefaultValueFactory = _ => 10 };
        var roundSeconds = new Option<int>("--round-seconds") { Description = "How long the round stays open.", DefaultValueFactory = _ => 15 };
        var platform = new Option<string>("--platform") { Description = "teams or slack.", DefaultValueFactory = _ => "teams" };
        platform.AcceptOnlyFromAmong("teams", "slack");
        var quiz = new Command("quiz", "Measure one quiz round under load: every player counted once, click acknowledgement latency, card updates per second.") { players, within, roundSeconds, platform };
        quiz.SetAction(async (parse, cancellationToken) =>
        {
            await using IQuizBenchPlatform bench = parse.GetValue(platform) == "slack" ? await SlackQuizBench.StartAsync() : new TeamsQuizBench();
            var result = await QuizLoadBenchmark.RunAsync(
                bench, parse.GetValue(players), TimeSpan.FromSeconds(parse.GetValue(within)), parse.GetValue(roundSeconds), Console.Error, cancellationToken);
            Console.WriteLine(result);
            return result.Counted == result.Players && result.Errors == 0 ? 0 : 1;
        });

        var committees = new Option<int>("--committees") { Description = "Committees, each with a meeting on the same evening.", DefaultValueFactory = _ => 1_000 };
        var newcomers = new Option<int>("--newcomers") { Description = "Newcomers whose onboarding card is due the same morning.", DefaultValueFactory = _ => 10_000 };
        var checks = new Command("checks", "Measure the minute checks of committees and onboarding: with nothing due, and with everything due at once.") { committees, newcomers };
        checks.SetAction(async (parse, cancellationToken) =>
        {
            var result = await DueChecksBenchmark.RunAsync(parse.GetValue(committees), parse.GetValue(newcomers), Console.Error, cancellationToken);
            Console.WriteLine(result);
            return result.Reminders == result.Committees && result.Cards == result.Newcomers ? 0 : 1;
        });

        var verbatims = new Option<int>("--verbatims") { Description = "Verbatims in the organization.", DefaultValueFactory = _ => 100_000 };
        var people = new Option<int>("--people") { Description = "People with a year of engagement events.", DefaultValueFactory = _ => 10_000 };
        var eventsPerPerson = new Option<int>("--events-per-person") { Description = "Engagement events per person over the year.", DefaultValueFactory = _ => 50 };
        var provider = new Option<string>("--provider") { Description = "sqlite, or postgres (on CULTUREBOT_TEST_POSTGRES, in a schema of its own).", DefaultValueFactory = _ => "sqlite" };
        provider.AcceptOnlyFromAmong("sqlite", "postgres");
        var keep = new Option<string?>("--database") { Description = "sqlite only: a database file to seed once and reuse on the next runs (seeding takes minutes)." };
        var studio = new Command("studio", "Time each studio page through the host with 100,000 verbatims and a year of events for 10,000 people: one line per page, p50 and p95.")
        {
            verbatims, people, eventsPerPerson, provider, keep,
        };
        studio.SetAction(async (parse, cancellationToken) =>
        {
            var timings = await StudioBenchmark.RunAsync(parse.GetValue(provider)!, parse.GetValue(verbatims), parse.GetValue(people), parse.GetValue(eventsPerPerson), parse.GetValue(keep), Console.Error, cancellationToken);
            foreach (var timing in timings)
            {
                Console.WriteLine(timing);
            }

            return 0;
        });

        return new RootCommand("CultureBot's load benchmarks: the whole host under load, on a throw-away SQLite database.") { outbox, worker, quiz, checks, studio };
    }
}
