using CultureBot.Core.Personas;
using CultureBot.Data;
using CultureBot.Studio.Access;
using CultureBot.Studio.Personas;
using static CultureBot.Studio.Tests.Personas.StudioPacks;

namespace CultureBot.Studio.Tests.Personas;

/// <summary>
/// The studio's pack editing on both real databases: edits are stored as versions of the organization's own copy,
/// served at once, audited; the shared default and other organizations never change; a stale or malformed change
/// and a viewer store nothing.
/// </summary>
public class PackEditorTests
{
    public static TheoryData<StorageProvider> Providers => new() { StorageProvider.Sqlite, StorageProvider.Postgres };

    private static readonly CancellationToken None = CancellationToken.None;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_first_edit_copies_the_default_for_that_organization_alone_and_serves_it_at_once(StorageProvider provider)
    {
        await using var packs = await StartAsync(provider);

        var result = await packs.Editor.EditPersonaAsync(Owner(A), Slug, 0, "nadia", Fields(("irritants", "Partial deliveries\nInvoices that do not match")), None);

        Assert.Equal(PackEditOutcome.Saved, result.Outcome);
        Assert.Equal(2, result.Revision);
        Assert.Equal(["Partial deliveries", "Invoices that do not match"], packs.Served(A, "nadia")!.Irritants);
        Assert.Equal(["Partial deliveries", "Out of stock without warning"], packs.Served(B, "nadia")!.Irritants);
        var shared = await packs.Store.FindAsync(null, Slug, None);
        Assert.Equal(DefaultPack, shared!.Content);
        Assert.Equal(1, shared.Revision);
        var versions = await packs.Store.VersionsAsync(A, Slug, None);
        Assert.Equal(["nadia: irritants changed", PackEditor.CopiedFromDefault], versions.Select(v => v.Summary));
        Assert.All(versions, v => Assert.Equal("Alex", v.Author));
        Assert.Empty(await packs.Store.VersionsAsync(B, Slug, None));
        var audit = Assert.Single(await packs.Audit.ListAsync(A, 10, None));
        Assert.Equal(("persona.edit", "acme-en/nadia", "nadia: irritants changed"), (audit.Action, audit.Target, audit.Summary));
        Assert.Empty(await packs.Audit.ListAsync(B, 10, None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Fields_not_sent_keep_their_yaml_and_several_fields_change_at_once(StorageProvider provider)
    {
        await using var packs = await StartAsync(provider);

        var result = await packs.Editor.EditPersonaAsync(Owner(A), Slug, 0, "tom", Fields(("tagline", "Furnishes three offices"), ("satisfaction", "8.5"), ("map", "0.2, -0.4")), None);

        Assert.Equal("tom: tagline, satisfaction, map changed", result.Summary);
        var tom = packs.Served(A, "tom")!;
        Assert.Equal(("Furnishes three offices", 8.5, (0.2, -0.4)), (tom.Tagline, tom.Satisfaction, tom.MapPosition!.Value));
        var own = (await packs.Store.FindAsync(A, Slug, None))!.Content;
        Assert.Contains("irritants: [\"Partial deliveries\", \"Out of stock without warning\"]", own, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_persona_is_added_retired_and_brought_back_by_a_rollback_that_is_a_new_version(StorageProvider provider)
    {
        await using var packs = await StartAsync(provider);
        var owner = Owner(A);

        Assert.Equal(PackEditOutcome.Saved, (await packs.Editor.AddPersonaAsync(owner, Slug, 0, "ines", "Inès", None)).Outcome);
        Assert.Equal("Inès", packs.Served(A, "ines")!.Name);

        var retired = await packs.Editor.RetirePersonaAsync(owner, Slug, 2, "nadia", None);
        Assert.Equal("nadia retired; questions changed", retired.Summary);
        Assert.Null(packs.Served(A, "nadia"));
        // The key questions no longer point to her: the pack stays valid.
        var questions = packs.Directory.Find(A, Slug)!.Questions;
        Assert.DoesNotContain(questions.SelectMany(q => q.Answers), a => a.Weights.ContainsKey("nadia"));
        Assert.NotNull(packs.Served(B, "nadia"));

        var back = await packs.Editor.RollBackAsync(owner, Slug, 3, 2, None);

        Assert.Equal(PackEditOutcome.Saved, back.Outcome);
        Assert.Equal("rolled back to version 2: nadia added; questions changed", back.Summary);
        Assert.Equal(4, back.Revision);
        Assert.NotNull(packs.Served(A, "nadia"));
        Assert.NotNull(packs.Served(A, "ines"));
        Assert.Equal([4, 3, 2, 1], (await packs.Store.VersionsAsync(A, Slug, None)).Select(v => v.Number));
        Assert.Equal(["pack.rollback", "persona.retire", "persona.add"], (await packs.Audit.ListAsync(A, 10, None)).Select(e => e.Action));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_second_of_two_editors_who_opened_the_same_version_is_told_and_nothing_of_theirs_is_stored(StorageProvider provider)
    {
        await using var packs = await StartAsync(provider);
        var opened = (await packs.Editor.OpenAsync(Owner(A), Slug, None))!.Revision;

        var first = await packs.Editor.EditPersonaAsync(Owner(A, "Alex"), Slug, opened, "nadia", Fields(("tagline", "First")), None);
        var second = await packs.Editor.EditPersonaAsync(Owner(A, "Sam"), Slug, opened, "nadia", Fields(("tagline", "Second")), None);

        Assert.Equal(PackEditOutcome.Saved, first.Outcome);
        Assert.Equal(PackEditOutcome.Conflict, second.Outcome);
        Assert.Equal(2, second.Revision);
        Assert.Equal("First", second.Current!.Pack.Find("nadia")!.Tagline);
        Assert.Equal(("Alex", "nadia: tagline changed"), (second.Latest!.Author, second.Latest.Summary));
        Assert.Equal("First", packs.Served(A, "nadia")!.Tagline);
        Assert.Equal(2, (await packs.Store.VersionsAsync(A, Slug, None)).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Editors_racing_on_the_same_version_store_exactly_one_change(StorageProvider provider)
    {
        await using var packs = await StartAsync(provider);
        await packs.Editor.EditPersonaAsync(Owner(A), Slug, 0, "nadia", Fields(("tagline", "Own copy")), None);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            packs.Editor.EditPersonaAsync(Owner(A, $"Editor {i}"), Slug, 2, "tom", Fields(("tagline", $"Tom {i}")), None)));

        Assert.Single(results, r => r.Outcome == PackEditOutcome.Saved);
        Assert.Equal(3, results.Count(r => r.Outcome == PackEditOutcome.Conflict));
        Assert.Equal(3, (await packs.Store.FindAsync(A, Slug, None))!.Revision);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_malformed_edit_names_its_field_and_line_and_stores_nothing(StorageProvider provider)
    {
        await using var packs = await StartAsync(provider);

        var result = await packs.Editor.EditPersonaAsync(Owner(A), Slug, 0, "nadia", Fields(("satisfaction", "twelve")), None);

        Assert.Equal(PackEditOutcome.Invalid, result.Outcome);
        Assert.Equal(["acme-en.yaml:8: personas[0].satisfaction: 'twelve' is not a number from 0 to 10"], result.Problems);
        Assert.Null(await packs.Store.FindAsync(A, Slug, None));
        Assert.Empty(await packs.Store.VersionsAsync(A, Slug, None));
        Assert.Empty(await packs.Audit.ListAsync(A, 10, None));
        Assert.Equal(7, packs.Served(A, "nadia")!.Satisfaction);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_viewer_reads_and_downloads_but_every_change_is_refused(StorageProvider provider)
    {
        await using var packs = await StartAsync(provider);
        var viewer = Viewer(A);

        Assert.Equal(DefaultPack, (await packs.Editor.OpenAsync(viewer, Slug, None))!.Stored.Content);
        await Assert.ThrowsAsync<StudioRefusalException>(() => packs.Editor.EditPersonaAsync(viewer, Slug, 0, "nadia", Fields(("tagline", "x")), None));
        await Assert.ThrowsAsync<StudioRefusalException>(() => packs.Editor.AddPersonaAsync(viewer, Slug, 0, "ines", "Inès", None));
        await Assert.ThrowsAsync<StudioRefusalException>(() => packs.Editor.RetirePersonaAsync(viewer, Slug, 0, "tom", None));
        await Assert.ThrowsAsync<StudioRefusalException>(() => packs.Editor.RollBackAsync(viewer, Slug, 0, 1, None));
        await Assert.ThrowsAsync<StudioRefusalException>(() => packs.Editor.ReplaceAsync(viewer, DefaultPack, "acme.yaml", 0, None));

        Assert.Null(await packs.Store.FindAsync(A, Slug, None));
        Assert.Empty(await packs.Audit.ListAsync(A, 10, None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_upload_lists_every_problem_with_its_line_or_previews_what_it_changes_before_replacing(StorageProvider provider)
    {
        await using var packs = await StartAsync(provider);
        var owner = Owner(A);
        const string bad = "pack: acme-en\npersonas:\n  - id: Nadia Two\n    name: Nadia\n    satisfaction: 11\n";

        var refused = await packs.Editor.PreviewAsync(owner, bad, "mine.yaml", None);

        Assert.Equal(
            ["mine.yaml:3: personas[0].id: 'Nadia Two' must be a slug: lower-case letters, digits and dashes", "mine.yaml:5: personas[0].satisfaction: '11' is not a number from 0 to 10"],
            refused.Problems);
        Assert.Equal(PackEditOutcome.Invalid, (await packs.Editor.ReplaceAsync(owner, bad, "mine.yaml", 0, None)).Outcome);
        Assert.Null(await packs.Store.FindAsync(A, Slug, None));

        var good = DefaultPack.Replace("Orders for forty people", "Orders for sixty people", StringComparison.Ordinal);
        var preview = await packs.Editor.PreviewAsync(owner, good, "mine.yaml", None);
        Assert.True(preview.IsValid);
        Assert.Equal(("acme-en", false, 0, "nadia: tagline changed"), (preview.Slug, preview.IsNew, preview.OpenedRevision, preview.Summary));
        Assert.Null(await packs.Store.FindAsync(A, Slug, None));

        var replaced = await packs.Editor.ReplaceAsync(owner, good, "mine.yaml", preview.OpenedRevision, None);

        Assert.Equal(PackEditOutcome.Saved, replaced.Outcome);
        Assert.Equal("Orders for sixty people", packs.Served(A, "nadia")!.Tagline);
        Assert.Equal(good, (await packs.Store.FindAsync(A, Slug, None))!.Content);
        Assert.Equal("Orders for forty people", packs.Served(B, "nadia")!.Tagline);
    }

    private static Dictionary<string, string?> Fields(params (string Key, string? Text)[] fields) => fields.ToDictionary(f => f.Key, f => f.Text);
}
