using CultureBot.Host.Tests.Support;
using Microsoft.Playwright;

namespace CultureBot.Host.Tests.Studio;

/// <summary>The studio of a deployed host (not local mode) in a real browser: no session, no studio.</summary>
[Collection(StudioCollection.Name)]
public sealed class StudioSignInBrowserTests : IDisposable
{
    private readonly FakeSignInProviders _providers = new();

    public void Dispose() => _providers.Dispose();

    private Dictionary<string, string?> Settings => _providers.Settings(new Dictionary<string, string?>
    {
        ["Studio:Entra:ClientId"] = FakeSignInProviders.EntraClientId,
        ["Studio:Entra:ClientSecret"] = "entra-secret",
        ["Studio:Slack:ClientId"] = FakeSignInProviders.SlackClientId,
        ["Studio:Slack:ClientSecret"] = "slack-secret",
    });

    [SkippableFact]
    public async Task Sign_in_is_refused_without_a_session_the_studio_sends_to_the_sign_in_page()
    {
        await using var host = await StudioHost.StartAsync(Settings);
        var page = await host.OpenAsync("/admin/audit");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the studio", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/signin\\?ReturnUrl=%2Fadmin%2Faudit$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Microsoft" })).ToHaveAttributeAsync("href", "signin/entra?returnUrl=%2Fadmin%2Faudit");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Slack" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Change history")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Local mode:")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task The_sign_in_page_speaks_french_to_a_french_browser()
    {
        await using var host = await StudioHost.StartAsync(Settings);
        var page = await host.OpenAsync("/admin", locale: "fr-FR");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Se connecter au studio", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Se connecter avec Microsoft" })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task The_sign_in_and_refusal_pages_have_no_accessibility_violations()
    {
        await using var host = await StudioHost.StartAsync(Settings);
        foreach (var path in new[] { "/admin/signin", "/admin/signin/refused?reason=role" })
        {
            var page = await host.OpenAsync(path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

            await StudioHost.AssertAccessibleAsync(page, path);
        }
    }
}
