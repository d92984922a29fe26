using CultureBot.Core.Conversations;
using CultureBot.Core.Quiz;
using CultureBot.Core.Verbatims;
using Dapper;

namespace CultureBot.Data.Tests;

/// <summary>What the studio does with verbatims and quiz questions, on both providers: search, edit, retire, overrides.</summary>
public class VerbatimCurationStoreTests
{
    public static TheoryData<StorageProvider> Providers => ConversationStoreTests.Providers;

    private static readonly OrganizationKey TenantA = new(Platforms.Teams, "tenant-a");
    private static readonly OrganizationKey TenantB = new(Platforms.Teams, "tenant-b");
    private static readonly DateTimeOffset At = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);

    private static Verbatim Said(string text, int day, string persona = "camille", VerbatimKind kind = VerbatimKind.Irritant, VerbatimSource source = VerbatimSource.Call, string stage = "delivery", string language = "en") => new()
    {
        Text = text,
        PersonaId = persona,
        Kind = kind,
        Stage = stage,
        Source = source,
        Date = new DateOnly(2026, 11, day),
        Channel = "phone",
        Language = language,
    };

    private static async Task<(TestDatabase Db, SqlVerbatimStore Store)> StoreAsync(StorageProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        return (db, new SqlVerbatimStore(db.Database));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Every_filter_narrows_the_search_and_pages_come_newest_first(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        await store.AddAsync(TenantA,
        [
            Said("The delivery was LATE again.", 10),
            Said("Late delivery, broken box.", 11, persona: "marc", kind: VerbatimKind.Expectation),
            Said("Loved the 50% discount_code.", 12, source: VerbatimSource.Survey, stage: "purchase"),
            Said("La livraison est en retard.", 13, language: "fr"),
            Said("Quick and friendly.", 14, kind: VerbatimKind.Delight, source: VerbatimSource.Review),
        ], At, CancellationToken.None);
        Task<IEnumerable<string>> Texts(VerbatimQuery query) => store.SearchAsync(TenantA, query, CancellationToken.None).ContinueWith(t => t.Result.Items.Select(i => i.Verbatim.Text), TaskScheduler.Default);

        Assert.Equal(["The delivery was LATE again.", "Late delivery, broken box."], (await Texts(new() { Words = "late DELIVERY" })).Reverse());
        Assert.Equal(["Loved the 50% discount_code."], await Texts(new() { Words = "50%" }));
        Assert.Empty(await Texts(new() { Words = "5_%" }));
        Assert.Equal(["Late delivery, broken box."], await Texts(new() { PersonaId = "marc" }));
        Assert.Equal(["Late delivery, broken box."], await Texts(new() { Kind = VerbatimKind.Expectation }));
        Assert.Equal(["Loved the 50% discount_code."], await Texts(new() { Stage = "purchase" }));
        Assert.Equal(["Quick and friendly."], await Texts(new() { Source = VerbatimSource.Review }));
        Assert.Equal(["La livraison est en retard."], await Texts(new() { Language = "fr" }));
        Assert.Equal(["La livraison est en retard.", "Loved the 50% discount_code.", "Late delivery, broken box."], await Texts(new() { From = new(2026, 11, 11), To = new(2026, 11, 13) }));

        var first = await store.SearchAsync(TenantA, new() { Limit = 2 }, CancellationToken.None);
        var third = await store.SearchAsync(TenantA, new() { Limit = 2, Offset = 4 }, CancellationToken.None);
        Assert.Equal((5, 5), (first.Total, third.Total));
        Assert.Equal(["Quick and friendly.", "La livraison est en retard."], first.Items.Select(i => i.Verbatim.Text));
        Assert.Equal(["The delivery was LATE again."], third.Items.Select(i => i.Verbatim.Text));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_organization_searches_reads_edits_and_retires_only_its_own(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        await store.AddAsync(TenantA, [Said("A's words.", 10)], At, CancellationToken.None);
        await store.AddAsync(TenantB, [Said("B's words.", 10)], At, CancellationToken.None);
        await store.AddAsync(OrganizationKey.Samples, [Said("Sample words.", 10)], At, CancellationToken.None);
        var ofB = Assert.Single((await store.SearchAsync(TenantB, new(), CancellationToken.None)).Items);
        var sample = Assert.Single((await store.SearchAsync(OrganizationKey.Samples, new(), CancellationToken.None)).Items);

        Assert.Equal(["A's words."], (await store.SearchAsync(TenantA, new(), CancellationToken.None)).Items.Select(i => i.Verbatim.Text));
        Assert.Null(await store.GetAsync(TenantA, ofB.Verbatim.Id, CancellationToken.None));
        Assert.Equal(VerbatimEditOutcome.NotFound, await store.UpdateAsync(TenantA, ofB.Verbatim.Id, ofB.Revision, Said("Taken over.", 10), CancellationToken.None));
        Assert.Equal(VerbatimEditOutcome.NotFound, await store.SetRetiredAsync(TenantA, sample.Verbatim.Id, sample.Revision, At, CancellationToken.None));
        Assert.Equal(["B's words."], (await store.SearchAsync(TenantB, new(), CancellationToken.None)).Items.Select(i => i.Verbatim.Text));
        Assert.Equal(["B's words.", "Sample words."], (await store.ListAsync(TenantB, "en", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None)).Select(v => v.Text));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_retired_verbatim_is_kept_but_the_digest_and_quiz_readers_skip_it_until_restored(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        await store.AddAsync(TenantA, [Said("Keep me.", 10), Said("Retire me.", 11)], At, CancellationToken.None);
        var retiring = (await store.SearchAsync(TenantA, new() { Words = "retire" }, CancellationToken.None)).Items.Single();
        var before = await store.VersionAsync(TenantA, CancellationToken.None);

        Assert.Equal(VerbatimEditOutcome.Saved, await store.SetRetiredAsync(TenantA, retiring.Verbatim.Id, retiring.Revision, At, CancellationToken.None));

        var retired = await store.GetAsync(TenantA, retiring.Verbatim.Id, CancellationToken.None);
        Assert.Equal(At, retired!.RetiredAt);
        Assert.Equal(["Keep me."], (await store.ListAsync(TenantA, "en", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None)).Select(v => v.Text));
        Assert.Equal(1, await store.CountAsync(TenantA, CancellationToken.None));
        Assert.NotEqual(before, await store.VersionAsync(TenantA, CancellationToken.None));
        Assert.Equal(["Retire me."], (await store.SearchAsync(TenantA, new() { State = VerbatimState.Retired }, CancellationToken.None)).Items.Select(i => i.Verbatim.Text));
        Assert.Equal(["Keep me."], (await store.SearchAsync(TenantA, new() { State = VerbatimState.InUse }, CancellationToken.None)).Items.Select(i => i.Verbatim.Text));
        Assert.Equal(2, (await store.SearchAsync(TenantA, new(), CancellationToken.None)).Total);

        // Restoring with the revision read before the retirement is refused: someone changed it since.
        Assert.Equal(VerbatimEditOutcome.Changed, await store.SetRetiredAsync(TenantA, retiring.Verbatim.Id, retiring.Revision, null, CancellationToken.None));
        Assert.Equal(VerbatimEditOutcome.Saved, await store.SetRetiredAsync(TenantA, retiring.Verbatim.Id, retired.Revision, null, CancellationToken.None));
        Assert.Equal(2, (await store.ListAsync(TenantA, "en", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None)).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Of_two_edits_from_the_same_revision_the_second_is_refused_and_an_edit_never_makes_a_duplicate(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        await store.AddAsync(TenantA, [Said("First words.", 10), Said("Other words.", 11)], At, CancellationToken.None);
        var opened = (await store.SearchAsync(TenantA, new() { Words = "first" }, CancellationToken.None)).Items.Single();
        var versionBefore = await store.VersionAsync(TenantA, CancellationToken.None);

        var edited = Said("First words, corrected.", 12, persona: "marc", kind: VerbatimKind.Delight, source: VerbatimSource.Interview, stage: "after-sales") with { Channel = "store" };
        Assert.Equal(VerbatimEditOutcome.Saved, await store.UpdateAsync(TenantA, opened.Verbatim.Id, opened.Revision, edited, CancellationToken.None));
        Assert.Equal(VerbatimEditOutcome.Changed, await store.UpdateAsync(TenantA, opened.Verbatim.Id, opened.Revision, Said("Second editor.", 12), CancellationToken.None));

        var stored = await store.GetAsync(TenantA, opened.Verbatim.Id, CancellationToken.None);
        Assert.Equal(edited with { Id = opened.Verbatim.Id }, stored!.Verbatim);
        Assert.Equal(opened.Revision + 1, stored.Revision);
        Assert.NotEqual(versionBefore, await store.VersionAsync(TenantA, CancellationToken.None));
        Assert.Equal(VerbatimEditOutcome.Duplicate, await store.UpdateAsync(TenantA, stored.Verbatim.Id, stored.Revision, Said("other WORDS.", 11), CancellationToken.None));
        Assert.Equal(0, await store.AddAsync(TenantA, [edited], At, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_export_streams_every_match_not_one_page(StorageProvider provider)
    {
        var (db, store) = await StoreAsync(provider);
        await using var _ = db;
        await store.AddAsync(TenantA, [.. Enumerable.Range(1, 30).Select(i => Said($"Words {i}.", 1 + (i % 28), persona: i % 2 == 0 ? "even" : "odd"))], At, CancellationToken.None);

        var even = await store.StreamAsync(TenantA, new() { PersonaId = "even", Limit = 5 }, CancellationToken.None).ToListAsync();

        Assert.Equal(15, even.Count);
        Assert.All(even, v => Assert.Equal("even", v.PersonaId));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Quiz_overrides_belong_to_one_organization_and_an_empty_one_is_removed(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlQuizOverrideStore(db.Database);

        await store.SetAsync(TenantA, new QuizOverride("q1", Hidden: true, null), At, "Ada", CancellationToken.None);
        await store.SetAsync(TenantA, new QuizOverride("q2", Hidden: false, "Because the sheet says so."), At, "Ada", CancellationToken.None);
        await store.SetAsync(TenantB, new QuizOverride("q1", Hidden: false, "B's own words."), At, "Bob", CancellationToken.None);
        await store.SetAsync(TenantA, new QuizOverride("q2", Hidden: true, "Because the sheet says so."), At, "Ada", CancellationToken.None);

        var ofA = await store.ListAsync(TenantA, CancellationToken.None);
        Assert.Equal(new QuizOverride("q1", true, null), ofA["q1"]);
        Assert.Equal(new QuizOverride("q2", true, "Because the sheet says so."), ofA["q2"]);
        Assert.Equal(new QuizOverride("q1", false, "B's own words."), Assert.Single(await store.ListAsync(TenantB, CancellationToken.None)).Value);

        await store.SetAsync(TenantA, new QuizOverride("q1", Hidden: false, " "), At, "Ada", CancellationToken.None);
        Assert.Equal(["q2"], (await store.ListAsync(TenantA, CancellationToken.None)).Keys);
    }

    [SkippableFact]
    public async Task With_100000_verbatims_a_page_is_read_through_the_owner_index_without_sorting()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await db.Runner.MigrateAsync(CancellationToken.None);
        await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
        {
            // Two organizations of 50,000 each, a spread of dates, personas, kinds and languages.
            await connection.ExecuteAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
                INSERT INTO verbatims (platform, tenant_id, fingerprint, text, persona_id, kind, stage, source, said_on, dated, channel, language, added_at)
                SELECT 'msteams', CASE WHEN i % 2 = 0 THEN 'tenant-a' ELSE 'tenant-b' END, 'f' || i, 'Verbatim number ' || i || ' about delivery',
                       'persona-' || (i % 12), CASE i % 3 WHEN 0 THEN 'Delight' WHEN 1 THEN 'Irritant' ELSE 'Expectation' END, 'stage-' || (i % 5),
                       'Survey', date('2024-01-01', '+' || (i % 900) || ' days'), 1, 'web', CASE WHEN i % 4 = 0 THEN 'fr' ELSE 'en' END, '2026-12-07T00:00:00.0000000Z'
                FROM n
                """);
            await connection.ExecuteAsync("ANALYZE verbatims");
        }

        var store = new SqlVerbatimStore(db.Database);
        foreach (var query in new VerbatimQuery[]
        {
            new(),
            new() { Offset = 40_000 },
            new() { Language = "fr", Kind = VerbatimKind.Delight },
            new() { PersonaId = "persona-3", From = new(2024, 6, 1), To = new(2025, 6, 1), State = VerbatimState.InUse },
            new() { Words = "delivery 42" },
        })
        {
            var (where, parameters) = store.Filter(TenantA, query);
            parameters.Add("Limit", 50);
            parameters.Add("Offset", query.Offset);
            await using var connection = await db.Database.OpenAsync(CancellationToken.None);
            var plan = string.Join("\n", (await connection.QueryAsync<(long, long, long, string)>("EXPLAIN QUERY PLAN " + SqlVerbatimStore.PageSql(where), parameters)).Select(r => r.Item4));

            Assert.Matches("SEARCH verbatims USING INDEX ix_verbatims_(owner_said_on|organization_language_said_on) \\(platform=\\? AND tenant_id=\\?", plan);
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        }

        var page = await store.SearchAsync(TenantA, new() { Offset = 100, Limit = 50 }, CancellationToken.None);
        Assert.Equal(50_000, page.Total);
        Assert.Equal(50, page.Items.Count);
        Assert.True(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.Verbatim.Date >= p.Second.Verbatim.Date));
    }
}
