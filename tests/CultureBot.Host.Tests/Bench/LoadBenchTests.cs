using CultureBot.Host.Tests.Cli;
using CultureBot.Host.Tests.Support;
using CultureBot.LoadBench;

namespace CultureBot.Host.Tests.Bench;

/// <summary>The load benchmarks (<c>bench/CultureBot.LoadBench</c>), each run once at a small size: they measure what they say.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LoadBenchTests
{
    [Fact]
    public async Task The_outbox_benchmark_delivers_everything_once_even_when_its_worker_is_killed_midway()
    {
        var (status, output, error) = await RunCapturedAsync("outbox", "--recipients", "120", "--crash-at", "0.4");

        Assert.True(status == 0, error);
        var fields = output.Trim().Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);
        Assert.Equal(("120", "0", "1"), (fields["sent"], fields["lost"], fields["crashes"]));
        Assert.InRange(int.Parse(fields["duplicated"], System.Globalization.CultureInfo.InvariantCulture), 0, OutboxDispatcherBatch);
    }

    /// <summary>At most the messages in flight at the crash (sent, not yet marked done) can go twice.</summary>
    private const int OutboxDispatcherBatch = CultureBot.Core.Delivery.OutboxDispatcher.Parallelism;

    [Fact]
    public async Task The_checks_benchmark_decides_every_reminder_and_card_once()
    {
        var (status, output, error) = await RunCapturedAsync("checks", "--committees", "12", "--newcomers", "40");

        Assert.True(status == 0, error + output);
        var fields = output.Trim().Split('\n')[^1].Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);
        Assert.Equal(("12", "40", "12", "40"), (fields["committees"], fields["newcomers"], fields["reminders"], fields["cards"]));
    }

    [Theory]
    [InlineData("teams")]
    [InlineData("slack")]
    public async Task The_quiz_load_benchmark_counts_every_player_once_and_refuses_second_clicks(string platform)
    {
        var (status, output, error) = await RunCapturedAsync("quiz", "--players", "60", "--within", "2", "--round-seconds", "10", "--platform", platform);

        Assert.True(status == 0, error + output);
        var fields = output.Trim().Split('\n')[^1].Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);
        Assert.Equal((platform, "60", "66", "6", "0"), (fields["platform"], fields["counted"], fields["clicks"], fields["refused_second_clicks"], fields["errors"]));
        Assert.InRange(int.Parse(fields["max_updates_per_s"], System.Globalization.CultureInfo.InvariantCulture), 0, 7);
    }

    [Fact]
    public async Task The_studio_benchmark_times_every_page_of_a_seeded_organization_through_the_host()
    {
        var (status, output, error) = await RunCapturedAsync("studio", "--verbatims", "300", "--people", "20", "--events-per-person", "5");

        Assert.True(status == 0, error + output);
        var pages = output.Split('\n').Where(l => l.StartsWith("provider=", StringComparison.Ordinal)).Select(l => l.Split(' ').Select(f => f.Split('=')).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1])).ToList();
        Assert.Contains("300 verbatims stored", error, StringComparison.Ordinal);
        Assert.Equal(
            ["overview", "insights-30-days", "insights-365-days", "insights-365-days-one-channel", "verbatims", "verbatims-grid-first-page", "verbatims-grid-last-page",
             "verbatims-grid-filtered", "verbatims-grid-words", "personas", "persona-sheet", "persona-history", "quiz", "digests", "journeys", "committees", "audit",
             "insights-export-365-days"],
            pages.Select(p => p["page"]));
        Assert.All(pages, p => Assert.True(double.Parse(p["p95_ms"], System.Globalization.CultureInfo.InvariantCulture) >= double.Parse(p["p50_ms"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static Task<(int Status, string Out, string Error)> RunCapturedAsync(params string[] args) =>
        CapturedConsole.RunAsync(() => LoadBenchCommandLine.RunAsync(args));
}
