using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CultureBot.Content;
using CultureBot.Core.Personas.Matching;

namespace CultureBot.Host.Cli;

/// <summary><c>culturebot match</c>: rank a pack's personas for a description; <c>match eval</c>: measure on a labelled set.</summary>
internal static class MatchCommands
{
    public static Command Create()
    {
        var pack = new Option<FileInfo>("--pack") { Description = "The persona pack (YAML).", Required = true };
        var description = new Argument<string>("DESCRIPTION") { Description = "The customer, in a few words." };
        var match = new Command("match", "Which persona fits this customer? Prints the ranked personas with their evidence.") { pack, description };
        match.SetAction(parse =>
        {
            var matcher = Load(parse.GetValue(pack)!);
            if (matcher is null)
            {
                return 2;
            }

            var result = matcher.Match(parse.GetValue(description)!);
            foreach (var (ranked, i) in result.Ranked.Take(3).Select((r, i) => (r, i)))
            {
                Console.WriteLine($"{i + 1}. {ranked.Persona.Name} ({ranked.Persona.Id})  {ranked.Confidence:P0}");
                foreach (var evidence in ranked.Evidence.Take(4))
                {
                    Console.WriteLine($"     {evidence.Rubric}: {string.Join(", ", evidence.Words)}");
                }
            }

            if (result.DiscriminatingQuestion is { } question)
            {
                Console.WriteLine($"Too close to call; ask: {question.Text}");
            }

            return 0;
        });

        var set = new Option<FileInfo>("--set") { Description = "A labelled set (JSON lines: id, pack, persona, text); items of other packs are skipped.", Required = true };
        var evalPack = new Option<FileInfo>("--pack") { Description = "The persona pack (YAML).", Required = true };
        var eval = new Command("eval", "Run a labelled set; ends with top1=… top3=… n=… p50_ms=… p99_ms=…") { evalPack, set };
        eval.SetAction(parse => Evaluate(parse.GetValue(evalPack)!, parse.GetValue(set)!));
        match.Subcommands.Add(eval);
        return match;
    }

    private static PersonaMatcher? Load(FileInfo file)
    {
        try
        {
            var read = PackReader.ReadFile(file.FullName);
            foreach (var warning in read.Warnings)
            {
                Console.Error.WriteLine(warning);
            }

            return new PersonaMatcher(read.Pack);
        }
        catch (Exception e) when (e is PackFormatException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }

    private static int Evaluate(FileInfo packFile, FileInfo setFile)
    {
        var matcher = Load(packFile);
        if (matcher is null)
        {
            return 2;
        }

        // Latency is measured in steady state: one untimed pass first, so the JIT's first compilations are not counted.
        var lines = File.ReadLines(setFile.FullName).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        foreach (var line in lines)
        {
            using var warm = JsonDocument.Parse(line);
            matcher.Match(warm.RootElement.GetProperty("text").GetString() ?? string.Empty);
        }

        int n = 0, top1 = 0, top3 = 0;
        var timings = new List<double>();
        foreach (var (line, number) in lines.Select((l, i) => (l, i + 1)))
        {
            using var item = JsonDocument.Parse(line);
            var root = item.RootElement;
            if (root.TryGetProperty("pack", out var itemPack) && itemPack.GetString() != matcher.Pack.Slug)
            {
                continue;
            }

            var expected = root.GetProperty("persona").GetString();
            var text = root.GetProperty("text").GetString() ?? string.Empty;
            var clock = Stopwatch.StartNew();
            var ranked = matcher.Match(text).Ranked;
            timings.Add(clock.Elapsed.TotalMilliseconds);
            n++;
            var position = ranked.ToList().FindIndex(r => r.Persona.Id == expected);
            top1 += position == 0 ? 1 : 0;
            top3 += position is >= 0 and < 3 ? 1 : 0;
            if (position != 0)
            {
                var id = root.TryGetProperty("id", out var i) ? i.GetString() : $"line {number}";
                Console.WriteLine($"miss {id}: expected {expected}, got {string.Join(" > ", ranked.Take(3).Select(r => r.Persona.Id))}");
            }
        }

        timings.Sort();
        double Percentile(double p) => timings.Count == 0 ? 0 : timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(p * timings.Count) - 1)];
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"top1={(n == 0 ? 0 : (double)top1 / n):F3} top3={(n == 0 ? 0 : (double)top3 / n):F3} n={n} p50_ms={Percentile(0.50):F2} p99_ms={Percentile(0.99):F2}"));
        return 0;
    }
}
