using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;
using Dapper;

namespace CultureBot.Data.Tests;

public class PackStoreTests
{
    public static TheoryData<StorageProvider> Providers => new() { StorageProvider.Sqlite, StorageProvider.Postgres };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Import_adds_replaces_and_recognises_an_unchanged_pack(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlPackStore(db.Database);
        var at = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        var first = new StoredPack("velo-vert-fr", "Vélo Vert", "fr", "v1", "velo-vert.fr.yaml", "pack: velo-vert-fr", at);

        Assert.Equal(PackImportOutcome.Added, await store.SaveAsync(first, CancellationToken.None));
        Assert.Equal(PackImportOutcome.Unchanged, await store.SaveAsync(first, CancellationToken.None));
        Assert.Equal(PackImportOutcome.Replaced, await store.SaveAsync(first with { Version = "v2", Content = "pack: velo-vert-fr # v2", ImportedAt = at.AddDays(1) }, CancellationToken.None));
        await store.SaveAsync(first with { Slug = "velo-vert-en", Language = "en" }, CancellationToken.None);

        var packs = await store.ListAsync(CancellationToken.None);

        Assert.Equal(["velo-vert-en", "velo-vert-fr"], packs.Select(p => p.Slug));
        var replaced = packs.Single(p => p.Slug == "velo-vert-fr");
        Assert.Equal("v2", replaced.Version);
        Assert.Equal("pack: velo-vert-fr # v2", replaced.Content);
        Assert.Equal(at.AddDays(1), replaced.ImportedAt);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_same_slug_is_a_different_pack_for_each_organization_and_for_the_default(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlPackStore(db.Database);
        var at = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        var shared = new StoredPack("acme-en", null, "en", "v1", "acme.en.yaml", "pack: acme-en # shared", at);
        var tenantA = new OrganizationKey(Platforms.Teams, "tenant-a");
        var workspace = new OrganizationKey(Platforms.Slack, "T0ACME");

        Assert.Equal(PackImportOutcome.Added, await store.SaveAsync(shared, CancellationToken.None));
        Assert.Equal(PackImportOutcome.Added, await store.SaveAsync(shared with { Version = "vA", Content = "pack: acme-en # A", Owner = tenantA }, CancellationToken.None));
        Assert.Equal(PackImportOutcome.Added, await store.SaveAsync(shared with { Version = "vS", Content = "pack: acme-en # S", Owner = workspace }, CancellationToken.None));
        Assert.Equal(PackImportOutcome.Unchanged, await store.SaveAsync(shared with { Version = "vA", Owner = tenantA }, CancellationToken.None));
        Assert.Equal(PackImportOutcome.Replaced, await store.SaveAsync(shared with { Version = "vA2", Content = "pack: acme-en # A2", Owner = tenantA }, CancellationToken.None));

        var packs = await store.ListAsync(CancellationToken.None);

        Assert.Equal(3, packs.Count);
        Assert.Equal("pack: acme-en # shared", packs.Single(p => p.Owner is null).Content);
        Assert.Equal("pack: acme-en # A2", packs.Single(p => p.Owner == tenantA).Content);
        Assert.Equal("pack: acme-en # S", packs.Single(p => p.Owner == workspace).Content);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_pack_stored_before_packs_had_owners_becomes_a_default_pack(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var scripts = MigrationRunner.Scripts(provider);
        await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
        {
            foreach (var script in scripts.Where(m => m.Version < 11))
            {
                await connection.ExecuteAsync(script.Sql);
            }

            var at = provider == StorageProvider.Postgres ? (object)DateTimeOffset.UnixEpoch : "2026-01-01T00:00:00.0000000+00:00";
            await connection.ExecuteAsync(
                "INSERT INTO persona_packs (slug, organization, language, version, source_file, content, imported_at) VALUES ('velo-vert-en', 'Vélo Vert', 'en', 'v1', 'velo-vert.en.yaml', 'pack: velo-vert-en', @At)",
                new { At = at });
            foreach (var script in scripts.Where(m => m.Version >= 11))
            {
                await connection.ExecuteAsync(script.Sql);
            }
        }

        var store = new SqlPackStore(db.Database);
        var pack = Assert.Single(await store.ListAsync(CancellationToken.None));

        Assert.Equal("velo-vert-en", pack.Slug);
        Assert.Null(pack.Owner);
        Assert.Equal(PackImportOutcome.Added, await store.SaveAsync(pack with { Owner = new OrganizationKey(Platforms.Slack, "T0ACME") }, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Removing_a_pack_takes_that_owners_alone(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlPackStore(db.Database);
        var at = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        var shared = new StoredPack("acme-en", null, "en", "v1", "acme.en.yaml", "pack: acme-en", at);
        var tenantA = new OrganizationKey(Platforms.Teams, "tenant-a");
        var tenantB = new OrganizationKey(Platforms.Teams, "tenant-b");
        await store.SaveAsync(shared, CancellationToken.None);
        await store.SaveAsync(shared with { Owner = tenantA }, CancellationToken.None);
        await store.SaveAsync(shared with { Owner = tenantB }, CancellationToken.None);

        Assert.True(await store.RemoveAsync(tenantA, "acme-en", CancellationToken.None));
        Assert.False(await store.RemoveAsync(tenantA, "acme-en", CancellationToken.None));
        Assert.Equal([null, tenantB], (await store.ListAsync(CancellationToken.None)).Select(p => p.Owner));
        Assert.True(await store.RemoveAsync(null, "acme-en", CancellationToken.None));
        Assert.Equal([tenantB], (await store.ListAsync(CancellationToken.None)).Select(p => p.Owner));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Every_change_is_a_version_and_a_stale_revision_stores_nothing(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlPackStore(db.Database);
        var at = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var tenantA = new OrganizationKey(Platforms.Teams, "tenant-a");
        var shared = new StoredPack("acme-en", "Acme", "en", "v1", "acme.en.yaml", "pack: acme-en # 1", at);
        await store.SaveAsync(shared, CancellationToken.None);
        var own = shared with { Owner = tenantA, Content = "pack: acme-en # A1", Version = "a1" };

        Assert.Equal(1, await store.SaveRevisionAsync(own, 0, new PackChangeNote("Alex", at, "copied"), CancellationToken.None));
        Assert.Null(await store.SaveRevisionAsync(own with { Content = "pack: acme-en # late" }, 0, new PackChangeNote("Sam", at, "late copy"), CancellationToken.None));
        Assert.Equal(2, await store.SaveRevisionAsync(own with { Content = "pack: acme-en # A2" }, 1, new PackChangeNote("Alex", at.AddMinutes(1), "nadia: tagline changed"), CancellationToken.None));
        Assert.Null(await store.SaveRevisionAsync(own with { Content = "pack: acme-en # stale" }, 1, new PackChangeNote("Sam", at.AddMinutes(2), "stale"), CancellationToken.None));

        var current = (await store.FindAsync(tenantA, "acme-en", CancellationToken.None))!;
        Assert.Equal(("pack: acme-en # A2", 2), (current.Content, current.Revision));
        var versions = await store.VersionsAsync(tenantA, "acme-en", CancellationToken.None);
        Assert.Equal([(2, "Alex", "nadia: tagline changed"), (1, "Alex", "copied")], versions.Select(v => (v.Number, v.Author, v.Summary)));
        Assert.Equal(at.AddMinutes(1), versions[0].At);
        Assert.Equal("pack: acme-en # A1", await store.VersionContentAsync(tenantA, "acme-en", 1, CancellationToken.None));
        Assert.Null(await store.VersionContentAsync(tenantA, "acme-en", 3, CancellationToken.None));
        Assert.Null(await store.VersionContentAsync(null, "acme-en", 2, CancellationToken.None));

        // The default pack has its own history, imports included; the organization's edits are not in it.
        Assert.Equal(PackImportOutcome.Replaced, await store.SaveAsync(shared with { Version = "v2", Content = "pack: acme-en # 2" }, CancellationToken.None));
        Assert.Equal([(2, "import"), (1, "import")], (await store.VersionsAsync(null, "acme-en", CancellationToken.None)).Select(v => (v.Number, v.Author)));
        Assert.Equal(2, (await store.FindAsync(null, "acme-en", CancellationToken.None))!.Revision);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_pack_removed_and_stored_again_goes_on_from_its_last_version(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlPackStore(db.Database);
        var at = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var tenantA = new OrganizationKey(Platforms.Teams, "tenant-a");
        var pack = new StoredPack("acme-en", "Acme", "en", "v1", "acme.en.yaml", "pack: acme-en # 1", at, tenantA);
        await store.SaveAsync(pack, CancellationToken.None);
        await store.RemoveAsync(tenantA, "acme-en", CancellationToken.None);

        Assert.Equal(2, await store.SaveRevisionAsync(pack with { Content = "pack: acme-en # 2" }, 0, new PackChangeNote("Alex", at, "uploaded"), CancellationToken.None));
        await store.RemoveAsync(tenantA, "acme-en", CancellationToken.None);
        Assert.Equal(PackImportOutcome.Added, await store.SaveAsync(pack with { Version = "v3" }, CancellationToken.None));

        Assert.Equal([3, 2, 1], (await store.VersionsAsync(tenantA, "acme-en", CancellationToken.None)).Select(v => v.Number));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Packs_stored_before_versions_were_kept_are_their_own_first_version(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var scripts = MigrationRunner.Scripts(provider);
        await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
        {
            foreach (var script in scripts.Where(m => m.Version < 16))
            {
                await connection.ExecuteAsync(script.Sql);
            }

            var at = provider == StorageProvider.Postgres ? (object)DateTimeOffset.UnixEpoch : "1970-01-01T00:00:00.0000000+00:00";
            await connection.ExecuteAsync(
                "INSERT INTO persona_packs (platform, tenant_id, slug, organization, language, version, source_file, content, imported_at) VALUES ('msteams', 'tenant-a', 'acme-en', 'Acme', 'en', 'v1', 'acme.en.yaml', 'pack: acme-en', @At)",
                new { At = at });
            foreach (var script in scripts.Where(m => m.Version == 16))
            {
                await connection.ExecuteAsync(script.Sql);
            }
        }

        var store = new SqlPackStore(db.Database);
        var tenantA = new OrganizationKey(Platforms.Teams, "tenant-a");
        Assert.Equal(1, (await store.FindAsync(tenantA, "acme-en", CancellationToken.None))!.Revision);
        var version = Assert.Single(await store.VersionsAsync(tenantA, "acme-en", CancellationToken.None));
        Assert.Equal((1, "import", "imported from acme.en.yaml", DateTimeOffset.UnixEpoch), (version.Number, version.Author, version.Summary, version.At));
        Assert.Equal("pack: acme-en", await store.VersionContentAsync(tenantA, "acme-en", 1, CancellationToken.None));
    }
}
