using System.Net;
using System.Net.Sockets;
using CultureBot.Testing;
using Xunit.Abstractions;

namespace CultureBot.Host.Tests.EndToEnd;

/// <summary>
/// The real host, started as its own process, in a real conversation with Microsoft 365 Agents Playground
/// (Microsoft's local Teams client) driven by <c>teams-e2e</c>. Every scenario runs in API mode (the Playground's
/// own HTTP endpoints, no browser: what a machine without Chromium runs) and in browser mode (cards rendered by
/// the Teams renderer, screenshots kept), which is skipped, saying why, where Chromium is not installed.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PlaygroundTests
{
    private readonly ITestOutputHelper _output;

    public PlaygroundTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, string> Scenarios { get; } = InBothModes("welcome-help", "first-hour", "french", "personas", "finder", "digest", "quiz-team", "quiz-solo");

    public static TheoryData<string, string> ScenariosOnAMovedClock { get; } = InBothModes("onboarding|2026-03-26T12:00:00Z", "committee|2026-03-02T10:00:00Z");

    [SkippableTheory]
    [MemberData(nameof(Scenarios))]
    public Task Scenario_passes_in_the_agents_playground(string scenario, string mode) =>
        RunScenarioAsync(scenario, mode, Path.Combine(PeerTools.RepoRoot, "tests", "e2e", scenario + ".json"));

    /// <summary>
    /// Days walked in seconds: the test host (the shipped host plus the adjustable clock, <c>tests/CultureBot.TestHost</c>)
    /// starts its clock at <paramref name="start"/> (<c>Testing:Clock</c>) and the scenario moves it forward with
    /// <c>culturebot/clock</c> events; what the bot sends at each instant, it sends by itself, through Quartz and the
    /// outbox. Onboarding: a newcomer's cards on five working days at 9:00 Paris,
    /// none on the weekend, across the change to summer time. Committee: the reminders of a meeting, in order, at
    /// 9:00 Paris before and after that change, with the RSVP, the questions form and the minutes answered in cards.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(ScenariosOnAMovedClock))]
    public Task Scenario_on_a_moved_clock_passes_in_the_agents_playground(string scenarioAndStart, string mode)
    {
        var (scenario, start) = (scenarioAndStart.Split('|')[0], scenarioAndStart.Split('|')[1]);
        return RunScenarioAsync(scenario, mode, Path.Combine(PeerTools.RepoRoot, "tests", "e2e", scenario + ".json"), $"Testing__Clock={start}", TestHostDll);
    }

    /// <summary>
    /// The digest reaches a Teams conversation by the clock alone: the conversation subscribes for two minutes from
    /// now (UTC), and Quartz's minute check, the outbox and the Teams sender must bring the digest to the Playground
    /// with no further message. The real clock, so this test waits about two minutes.
    /// </summary>
    [SkippableFact]
    public async Task A_subscribed_conversation_receives_its_digest_when_the_clock_reaches_its_hour()
    {
        var at = TimeProvider.System.GetUtcNow().AddMinutes(2);
        var scenario = new System.Text.Json.Nodes.JsonObject
        {
            ["steps"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["expect"] = "Welcome to CultureBot", ["scope"] = "all", ["timeout"] = 20000 },
                new System.Text.Json.Nodes.JsonObject { ["say"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"digest on {at.DayOfWeek} {at:HH:mm} UTC") },
                new System.Text.Json.Nodes.JsonObject { ["expect"] = "Weekly digest on" },
                new System.Text.Json.Nodes.JsonObject { ["name"] = "the digest arrives on time, unasked", ["expect"] = "This week's customer verbatims[\\s\\S]*Verbatim of the week", ["timeout"] = 200000 },
                new System.Text.Json.Nodes.JsonObject { ["expectNoWarnings"] = true }),
        };
        var path = Path.Combine(Directory.CreateTempSubdirectory("culturebot-e2e-scenario-").FullName, "digest-on-time.json");
        await File.WriteAllTextAsync(path, scenario.ToJsonString());

        await RunScenarioAsync("digest-on-time", "api", path);
    }

    private static TheoryData<string, string> InBothModes(params string[] scenarios)
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in scenarios)
        {
            data.Add(scenario, "api");
            data.Add(scenario, "browser");
        }

        return data;
    }

    /// <summary>The shipped executable: every scenario that does not move the clock runs against it.</summary>
    private const string ShippedHostDll = "culturebot.dll";

    /// <summary>The shipped host plus the adjustable clock, which the shipped executable does not have.</summary>
    private const string TestHostDll = "CultureBot.TestHost.dll";

    private async Task RunScenarioAsync(string scenario, string mode, string scenarioPath, string? environment = null, string host = ShippedHostDll)
    {
        PeerTools.Require();
        if (mode == "browser")
        {
            PeerTools.RequireChromium();
        }

        var port = FreePort();
        var hostDll = Path.Combine(AppContext.BaseDirectory, host);
        Assert.True(File.Exists(hostDll), $"{hostDll} is missing");
        var dataDirectory = Directory.CreateTempSubdirectory("culturebot-e2e-").FullName;
        var outDirectory = Path.Combine(PeerTools.RepoRoot, "artifacts", "e2e", scenario + "-" + mode);
        var botCommand = $"cd '{dataDirectory}' && Storage__ConnectionString='Data Source={dataDirectory}/culturebot.db' {environment} " +
                         $"Committees__PublicUrl=http://127.0.0.1:{port} " +
                         $"exec dotnet '{hostDll}' --urls http://127.0.0.1:{port}";

        var run = await PeerTools.RunAsync(
            "teams-e2e",
            [
                "--mode", mode,
                "--bot", $"http://127.0.0.1:{port}/api/messages",
                "--scenario", scenarioPath,
                "--out", outDirectory,
                "--bot-cmd", botCommand,
                "--bot-ready-timeout", "60000",
                "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ],
            TimeSpan.FromMinutes(5));

        _output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, $"teams-e2e {scenario} ({mode}) failed; see {outDirectory}\n{run}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>End-to-end runs start browsers and processes: one at a time on a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
