using Microsoft.Playwright;

namespace CultureBot.Host.Tests.Studio;

/// <summary>The studio's frame in a real browser: local mode opens it with a banner, in the browser's language, accessible.</summary>
[Collection(StudioCollection.Name)]
public sealed class StudioShellTests
{
    [SkippableFact]
    public async Task Local_mode_opens_the_studio_without_sign_in_and_says_so()
    {
        await using var host = await StudioHost.StartAsync();
        var page = await host.OpenAsync("/admin");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Local mode:")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("teams:00000000-0000-0000-0000-0000000000001").First).ToBeVisibleAsync();
        await StudioHost.ScreenshotAsync(page, "overview");
    }

    [SkippableFact]
    public async Task The_studio_speaks_the_browsers_language()
    {
        await using var host = await StudioHost.StartAsync();
        var page = await host.OpenAsync("/admin", locale: "fr-FR");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vue d’ensemble", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        await StudioHost.ScreenshotAsync(page, "overview.fr");
    }

    [SkippableFact]
    public async Task The_overview_has_no_accessibility_violations()
    {
        await using var host = await StudioHost.StartAsync();
        var page = await host.OpenAsync("/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await StudioHost.WaitLiveAsync(page);

        await StudioHost.AssertAccessibleAsync(page);
    }
}

/// <summary>The studio's browser tests run one at a time: each starts a host and Chromium, heavy on a 2-core machine.</summary>
[CollectionDefinition(Name)]
public sealed class StudioCollection
{
    public const string Name = "Studio browser";
}
