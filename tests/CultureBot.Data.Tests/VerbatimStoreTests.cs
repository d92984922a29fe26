using CultureBot.Core.Conversations;
using CultureBot.Core.Verbatims;
using Dapper;

namespace CultureBot.Data.Tests;

/// <summary>The verbatim store, for real, on both providers.</summary>
public class VerbatimStoreTests
{
    public static TheoryData<StorageProvider> Providers => ConversationStoreTests.Providers;

    private static readonly OrganizationKey TenantA = new(Platforms.Teams, "tenant-a");
    private static readonly OrganizationKey TenantB = new(Platforms.Teams, "tenant-b");
    private static readonly OrganizationKey Workspace = new(Platforms.Slack, "T0WORKSPACE");
    private static readonly DateTimeOffset ImportedAt = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    private static Verbatim Said(string text, DateOnly? date, string language = "fr", string? persona = "camille") => new()
    {
        Text = text,
        PersonaId = persona,
        Kind = VerbatimKind.Irritant,
        Stage = "après-vente",
        Source = VerbatimSource.Call,
        Date = date,
        Channel = "téléphone",
        Language = language,
    };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Verbatims_round_trip_and_a_second_import_adds_nothing(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlVerbatimStore(db.Database);
        var batch = new[] { Said("Dix jours pour une chambre à air.", new DateOnly(2026, 11, 17)), Said("Sans date.", null), Said("In English.", new DateOnly(2026, 11, 18), "en") };

        var first = await store.AddAsync(TenantA, batch, ImportedAt, CancellationToken.None);
        var second = await store.AddAsync(TenantA, [Said("dix jours pour une  CHAMBRE à air.", new DateOnly(2026, 11, 17))], ImportedAt, CancellationToken.None);
        var week = await store.ListAsync(TenantA, "fr", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), CancellationToken.None);

        Assert.Equal(3, first);
        Assert.Equal(0, second);
        Assert.Equal(3, await store.CountAsync(TenantA, CancellationToken.None));
        Assert.Equal(["Dix jours pour une chambre à air.", "Sans date."], week.Select(v => v.Text));
        var stored = week[0];
        Assert.Equal((VerbatimKind.Irritant, VerbatimSource.Call, "après-vente", "téléphone", new DateOnly(2026, 11, 17)), (stored.Kind!.Value, stored.Source!.Value, stored.Stage, stored.Channel, stored.Date!.Value));
        Assert.Null(week[1].Date);
        Assert.True(stored.Id > 0);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_date_range_is_inclusive_at_both_ends(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlVerbatimStore(db.Database);
        await store.AddAsync(TenantA, [Said("Before.", new DateOnly(2026, 11, 15)), Said("Monday.", new DateOnly(2026, 11, 16)), Said("Sunday.", new DateOnly(2026, 11, 22)), Said("After.", new DateOnly(2026, 11, 23))], ImportedAt, CancellationToken.None);

        var week = await store.ListAsync(TenantA, "fr", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), CancellationToken.None);

        Assert.Equal(["Monday.", "Sunday."], week.Select(v => v.Text));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Each_organization_sees_its_own_verbatims_and_the_samples_and_the_same_words_are_new_in_another(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlVerbatimStore(db.Database);
        var day = new DateOnly(2026, 11, 17);
        await store.AddAsync(OrganizationKey.Samples, [Said("Sample words.", day)], ImportedAt, CancellationToken.None);

        Assert.Equal(1, await store.AddAsync(TenantA, [Said("Only A heard this.", day)], ImportedAt, CancellationToken.None));
        Assert.Equal(1, await store.AddAsync(TenantB, [Said("Only A heard this.", day)], ImportedAt, CancellationToken.None));
        Assert.Equal(0, await store.AddAsync(TenantB, [Said("only a heard THIS.", day)], ImportedAt, CancellationToken.None));
        Assert.Equal(1, await store.AddAsync(TenantB, [Said("B's own.", day)], ImportedAt, CancellationToken.None));

        Assert.Equal(["Sample words.", "Only A heard this."], (await store.ListAsync(TenantA, "fr", day, day, CancellationToken.None)).Select(v => v.Text));
        Assert.Equal(["Sample words.", "Only A heard this.", "B's own."], (await store.ListAsync(TenantB, "fr", day, day, CancellationToken.None)).Select(v => v.Text));
        Assert.Equal(["Sample words."], (await store.ListAsync(Workspace, "fr", day, day, CancellationToken.None)).Select(v => v.Text));
        Assert.Equal((2, 3, 1), (await store.CountAsync(TenantA, CancellationToken.None), await store.CountAsync(TenantB, CancellationToken.None), await store.CountAsync(Workspace, CancellationToken.None)));
        var ids = (await store.ListAsync(TenantA, "fr", day, day, CancellationToken.None)).Select(v => v.Id).Intersect((await store.ListAsync(TenantB, "fr", day, day, CancellationToken.None)).Select(v => v.Id));
        Assert.Single(ids); // the sample alone is one row both see; the same words are two rows
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Verbatims_stored_before_organizations_go_to_the_only_organization_the_database_knows(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = await LegacyAsync(db, "msteams/tenant-a");

        Assert.Equal(["Imported before.", "Also before."], (await store.ListAsync(TenantA, "fr", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None)).Select(v => v.Text));
        Assert.Empty(await store.ListAsync(Workspace, "fr", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Verbatims_stored_before_organizations_with_several_known_are_shown_nowhere_until_assigned(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = await LegacyAsync(db, "msteams/tenant-a", "slack/T0WORKSPACE");
        Assert.Empty(await store.ListAsync(TenantA, "fr", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None));
        Assert.Empty(await store.ListAsync(Workspace, "fr", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None));

        await store.AddAsync(Workspace, [Said("Imported before.", new DateOnly(2026, 11, 17))], ImportedAt, CancellationToken.None);
        // The workspace already has one of the two: it takes the other; what is left goes to the tenant.
        Assert.Equal((1, 1), (await store.AssignUnassignedAsync(Workspace, CancellationToken.None), await store.AssignUnassignedAsync(TenantA, CancellationToken.None)));

        Assert.Equal(["Also before."], (await store.ListAsync(Workspace, "fr", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None)).Select(v => v.Text).Where(t => t != "Imported before."));
        Assert.Equal(["Imported before."], (await store.ListAsync(TenantA, "fr", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None)).Select(v => v.Text));
    }

    /// <summary>A database at the schema before organizations (0009), with two verbatims and conversations from <paramref name="organizations"/>, then migrated.</summary>
    private static async Task<SqlVerbatimStore> LegacyAsync(TestDatabase db, params string[] organizations)
    {
        var before = MigrationRunner.Scripts(db.Database.Provider).Where(m => m.Version < 10).ToList();
        await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
        {
            var at = db.Database.Timestamp(ImportedAt);
            await connection.ExecuteAsync(db.Database.Provider == StorageProvider.Postgres
                ? "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)"
                : "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            foreach (var migration in before)
            {
                await connection.ExecuteAsync(migration.Sql);
                await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)", new { migration.Version, migration.Name, At = at });
            }

            foreach (var verbatim in new[] { Said("Imported before.", null), Said("Also before.", null) })
            {
                await connection.ExecuteAsync(
                    "INSERT INTO verbatims (fingerprint, text, persona_id, said_on, dated, language, added_at) VALUES (@Fingerprint, @Text, @PersonaId, @SaidOn, @Dated, 'fr', @At)",
                    new { verbatim.Fingerprint, verbatim.Text, verbatim.PersonaId, SaidOn = db.Database.Date(new DateOnly(2026, 11, 17)), Dated = true, At = at });
            }

            foreach (var (organization, i) in organizations.Select((o, i) => (o.Split('/'), i)))
            {
                await connection.ExecuteAsync(
                    "INSERT INTO conversation_references (platform, tenant_id, conversation_id, kind, updated_at) VALUES (@Platform, @Tenant, @Conversation, 'Channel', @At)",
                    new { Platform = organization[0], Tenant = organization[1], Conversation = $"c{i}", At = at });
            }
        }

        Assert.Contains(10, await db.Runner.MigrateAsync(CancellationToken.None));
        return new SqlVerbatimStore(db.Database);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_owner_lists_and_deletes_its_own_verbatims_never_another_owners(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlVerbatimStore(db.Database);
        await store.AddAsync(TenantA, [Said("A dit ceci.", new DateOnly(2026, 11, 18)), Said("Sans date.", null, "en")], ImportedAt, CancellationToken.None);
        await store.AddAsync(TenantB, [Said("B dit cela.", new DateOnly(2026, 11, 17))], ImportedAt, CancellationToken.None);
        await store.AddAsync(OrganizationKey.Samples, [Said("Tout le monde le voit.", new DateOnly(2026, 11, 16))], ImportedAt, CancellationToken.None);
        var ofA = await store.ListOwnAsync(TenantA, CancellationToken.None);
        var ofB = Assert.Single(await store.ListOwnAsync(TenantB, CancellationToken.None));
        var shared = Assert.Single(await store.ListOwnAsync(OrganizationKey.Samples, CancellationToken.None));

        Assert.Equal(["A dit ceci.", "Sans date."], ofA.Select(v => v.Text));
        Assert.Equal(("en", (DateOnly?)null), (ofA[1].Language, ofA[1].Date));
        Assert.False(await store.DeleteAsync(TenantA, ofB.Id, CancellationToken.None));
        Assert.False(await store.DeleteAsync(TenantA, shared.Id, CancellationToken.None));
        Assert.True(await store.DeleteAsync(TenantA, ofA[0].Id, CancellationToken.None));
        Assert.False(await store.DeleteAsync(TenantA, ofA[0].Id, CancellationToken.None));

        Assert.Equal(["Sans date."], (await store.ListOwnAsync(TenantA, CancellationToken.None)).Select(v => v.Text));
        Assert.Single(await store.ListOwnAsync(TenantB, CancellationToken.None));
        Assert.Single(await store.ListOwnAsync(OrganizationKey.Samples, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_owners_own_list_and_export_leave_out_what_the_studio_retired(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlVerbatimStore(db.Database);
        await store.AddAsync(TenantA, [Said("Gardé.", new DateOnly(2026, 11, 18)), Said("Retiré.", new DateOnly(2026, 11, 19))], ImportedAt, CancellationToken.None);
        var retired = (await store.ListOwnAsync(TenantA, CancellationToken.None))[1];
        var stored = (await store.GetAsync(TenantA, retired.Id, CancellationToken.None))!;

        Assert.Equal(VerbatimEditOutcome.Saved, await store.SetRetiredAsync(TenantA, retired.Id, stored.Revision, ImportedAt, CancellationToken.None));

        Assert.Equal(["Gardé."], (await store.ListOwnAsync(TenantA, CancellationToken.None)).Select(v => v.Text));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_deleted_verbatim_leaves_no_memory_of_having_been_shown_in_a_digest(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlVerbatimStore(db.Database);
        await store.AddAsync(TenantA, [Said("Montré une fois.", new DateOnly(2026, 11, 18)), Said("Montré aussi.", new DateOnly(2026, 11, 18))], ImportedAt, CancellationToken.None);
        var shown = await store.ListOwnAsync(TenantA, CancellationToken.None);
        await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
        {
            foreach (var verbatim in shown)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO digest_shown (platform, tenant_id, conversation_id, verbatim_id, shown_at) VALUES (@Platform, @TenantId, '19:general', @Id, @At)",
                    new { TenantA.Platform, TenantA.TenantId, verbatim.Id, At = db.Database.Timestamp(ImportedAt) });
            }
        }

        await store.DeleteAsync(TenantA, shown[0].Id, CancellationToken.None);

        await using var check = await db.Database.OpenAsync(CancellationToken.None);
        Assert.Equal([shown[1].Id], await check.QueryAsync<long>("SELECT verbatim_id FROM digest_shown"));
    }
}
