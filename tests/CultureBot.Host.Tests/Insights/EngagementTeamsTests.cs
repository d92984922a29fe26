using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;
using CultureBot.Core.Insights;
using CultureBot.Host.Cli;
using CultureBot.Host.Tests.Cli;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Insights;

/// <summary>
/// A short conversation in Teams through the real host (local mode, SQLite): what the person did is recorded per
/// organization under a pseudonym, and <c>culturebot insights --json</c> reads it back from the same database.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class EngagementTeamsTests : IDisposable
{
    private readonly FakeConnector _connector = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("culturebot-insights-").FullName;

    private string Database => $"Data Source={Path.Combine(_directory, "insights.db")}";

    public void Dispose()
    {
        _connector.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_conversation_is_recorded_per_organization_under_a_pseudonym_and_insights_reports_it()
    {
        using (var host = new BotHostFactory(new Dictionary<string, string?> { ["Storage:ConnectionString"] = Database }))
        {
            var client = host.CreateClient();
            await SayAsync(client, Activities.Message(_connector.ServiceUrl, "persona Camille"));
            await SayAsync(client, Activities.Message(_connector.ServiceUrl, "Inès"));
            await SayAsync(client, Activities.Message(_connector.ServiceUrl, "match an astronaut collecting rare stamps, write to jane.doe@example.com"));
            await SayAsync(client, Activities.Invoke(_connector.ServiceUrl, "finder-answer"));
            var otherTenant = Activities.OfTenant(Activities.Message(_connector.ServiceUrl, "persona Camille", conversationId: "conv-b"), "tenant-b");
            otherTenant["from"]!["id"] = "user-id-b";
            await SayAsync(client, otherTenant);

            var store = host.Services.GetRequiredService<IEngagementStore>();
            var now = TimeProvider.System.GetUtcNow();
            var ours = await store.ReportAsync(new OrganizationKey(Platforms.Teams, Activities.Tenant), now.AddDays(-1), now.AddDays(1), CancellationToken.None);
            var theirs = await store.ReportAsync(new OrganizationKey(Platforms.Teams, "tenant-b"), now.AddDays(-1), now.AddDays(1), CancellationToken.None);

            Assert.Equal(1, ours.People);
            Assert.Equal(
                [(EngagementKinds.SheetOpened, 2), ("action:finder-answer", 1), (EngagementKinds.MatchAnswered, 1)],
                ours.Kinds.Select(k => (k.Kind, k.Count)).OrderByDescending(k => k.Count).ThenBy(k => k.Kind, StringComparer.Ordinal));
            Assert.Contains(ours.PersonasAskedAbout, p => p.PersonaId == "camille" && p.Count >= 1);
            Assert.Contains(ours.PersonasAskedAbout, p => p.PersonaId == "ines" && p.Count >= 1);
            var missing = Assert.Single(ours.LowConfidenceDescriptions);
            Assert.Contains("astronaut collecting rare stamps", missing.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("jane.doe@example.com", missing.Text, StringComparison.Ordinal);
            Assert.Equal([(EngagementKinds.SheetOpened, 1)], theirs.Kinds.Select(k => (k.Kind, k.Count)));
        }

        var (status, output, error) = await CapturedConsole.RunAsync(() => CultureBotCommandLine.RunAsync(
            ["insights", "--json", "--org", $"teams:{Activities.Tenant}", $"--Storage:ConnectionString={Database}"]));

        Assert.True(status == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(1, json["people"]!.GetValue<int>());
        Assert.Equal(2, json["kinds"]![EngagementKinds.SheetOpened]!.GetValue<int>());
        Assert.Equal($"teams:{Activities.Tenant}", json["organization"]!.GetValue<string>());
        Assert.Equal(4, json["days"]!.AsArray().Sum(d => d!["events"]!.GetValue<int>()));
        Assert.Contains("[email]", json["lowConfidence"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("user-id-0", output, StringComparison.Ordinal);

        var (all, table, _) = await CapturedConsole.RunAsync(() => CultureBotCommandLine.RunAsync(["insights", $"--Storage:ConnectionString={Database}"]));
        Assert.Equal(0, all);
        Assert.Contains("all organizations): 2 people reached.", table, StringComparison.Ordinal);
        Assert.Contains("Descriptions no persona fitted well", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insights_refuses_a_day_it_cannot_read_and_a_period_that_ends_before_it_starts()
    {
        var (badDay, _, badDayError) = await CapturedConsole.RunAsync(() => CultureBotCommandLine.RunAsync(["insights", "--from", "7/12/2026", $"--Storage:ConnectionString={Database}"]));
        var (backwards, _, backwardsError) = await CapturedConsole.RunAsync(() => CultureBotCommandLine.RunAsync(
            ["insights", "--from", "2026-12-07", "--to", "2026-12-01", $"--Storage:ConnectionString={Database}"]));
        var (badOrg, _, _) = await CapturedConsole.RunAsync(() => CultureBotCommandLine.RunAsync(["insights", "--org", "nowhere", $"--Storage:ConnectionString={Database}"]));

        Assert.Equal((2, 2, 2), (badDay, backwards, badOrg));
        Assert.Contains("--from '7/12/2026' is not a day", badDayError, StringComparison.Ordinal);
        Assert.Contains("--from 2026-12-07 is after --to 2026-12-01", backwardsError, StringComparison.Ordinal);
    }

    private static async Task SayAsync(HttpClient client, JsonObject activity) =>
        (await Activities.PostAsync(client, activity)).EnsureSuccessStatusCode();
}
