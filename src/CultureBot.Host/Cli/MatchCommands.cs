using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CultureBot.Content;
using CultureBot.Core.Personas.Matching;
using CultureBot.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Cli;

/// <summary><c>culturebot match</c>: rank a pack's personas for a description; <c>match eval</c>: measure on a labelled set.</summary>
internal static class MatchCommands
{
    public static Command Create()
    {
        var pack = new Option<FileInfo>("--pack") { Description = "The persona pack (YAML).", Required = true }.ExistingFiles();
        var description = new Argument<string>("DESCRIPTION") { Description = "The customer, in a few words." };
        var match = new Command("match", "Which persona fits this customer? Prints the ranked personas with their evidence.") { pack, description };
        match.SetAction(async (parse, cancellationToken) =>
        {
            var matcher = Load(parse.GetValue(pack)!);
            if (matcher is null)
            {
                return 2;
            }

            var text = parse.GetValue(description)!;
            var result = matcher.Match(text);
            if (Reranker() is { } reranker)
            {
                result = await reranker.RerankAsync(matcher.Pack, text, result, CultureInfo.GetCultureInfo(matcher.Pack.Language), cancellationToken) ?? result;
            }

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

        var set = new Option<FileInfo>("--set") { Description = "A labelled set (JSON lines: id, pack, persona, text); items of other packs are skipped.", Required = true }.ExistingFiles();
        var evalPack = new Option<FileInfo>("--pack") { Description = "The persona pack (YAML).", Required = true }.ExistingFiles();
        var eval = new Command("eval", "Run a labelled set; ends with top1=… top3=… n=… p50_ms=… p99_ms=…") { evalPack, set };
        eval.SetAction((parse, cancellationToken) => EvaluateAsync(parse.GetValue(evalPack)!, parse.GetValue(set)!, Reranker(), cancellationToken));
        match.Subcommands.Add(eval);

        var personas = new Option<int>("--personas") { Description = "Personas in the generated pack.", DefaultValueFactory = _ => 100 };
        var queries = new Option<int>("--queries") { Description = "Descriptions to match.", DefaultValueFactory = _ => 2000 };
        var scale = new Command("scale", "Match generated descriptions against a generated pack (default 100 personas); prints top1, p50_ms, p99_ms.") { personas, queries };
        scale.SetAction(parse => Scale(parse.GetValue(personas), parse.GetValue(queries)));
        match.Subcommands.Add(scale);
        return match;
    }

    /// <summary>The language model when <c>OpenAI:Endpoint</c> and <c>OpenAI:Model</c> are configured, else null.</summary>
    private static OpenAiPersonaReranker? Reranker()
    {
        var configuration = HostConfiguration.Build();
        var options = new LlmOptions();
        configuration.GetSection(LlmOptions.Section).Bind(options);
        return options.Enabled ? new OpenAiPersonaReranker(Options.Create(options), NullLogger<OpenAiPersonaReranker>.Instance) : null;
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

    /// <summary>
    /// A synthetic pack: each persona draws its rubrics from a shared vocabulary plus words of its own; each
    /// description mixes a persona's own words with shared noise. Measures speed at scale, and that accuracy holds.
    /// </summary>
    private static int Scale(int personaCount, int queryCount)
    {
        var random = new Random(20261122);
        string Word(int i) => "w" + i.ToString("x5", CultureInfo.InvariantCulture) + "x";
        string Words(int count, Func<int> pick) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Word(pick())));
        const int shared = 3000;
        int Own(int persona) => shared + (persona * 50) + random.Next(50);
        var personas = Enumerable.Range(0, personaCount).Select(p => new Core.Personas.Persona
        {
            Id = $"p{p}",
            Name = $"Persona {p}",
            Tagline = Words(8, () => Own(p)),
            Profile = Words(30, () => random.Next(2) == 0 ? Own(p) : random.Next(shared)),
            Expectations = [.. Enumerable.Range(0, 4).Select(_ => Words(6, () => random.Next(3) == 0 ? Own(p) : random.Next(shared)))],
            Irritants = [.. Enumerable.Range(0, 4).Select(_ => Words(6, () => random.Next(3) == 0 ? Own(p) : random.Next(shared)))],
            Posture = Words(20, () => random.Next(shared)),
        }).ToList();
        var matcher = new PersonaMatcher(new Core.Personas.PersonaPack { Slug = "generated", Personas = personas });
        var items = Enumerable.Range(0, queryCount).Select(_ =>
        {
            var p = random.Next(personaCount);
            return (Expected: $"p{p}", Text: Words(12, () => random.Next(3) == 0 ? Own(p) : random.Next(shared)));
        }).ToList();

        foreach (var item in items.Take(200))
        {
            matcher.Match(item.Text);
        }

        var timings = new List<double>(items.Count);
        var top1 = 0;
        foreach (var (expected, text) in items)
        {
            var clock = Stopwatch.StartNew();
            var result = matcher.Match(text);
            timings.Add(clock.Elapsed.TotalMilliseconds);
            top1 += result.Ranked[0].Persona.Id == expected ? 1 : 0;
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"personas={personaCount} n={items.Count} top1={(double)top1 / items.Count:F3} p50_ms={timings[items.Count / 2]:F3} p99_ms={timings[(int)Math.Ceiling(0.99 * items.Count) - 1]:F3}"));
        return 0;
    }

    /// <param name="reranker">The language model, when configured: then each match goes through it, as in chat.</param>
    private static async Task<int> EvaluateAsync(FileInfo packFile, FileInfo setFile, OpenAiPersonaReranker? reranker, CancellationToken cancellationToken)
    {
        var matcher = Load(packFile);
        if (matcher is null)
        {
            return 2;
        }

        var lines = File.ReadLines(setFile.FullName).Select((text, i) => (Text: text, Number: i + 1)).Where(l => !string.IsNullOrWhiteSpace(l.Text)).ToList();
        var items = new List<(JsonElement Root, int Number)>();
        foreach (var (text, number) in lines)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                items.Add((document.RootElement.Clone(), number));
            }
            catch (JsonException e)
            {
                await Console.Error.WriteLineAsync($"{setFile.FullName}:{number}: not a JSON object ({e.Message})");
                return 2;
            }
        }

        // Latency is measured in steady state: one untimed pass first, so the JIT's first compilations are not counted.
        foreach (var (root, _) in items)
        {
            if (root.TryGetProperty("text", out var warmText))
            {
                matcher.Match(warmText.GetString() ?? string.Empty);
            }
        }

        int n = 0, top1 = 0, top3 = 0;
        var kinds = new SortedDictionary<string, (int N, int Top1, int Top3)>(StringComparer.Ordinal);
        var timings = new List<double>();
        foreach (var (root, number) in items)
        {
            if (root.TryGetProperty("pack", out var itemPack) && itemPack.GetString() != matcher.Pack.Slug)
            {
                continue;
            }

            if (!root.TryGetProperty("persona", out var expectedElement) || !root.TryGetProperty("text", out var textElement))
            {
                await Console.Error.WriteLineAsync($"{setFile.FullName}:{number}: skipped, it needs persona and text");
                continue;
            }

            var expected = expectedElement.GetString();
            var text = textElement.GetString() ?? string.Empty;
            var clock = Stopwatch.StartNew();
            var result = matcher.Match(text);
            if (reranker is not null)
            {
                result = await reranker.RerankAsync(matcher.Pack, text, result, CultureInfo.GetCultureInfo(matcher.Pack.Language), cancellationToken) ?? result;
            }

            var ranked = result.Ranked;
            timings.Add(clock.Elapsed.TotalMilliseconds);
            n++;
            var position = ranked.ToList().FindIndex(r => r.Persona.Id == expected);
            top1 += position == 0 ? 1 : 0;
            top3 += position is >= 0 and < 3 ? 1 : 0;

            // A set that labels its paraphrases ("hard": true) gets its figures per kind too.
            if (root.TryGetProperty("hard", out var hard) && hard.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                var kind = hard.GetBoolean() ? "hard" : "plain";
                var (kn, k1, k3) = kinds.GetValueOrDefault(kind);
                kinds[kind] = (kn + 1, k1 + (position == 0 ? 1 : 0), k3 + (position is >= 0 and < 3 ? 1 : 0));
            }

            if (position != 0)
            {
                var id = root.TryGetProperty("id", out var i) ? i.GetString() : $"line {number}";
                Console.WriteLine($"miss {id}: expected {expected}, got {string.Join(" > ", ranked.Take(3).Select(r => r.Persona.Id))}");
            }
        }

        foreach (var (kind, (kn, k1, k3)) in kinds)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kind={kind} top1={(double)k1 / kn:F3} top3={(double)k3 / kn:F3} n={kn}"));
        }

        timings.Sort();
        double Percentile(double p) => timings.Count == 0 ? 0 : timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(p * timings.Count) - 1)];
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"top1={(n == 0 ? 0 : (double)top1 / n):F3} top3={(n == 0 ? 0 : (double)top3 / n):F3} n={n} p50_ms={Percentile(0.50):F2} p99_ms={Percentile(0.99):F2}"));
        return 0;
    }
}
