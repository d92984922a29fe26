using Deque.AxeCore.Playwright;
using CultureBot.Host.Tests.Support;
using CultureBot.Testing;
using Microsoft.Playwright;

namespace CultureBot.Host.Tests.Studio;

/// <summary>
/// The real host on a real port (Kestrel: a browser cannot reach the in-memory test server) and the system Chromium
/// driven by Playwright, for the studio's browser tests. One per test class: its database is that class's alone.
/// </summary>
public sealed class StudioHost : IAsyncDisposable
{
    private readonly BotHostFactory _factory;
    private readonly IPlaywright _playwright;

    /// <summary>How long a browser test waits for a condition: generous, as a loaded 2-core machine is slow, never a pause.</summary>
    public const float Patience = 30_000;

    // Playwright's expectations wait 5 seconds by default, too little for a first Blazor render on a busy CI machine.
    static StudioHost() => Assertions.SetDefaultExpectTimeout(Patience);

    private StudioHost(BotHostFactory factory, IPlaywright playwright, IBrowser browser)
    {
        _factory = factory;
        _playwright = playwright;
        Browser = browser;
        Address = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:40123</c>, without a trailing slash.</summary>
    public string Address { get; }

    public IBrowser Browser { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Starts the host with <paramref name="settings"/> (local mode unless they say otherwise) and Chromium.</summary>
    public static async Task<StudioHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        PeerTools.RequireChromium();
        var factory = new BotHostFactory(settings);
        factory.UseKestrel(0);
        factory.StartServer();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
        return new StudioHost(factory, playwright, browser);
    }

    /// <summary>A new browser page in <paramref name="locale"/> (the studio follows the browser's language).</summary>
    public async Task<IPage> OpenAsync(string path, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BaseURL = Address });
        context.SetDefaultTimeout(Patience);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>
    /// Checks <paramref name="page"/> with axe-core, once its animations are over, and fails naming every violation.
    /// The wait matters because Fluent UI's message bars fade in: a bar caught half-faded fails the contrast rule by chance.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)");
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, (what is null ? string.Empty : what + ": ") + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")));
    }

    /// <summary>
    /// Waits until the studio page is live (its Blazor connection up): clicks before that are lost. Generous, since a
    /// page that draws much (the quiz page draws every question) takes a while on a loaded 2-core machine: a wait, not a timing.
    /// </summary>
    public static Task WaitLiveAsync(IPage page) => Assertions.Expect(page.Locator("main[data-live=true]")).ToBeVisibleAsync(new() { Timeout = 90_000 });

    /// <summary>
    /// Keeps a picture of <paramref name="page"/> as <c>artifacts/studio/NAME.png</c> (full page), which
    /// <c>scripts/screenshots.sh</c> copies into the README's pictures: they come from the tests, so they show what passed.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var directory = Path.Combine(PeerTools.RepoRoot, "artifacts", "studio");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }
}
