using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Xunit.Abstractions;

namespace CultureBot.Host.Tests.Fuzz;

/// <summary>
/// One endpoint's fuzz run: half its inputs from a fixed seed (the same every run), half from a random seed printed in
/// the output (new each run, so the suite keeps exploring). A failure names both; set <see cref="SeedVariable"/> to
/// the printed random seed to replay it. The budget is a number of inputs, not a duration.
/// </summary>
public sealed class FuzzRun
{
    public const int FixedSeed = 20261213;

    /// <summary>Replays a run: the random half uses this seed instead of a new one.</summary>
    public const string SeedVariable = "CULTUREBOT_FUZZ_SEED";

    /// <summary>Overrides every endpoint's input count (more to hunt, fewer to debug).</summary>
    public const string BudgetVariable = "CULTUREBOT_FUZZ_INPUTS";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private readonly ITestOutputHelper _output;
    private int _sent;

    public FuzzRun(string endpoint, int budget, ITestOutputHelper output)
    {
        Endpoint = endpoint;
        Budget = int.TryParse(Environment.GetEnvironmentVariable(BudgetVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var forced) ? forced : budget;
        RandomSeed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();
        _output = output;
        _output.WriteLine($"Fuzz {endpoint}: {Budget} inputs, fixed seed {FixedSeed}, random seed {RandomSeed} (replay: {SeedVariable}={RandomSeed})");
    }

    public string Endpoint { get; }

    public int Budget { get; }

    public int RandomSeed { get; }

    /// <summary>The inputs: the first half drawn with the fixed seed, the second with the random one.</summary>
    public IReadOnlyList<FuzzInput> Inputs(Func<Random, FuzzInput> next)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var inputs = new List<FuzzInput>(Budget);
        foreach (var (seed, count) in new[] { (FixedSeed, Budget / 2), (RandomSeed, Budget - (Budget / 2)) })
        {
            var random = new Random(seed);
            for (var i = 0; i < count; i++)
            {
                inputs.Add(next(random));
            }
        }

        _output.WriteLine($"Fuzz {Endpoint}: {inputs.Count} inputs made in {elapsed.Elapsed.TotalSeconds:F1} s");
        return inputs;
    }

    /// <summary>Sends every input (a few at a time, as a busy platform would) and records what came back.</summary>
    public async Task SendAsync(IReadOnlyList<FuzzInput> inputs, Func<FuzzInput, Task<HttpResponseMessage>> send)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (input, token) =>
        {
            Interlocked.Increment(ref _sent);
            try
            {
                using var response = await send(input);
                _statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    _refusals.AddOrUpdate(Detail(await response.Content.ReadAsStringAsync(token)), 1, (_, n) => n + 1);
                }

                if ((int)response.StatusCode >= 500)
                {
                    Fail(input, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The test server rethrows what the application did not handle: in production, a 500.
                _statuses.AddOrUpdate(500, 1, (_, n) => n + 1);
                Fail(input, $"{e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
        });
        _output.WriteLine($"Fuzz {Endpoint}: {inputs.Count} inputs sent in {elapsed.Elapsed.TotalSeconds:F1} s");
    }

    public int ServerErrors => _failures.Values.Sum(q => q.Count);

    /// <summary>Prints the counts; returns every failure class with a few samples each and how to replay, or null when there was no 5xx.</summary>
    public string? Report()
    {
        var statuses = string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
        _output.WriteLine($"Fuzz {Endpoint}: {_sent} sent; statuses {statuses}; 5xx {ServerErrors}");
        foreach (var (reason, count) in _refusals.OrderByDescending(r => r.Value))
        {
            _output.WriteLine($"  400 × {count}: {reason}");
        }

        if (ServerErrors == 0)
        {
            return null;
        }

        var report = new StringBuilder($"{Endpoint}: {ServerErrors} of {_sent} inputs got a 5xx (random seed {RandomSeed}; replay with {SeedVariable}={RandomSeed}).\n");
        foreach (var (mutation, samples) in _failures.OrderByDescending(f => f.Value.Count))
        {
            report.Append(CultureInfo.InvariantCulture, $"  {mutation}: {samples.Count}\n");
            foreach (var sample in samples.Take(3))
            {
                report.Append(CultureInfo.InvariantCulture, $"    {sample}\n");
            }
        }

        _output.WriteLine(report.ToString());
        return report.ToString();
    }

    /// <summary>Fails the test, with <see cref="Report"/>, on any 5xx.</summary>
    public static void AssertNoServerErrors(params FuzzRun[] runs)
    {
        var failures = runs.Select(r => r.Report()).OfType<string>().ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>The sentence of a 400's problem details (what the client is told), or the body itself.</summary>
    private static string Detail(string body)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body)?["detail"]?.GetValue<string>() ?? body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }

    private void Fail(FuzzInput input, string what) =>
        _failures.GetOrAdd(input.Mutation, _ => new ConcurrentQueue<string>())
            .Enqueue($"{what} at {input.Where} ← {input.Preview.ReplaceLineEndings(" ")}");
}
