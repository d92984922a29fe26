using System.Text;
using System.Text.Json;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;
using CultureBot.Host.Tests.Support;
using CultureBot.Studio.Access;
using CultureBot.Studio.Personas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CultureBot.Host.Tests.Studio;

/// <summary>
/// The persona pages in a real browser against the real host (local mode, the sample packs): an owner's edit reaches
/// the next card in chat without a restart, a second tab saving an older version is told, a bad upload stores nothing.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class PersonaStudioTests
{
    private static readonly OrganizationKey Playground = new(Platforms.Teams, Activities.Tenant);
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // A save runs a database write and a reload of every pack; on a busy 2-core machine that can take longer than
    // Playwright's 5 seconds, so conditions are waited for as long as the pages' own actions are.
    public PersonaStudioTests() => Assertions.SetDefaultExpectTimeout(30_000);

    [SkippableFact]
    public async Task An_owner_edits_a_persona_and_the_next_card_in_chat_shows_it()
    {
        await using var host = await StudioHost.StartAsync();
        using var connector = new FakeConnector();
        var page = await host.OpenAsync("/admin/personas/velo-vert-en/camille");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Camille", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToBeEnabledAsync();

        await page.Locator("#field-irritants textarea").FillAsync("Waiting a week to fix a flat tyre\nNo loan bike on Mondays");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved as version 2")).ToBeVisibleAsync();

        var card = await SayAsync(host, connector, "persona camille");
        Assert.Contains("No loan bike on Mondays", card, StringComparison.Ordinal);
        Assert.DoesNotContain("The workshop closed on Saturdays", card, StringComparison.Ordinal);

        // The shared default is untouched: the organization has a copy of its own, and its history says who did what.
        var store = host.Services.GetRequiredService<IPackStore>();
        Assert.Contains("The workshop closed on Saturdays", (await store.FindAsync(null, "velo-vert-en", CancellationToken.None))!.Content, StringComparison.Ordinal);
        var versions = await store.VersionsAsync(Playground, "velo-vert-en", CancellationToken.None);
        Assert.Equal(["camille: irritants changed", PackEditor.CopiedFromDefault], versions.Select(v => v.Summary));
    }

    [SkippableFact]
    public async Task A_second_tab_saving_an_older_version_is_told_and_keeps_its_text()
    {
        await using var host = await StudioHost.StartAsync();
        var first = await host.OpenAsync("/admin/personas/velo-vert-en/camille");
        var second = await host.OpenAsync("/admin/personas/velo-vert-en/camille");
        await Assertions.Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Camille", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Camille", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToBeEnabledAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToBeEnabledAsync();

        await first.Locator("#field-tagline input").FillAsync("Rides every day, rain or shine");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(first.GetByText("Saved as version 2")).ToBeVisibleAsync();

        const string promise = "A loan bike the same day, always.";
        await second.Locator("#field-promise textarea").FillAsync(promise);
        await second.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(second.GetByText("Changed since you opened it")).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByText("camille: tagline changed")).ToBeVisibleAsync();
        await Assertions.Expect(second.Locator("#field-promise textarea")).ToHaveValueAsync(promise);

        // Having seen it, the second editor saves over it: their change lands beside the first one, which stays.
        await second.GetByRole(AriaRole.Button, new() { Name = "Save my text over it" }).ClickAsync();
        await Assertions.Expect(second.GetByText("Saved as version 3")).ToBeVisibleAsync();
        var camille = host.Services.GetRequiredService<PersonaDirectory>().Find(Playground, "velo-vert-en")!.Find("camille")!;
        Assert.Equal("Rides every day, rain or shine", camille.Tagline);
        Assert.Equal(promise, camille.Promise);
    }

    [SkippableFact]
    public async Task A_bad_pack_upload_shows_its_lines_and_stores_nothing()
    {
        await using var host = await StudioHost.StartAsync();
        var page = await host.OpenAsync("/admin/personas");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Replace the pack by a file", Level = 2 })).ToBeVisibleAsync();

        const string bad = """
            pack: velo-vert-en
            language: en
            personas:
              - id: camille
                name: Camille
                satisfaction: twelve
            """;
        await Assertions.Expect(page.Locator("input[type=file]")).ToBeEnabledAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "bad.yaml", MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes(bad) });

        await Assertions.Expect(page.GetByText("bad.yaml:6: personas[0].satisfaction: 'twelve' is not a number from 0 to 10")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("bad.yaml cannot be stored")).ToBeVisibleAsync();
        var store = host.Services.GetRequiredService<IPackStore>();
        Assert.Null(await store.FindAsync(Playground, "velo-vert-en", CancellationToken.None));
        Assert.Empty(await store.VersionsAsync(Playground, "velo-vert-en", CancellationToken.None));
    }

    [SkippableTheory]
    [InlineData("/admin/personas")]
    [InlineData("/admin/personas/velo-vert-en/camille")]
    [InlineData("/admin/personas/history?slug=velo-vert-en")]
    public async Task The_persona_pages_have_no_accessibility_violations(string path)
    {
        await using var host = await StudioHost.StartAsync();
        // One change first, so the history has versions and their buttons.
        var owner = new StudioUser(Playground, StudioRoles.Owner, "Local owner", IsLocal: true);
        var editor = host.Services.GetRequiredService<PackEditor>();
        var changed = await editor.EditPersonaAsync(owner, "velo-vert-en", 0, "camille", new Dictionary<string, string?> { ["tagline"] = "Rides every day" }, CancellationToken.None);
        Assert.Equal(PackEditOutcome.Saved, changed.Outcome);

        var page = await host.OpenAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        // Each page has finished loading once its last part is there: the upload, the edit form, the versions.
        await Assertions.Expect(page.GetByText("Choose a pack file").Or(page.GetByRole(AriaRole.Button, new() { Name = "Retire Camille" }))
            .Or(page.GetByRole(AriaRole.Button, new() { Name = "Roll back to this: version 1" })).First).ToBeVisibleAsync();

        await StudioHost.AssertAccessibleAsync(page);
    }

    /// <summary>What the bot answered <paramref name="text"/> in the Playground's tenant, as JSON text, once the turn has run.</summary>
    private static async Task<string> SayAsync(StudioHost host, FakeConnector connector, string text)
    {
        using var client = new HttpClient(new TeamsTurnsSettled(host.Services) { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(host.Address) };
        var before = connector.Calls.Count;
        (await Activities.PostAsync(client, Activities.Message(connector.ServiceUrl, text))).EnsureSuccessStatusCode();
        var answers = connector.Calls.Skip(before).Where(c => c.Method == "POST" && c.Body is not null).Select(c => c.Body!.ToJsonString(Relaxed)).ToList();
        Assert.True(answers.Count > 0, $"no answer to '{text}'");
        return string.Concat(answers);
    }
}
