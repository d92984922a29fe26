using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;
using CultureBot.Core.Insights;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CultureBot.Host.Tests.Studio;

/// <summary>
/// The insights page after a scripted conversation in local mode (the Playground's tenant, which the studio's local
/// organization is): the reach, the charts as labelled SVG images with their data, the CSV with the same numbers, accessible.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class InsightsPageTests : IDisposable
{
    private readonly FakeConnector _connector = new();

    public void Dispose() => _connector.Dispose();

    [SkippableFact]
    public async Task After_a_conversation_the_insights_page_shows_the_reach_the_charts_and_exports_the_same_numbers()
    {
        await using var host = await StudioHost.StartAsync();
        await ConverseAsync(host);

        var page = await host.OpenAsync("/admin/insights");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Insights", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dd[data-figure=people]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("dd[data-figure=events]")).ToHaveTextAsync("4");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Activity per day" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Personas people ask about" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Quiz accuracy per persona, least known first" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Onboarding funnel" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Digests delivered and read" })).ToBeVisibleAsync();
        Assert.Equal(5, await page.Locator("svg[role=img][aria-label]").CountAsync());
        Assert.True(await page.Locator("svg[role=img] rect").CountAsync() > 0, "the charts draw no bars");
        // Each chart's data is a table under it: the persona asked about, by its name (the quiz's table may name her too).
        Assert.InRange(await page.Locator("table", new() { HasText = "Camille" }).CountAsync(), 1, 2);

        var href = await page.Locator("[href^='insights/export.csv']").First.GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync("/admin/" + href);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("attachment", csv.Headers["content-disposition"], StringComparison.Ordinal);
        var lines = (await csv.TextAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("section,item,count,of,text", lines[0]);
        Assert.Contains("reach,people,1,,", lines);
        Assert.Contains("events,sheet-opened,1,,", lines);
        Assert.Contains("events,quiz-answered,1,,", lines);
        Assert.Contains("events,match-answered,1,,", lines);
        Assert.Contains(lines, l => l.StartsWith("persona-asked,camille,", StringComparison.Ordinal)); // the sheet, and the match if Camille came first
        Assert.Contains(lines, l => l.StartsWith("quiz-correct,", StringComparison.Ordinal) && l.EndsWith(",1,", StringComparison.Ordinal));

        await StudioHost.AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task The_insights_page_speaks_french_and_keeps_the_period_it_was_given()
    {
        await using var host = await StudioHost.StartAsync();

        var page = await host.OpenAsync("/admin/insights?from=2026-01-01&to=2026-12-31", locale: "fr-FR");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Indicateurs", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Activité par semaine (du lundi)" })).ToBeVisibleAsync();
        Assert.Equal("insights/export.csv?from=2026-01-01&to=2026-12-31", await page.Locator("[href^='insights/export.csv']").First.GetAttributeAsync("href"));
        await Assertions.Expect(page.GetByText("Rien encore sur cette période.").First).ToBeVisibleAsync();
    }

    /// <summary>A persona sheet, a "which persona fits" question and a quiz answer, as the Playground posts them.</summary>
    private async Task ConverseAsync(StudioHost host)
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.Address) };
        await SayAsync(client, Activities.Message(_connector.ServiceUrl, "persona Camille"));
        await SayAsync(client, Activities.Message(_connector.ServiceUrl, "which persona fits a customer who repairs old bikes with his grandchildren"));
        await SayAsync(client, Activities.Message(_connector.ServiceUrl, "quiz"));
        // Messages go through the durable inbound queue: wait for the quiz card, then for the four events, before looking.
        var question = await UntilAsync(() => _connector.Cards.LastOrDefault(c => c.ToJsonString().Contains("quiz-answer", StringComparison.Ordinal)), "no quiz card");
        var option = question["body"]!.AsArray().First(e => e?["type"]?.GetValue<string>() == "ActionSet")!["actions"]![0]!;
        await SayAsync(client, Activities.Invoke(_connector.ServiceUrl, "quiz-answer", option["data"]!.AsObject().DeepClone().AsObject()));
        var store = host.Services.GetRequiredService<IEngagementStore>();
        var now = TimeProvider.System.GetUtcNow();
        await UntilAsync(
            async () => await store.ReportAsync(new OrganizationKey(Platforms.Teams, Activities.Tenant), now.AddDays(-1), now.AddDays(1), CancellationToken.None) is { } report && report.Kinds.Sum(k => k.Count) >= 4 ? report : null,
            "the conversation was not recorded");
    }

    private static Task<T> UntilAsync<T>(Func<T?> probe, string failure)
        where T : class => UntilAsync(() => Task.FromResult(probe()), failure);

    /// <summary>Looks every 100 ms, for 60 s at most: the condition, not a guess at how long it takes.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string failure)
        where T : class
    {
        for (var i = 0; i < 600; i++)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(failure);
    }

    private static async Task SayAsync(HttpClient client, JsonObject activity) =>
        (await Activities.PostAsync(client, activity)).EnsureSuccessStatusCode();
}
