using System.Text;
using CultureBot.Core.Conversations;
using CultureBot.Core.Verbatims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CultureBot.Host.Tests.Studio;

/// <summary>The verbatims and quiz pages in a real browser, in local mode (the local organization's owner).</summary>
[Collection(StudioCollection.Name)]
public sealed class StudioVerbatimsTests
{
    private static readonly OrganizationKey Local = new(Platforms.Teams, "00000000-0000-0000-0000-0000000000001");

    [SkippableFact]
    public async Task An_owner_imports_a_csv_with_progress_and_report_then_filters_and_retires_one()
    {
        await using var host = await StudioHost.StartAsync();
        var page = await host.OpenAsync("/admin/verbatims");
        await StudioHost.WaitLiveAsync(page);

        // 300 lines: one with an e-mail address, one a duplicate of line 2, one with a kind the import does not know (line 301).
        var csv = new StringBuilder("text,persona,kind,date\n");
        for (var i = 1; i <= 297; i++)
        {
            csv.Append($"Customer words number {i:D3} about the delivery,camille,irritant,2026-11-{1 + (i % 28):D2}\n");
        }

        csv.Append("Write to jane.doe@example.com about the delivery,camille,irritant,2026-11-20\n");
        csv.Append("Customer words number 001 about the delivery,camille,irritant,2026-11-02\n");
        csv.Append("A kind nobody knows,camille,furious,2026-11-20\n");
        var file = Path.Combine(Path.GetTempPath(), $"feedback-{Guid.NewGuid():N}.en.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        try
        {
            await page.Locator("#verbatims-file").SetInputFilesAsync(file);

            var progress = page.Locator("#import-progress");
            await Assertions.Expect(progress).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("dd[data-count=refused]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("dd[data-count=added]")).ToHaveTextAsync("298");
            await Assertions.Expect(page.Locator("dd[data-count=read]")).ToHaveTextAsync("298");
            await Assertions.Expect(page.Locator("dd[data-count=duplicates]")).ToHaveTextAsync("1");
            await Assertions.Expect(page.Locator("dd[data-count=redacted]")).ToHaveTextAsync("1");
            await Assertions.Expect(page.Locator("dd[data-count=refused]")).ToHaveTextAsync("1");
            var refused = page.GetByRole(AriaRole.Table, new() { Name = "Refused lines" }).GetByRole(AriaRole.Row).Nth(1);
            await Assertions.Expect(refused).ToContainTextAsync("301");
            await Assertions.Expect(refused).ToContainTextAsync("furious");
            await Assertions.Expect(progress).ToHaveAttributeAsync("aria-valuenow", "100");
            await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(1);
        }
        finally
        {
            File.Delete(file);
        }

        await page.Locator("#filter-words input").FillAsync("number 042");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Customer words number 042 about the delivery")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Customer words number 043 about the delivery")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("1 verbatims")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Retire verbatim" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "retired" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Restore verbatim" })).ToBeVisibleAsync();

        var store = host.Services.GetRequiredService<IVerbatimStore>();
        var retired = (await store.SearchAsync(Local, new() { State = VerbatimState.Retired }, CancellationToken.None)).Items;
        Assert.Equal(["Customer words number 042 about the delivery"], retired.Select(r => r.Verbatim.Text));
        Assert.DoesNotContain(await store.ListAsync(Local, "en", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None), v => v.Text.Contains("number 042", StringComparison.Ordinal));
        Assert.DoesNotContain("jane.doe@example.com", string.Concat((await store.SearchAsync(Local, new() { Words = "Write to" }, CancellationToken.None)).Items.Select(i => i.Verbatim.Text)), StringComparison.Ordinal);

        await StudioHost.AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task The_verbatims_page_speaks_french_and_has_no_accessibility_violations()
    {
        await using var host = await StudioHost.StartAsync();
        var page = await host.OpenAsync("/admin/verbatims", locale: "fr-FR");
        await StudioHost.WaitLiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importer un fichier CSV" })).ToBeVisibleAsync();

        await StudioHost.AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task The_quiz_review_shows_questions_with_their_answers_and_an_owner_hides_one()
    {
        await using var host = await StudioHost.StartAsync();
        var page = await host.OpenAsync("/admin/quiz");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quiz questions", Level = 1 })).ToBeVisibleAsync();
        await StudioHost.WaitLiveAsync(page);
        await Assertions.Expect(page.GetByText("(answer)").First).ToBeVisibleAsync();
        await StudioHost.AssertAccessibleAsync(page);

        var first = page.Locator("li.studio-question").First;
        await first.GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "will not ask it again" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.studio-question").First.GetByRole(AriaRole.Button, new() { Name = "Show again" })).ToBeVisibleAsync();
        await StudioHost.AssertAccessibleAsync(page);

        // 25 questions a page per pack: the next page shows others, and the hidden one waits on the first.
        var section = page.Locator("section").First;
        var firstId = await section.Locator("li.studio-question").First.GetAttributeAsync("data-question");
        Assert.InRange(await section.Locator("li.studio-question").CountAsync(), 1, 25);
        var pages = section.GetByRole(AriaRole.Navigation);
        await pages.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(pages.GetByText("Page 2 of")).ToBeVisibleAsync();
        Assert.NotEqual(firstId, await section.Locator("li.studio-question").First.GetAttributeAsync("data-question"));
        await pages.GetByRole(AriaRole.Button, new() { Name = "Previous" }).ClickAsync();
        await Assertions.Expect(section.Locator("li.studio-question").First.GetByRole(AriaRole.Button, new() { Name = "Show again" })).ToBeVisibleAsync();
    }
}
