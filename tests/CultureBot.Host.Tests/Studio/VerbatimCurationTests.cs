using System.Text;
using CultureBot.Core.Audit;
using CultureBot.Core.Conversations;
using CultureBot.Core.Verbatims;
using CultureBot.Host.Tests.Support;
using CultureBot.Studio.Access;
using CultureBot.Studio.Verbatims;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Studio;

/// <summary>The studio's verbatim service in the real host (its SQLite, its importer, its audit log): who may write, what is stored.</summary>
public sealed class VerbatimCurationTests : IDisposable
{
    private static readonly OrganizationKey Acme = new(Platforms.Teams, "tenant-acme");
    private static readonly OrganizationKey Other = new(Platforms.Teams, "tenant-other");
    private static readonly StudioUser Owner = new(Acme, StudioRoles.Owner, "Ada Owner", IsLocal: false);
    private static readonly StudioUser Viewer = new(Acme, StudioRoles.Viewer, "Vic Viewer", IsLocal: false);

    private readonly BotHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    private VerbatimCuration Curation => _host.Services.CreateScope().ServiceProvider.GetRequiredService<VerbatimCuration>();

    private IVerbatimStore Store => _host.Services.GetRequiredService<IVerbatimStore>();

    private Task<IReadOnlyList<AuditEntry>> AuditAsync(OrganizationKey organization) =>
        _host.Services.GetRequiredService<IAuditLog>().ListAsync(organization, 50, CancellationToken.None);

    private async Task<StoredVerbatim> AddAsync(OrganizationKey organization, string text)
    {
        _ = _host.Server;
        await Store.AddAsync(organization, [new Verbatim { Text = text, PersonaId = "camille", Language = "en" }], new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), CancellationToken.None);
        return (await Store.SearchAsync(organization, new() { Words = text }, CancellationToken.None)).Items.Single();
    }

    private static Verbatim Edited(string text) => new() { Text = text, PersonaId = "camille", Kind = VerbatimKind.Irritant, Stage = "delivery", Language = "en" };

    [Fact]
    public async Task A_viewer_is_refused_every_write_and_nothing_is_stored_or_audited()
    {
        var stored = await AddAsync(Acme, "Viewers may only read this.");
        await using var csv = new MemoryStream(Encoding.UTF8.GetBytes("text\nA new line.\n"));

        await Assert.ThrowsAsync<StudioRefusalException>(() => Curation.EditAsync(Viewer, stored.Verbatim.Id, stored.Revision, Edited("Changed."), CancellationToken.None));
        await Assert.ThrowsAsync<StudioRefusalException>(() => Curation.RetireAsync(Viewer, stored.Verbatim.Id, stored.Revision, CancellationToken.None));
        await Assert.ThrowsAsync<StudioRefusalException>(() => Curation.ImportAsync(Viewer, csv, "new.en.csv", null, CancellationToken.None));

        Assert.Equal(stored, await Store.GetAsync(Acme, stored.Verbatim.Id, CancellationToken.None));
        Assert.Equal(1, (await Store.SearchAsync(Acme, new(), CancellationToken.None)).Total);
        Assert.Empty(await AuditAsync(Acme));
        Assert.Equal(1, (await Curation.SearchAsync(Viewer, new(), samples: false, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task An_edit_removes_personal_data_as_chat_does_and_is_audited_without_the_words()
    {
        var stored = await AddAsync(Acme, "Call me back.");

        var change = await Curation.EditAsync(Owner, stored.Verbatim.Id, stored.Revision,
            Edited("Call me back on 06 12 34 56 78 or at jane.doe@example.com please.") with { Channel = "mail jane.doe@example.com" }, CancellationToken.None);

        var after = (await Store.GetAsync(Acme, stored.Verbatim.Id, CancellationToken.None))!.Verbatim;
        Assert.Equal((VerbatimChangeOutcome.Saved, true), (change.Outcome, change.Redacted));
        Assert.DoesNotContain("06 12 34 56 78", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@example.com", after.Text + after.Channel, StringComparison.Ordinal);
        Assert.StartsWith("Call me back on ", after.Text, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync(Acme));
        Assert.Equal(("verbatim.edit", $"verbatim:{stored.Verbatim.Id}", "Ada Owner"), (entry.Action, entry.Target, entry.Actor));
        Assert.Equal("changed: text, kind, stage, channel", entry.Summary);
    }

    [Fact]
    public async Task The_second_of_two_editors_is_told_it_changed_and_the_first_edit_is_kept()
    {
        var opened = await AddAsync(Acme, "Opened by two people.");

        var first = await Curation.EditAsync(Owner, opened.Verbatim.Id, opened.Revision, Edited("The first editor's words."), CancellationToken.None);
        var second = await Curation.EditAsync(Owner with { Name = "Bob Owner" }, opened.Verbatim.Id, opened.Revision, Edited("The second editor's words."), CancellationToken.None);

        Assert.Equal((VerbatimChangeOutcome.Saved, VerbatimChangeOutcome.Changed), (first.Outcome, second.Outcome));
        Assert.Equal("The first editor's words.", (await Store.GetAsync(Acme, opened.Verbatim.Id, CancellationToken.None))!.Verbatim.Text);
        Assert.Equal(["Ada Owner"], (await AuditAsync(Acme)).Select(e => e.Actor));
    }

    [Fact]
    public async Task An_owner_reaches_only_its_organizations_verbatims_and_bad_input_is_refused()
    {
        var theirs = await AddAsync(Other, "Another organization's words.");
        var ours = await AddAsync(Acme, "Our words.");

        Assert.Equal(VerbatimChangeOutcome.NotFound, (await Curation.EditAsync(Owner, theirs.Verbatim.Id, theirs.Revision, Edited("Taken."), CancellationToken.None)).Outcome);
        Assert.Equal(VerbatimChangeOutcome.NotFound, (await Curation.RetireAsync(Owner, theirs.Verbatim.Id, theirs.Revision, CancellationToken.None)).Outcome);
        Assert.Equal(new VerbatimChange(VerbatimChangeOutcome.Invalid, "text"), await Curation.EditAsync(Owner, ours.Verbatim.Id, ours.Revision, Edited("   "), CancellationToken.None));
        Assert.Equal(new VerbatimChange(VerbatimChangeOutcome.Invalid, "language"), await Curation.EditAsync(Owner, ours.Verbatim.Id, ours.Revision, Edited("Fine.") with { Language = "<script>" }, CancellationToken.None));
        Assert.Equal(new VerbatimChange(VerbatimChangeOutcome.Invalid, "text"), await Curation.EditAsync(Owner, ours.Verbatim.Id, ours.Revision, Edited(new string('a', VerbatimCuration.MaxTextLength + 1)), CancellationToken.None));

        Assert.Equal("Another organization's words.", (await Store.GetAsync(Other, theirs.Verbatim.Id, CancellationToken.None))!.Verbatim.Text);
        Assert.Empty(await AuditAsync(Other));
        Assert.Empty(await AuditAsync(Acme));
    }

    [Fact]
    public async Task Retiring_and_restoring_is_audited_and_the_retired_one_leaves_the_digest_reader()
    {
        var stored = await AddAsync(Acme, "Retire me, then bring me back.");

        Assert.Equal(VerbatimChangeOutcome.Saved, (await Curation.RetireAsync(Owner, stored.Verbatim.Id, stored.Revision, CancellationToken.None)).Outcome);
        Assert.DoesNotContain(stored.Verbatim.Id, (await Store.ListAsync(Acme, "en", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None)).Select(v => v.Id));
        var retired = (await Store.GetAsync(Acme, stored.Verbatim.Id, CancellationToken.None))!;
        Assert.Equal(VerbatimChangeOutcome.Saved, (await Curation.RestoreAsync(Owner, stored.Verbatim.Id, retired.Revision, CancellationToken.None)).Outcome);

        Assert.Contains(stored.Verbatim.Id, (await Store.ListAsync(Acme, "en", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None)).Select(v => v.Id));
        Assert.Equal(["verbatim.restore", "verbatim.retire"], (await AuditAsync(Acme)).Select(e => e.Action));
    }

    [Fact]
    public async Task An_upload_follows_the_command_lines_rules_and_a_file_refused_whole_stores_nothing()
    {
        _ = _host.Server;
        var reported = new List<double>();
        var lines = new StringBuilder("text,persona,kind\n");
        for (var i = 1; i <= 40; i++)
        {
            lines.Append($"Customer words number {i} about the delivery,camille,irritant\n");
        }

        lines.Append("Write to bob@example.com about the delivery,camille,irritant\n");
        lines.Append("Customer words number 1 about the delivery,camille,irritant\n");
        lines.Append("Bad kind here,camille,furious\n");
        await using var csv = new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString()));

        var result = await Curation.ImportAsync(Owner, csv, "feedback.en.csv", new SynchronousProgress(reported.Add), CancellationToken.None);

        Assert.Equal((41, 41, 1, 1), (result.Read, result.Added, result.Duplicates, result.Redacted));
        var refused = Assert.Single(result.Errors);
        Assert.Equal((44, "kind"), (refused.Line, refused.Field));
        Assert.True(reported.Count > 10);
        Assert.Equal(1, reported[^1]);
        Assert.Equal(41, (await Store.SearchAsync(Acme, new(), CancellationToken.None)).Total);

        await using var malformed = new MemoryStream(Encoding.UTF8.GetBytes("remark;score\nGreat;5\n"));
        var whole = await Curation.ImportAsync(Owner, malformed, "survey.en.csv", null, CancellationToken.None);
        Assert.Equal((0, 0), (whole.Read, whole.Added));
        Assert.Equal("header", Assert.Single(whole.Errors).Field);
        Assert.Equal(41, (await Store.SearchAsync(Acme, new(), CancellationToken.None)).Total);
        Assert.Equal(["verbatim.import", "verbatim.import"], (await AuditAsync(Acme)).Select(e => e.Action));
    }

    [Fact]
    public async Task The_export_writes_the_organizations_own_with_the_filters_in_the_command_lines_format()
    {
        await AddAsync(Acme, "Exported words.");
        await AddAsync(Acme, "Filtered out.");
        await AddAsync(Other, "Exported words of another.");
        await using var writer = new StringWriter();

        var count = await Curation.ExportAsync(Viewer, VerbatimFilters.Parse(new Microsoft.AspNetCore.Http.QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["words"] = "exported" })), writer, CancellationToken.None);

        Assert.Equal(1, count);
        Assert.Equal("text,persona,kind,stage,source,date,channel,language\r\nExported words.,camille,,,,,,en\r\n", writer.ToString());
    }

    /// <summary>Reports at once on the caller's thread (<see cref="Progress{T}"/> posts them, and they may arrive after the import).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
