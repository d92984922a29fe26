using System.CommandLine;
using CultureBot.Host.Bench;

namespace CultureBot.Host.Cli;

/// <summary><c>culturebot bench outbox --recipients N [--crash-at F]</c>: the outbox against a connector that enforces Teams' limits.</summary>
internal static class BenchCommands
{
    public static Command Create()
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
        var worker = new Command("outbox-worker", "The benchmark's worker process (started by bench outbox).") { database };
        worker.Hidden = true;
        worker.SetAction((parse, cancellationToken) => OutboxBenchmark.DrainAsync(parse.GetValue(database)!, cancellationToken));

        return new Command("bench", "Benchmarks that need the whole host.") { outbox, worker };
    }
}
