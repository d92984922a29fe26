using CultureBot.Core.Conversations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CultureBot.Data.Tests;

/// <summary>The same behaviour, for real, on both providers.</summary>
public class ConversationStoreTests
{
    public static TheoryData<StorageProvider> Providers => new() { StorageProvider.Sqlite, StorageProvider.Postgres };

    private static readonly ConversationKey Key = new(Platforms.Teams, "tenant-1", "19:abc@thread.v2");

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_apply_once_and_are_idempotent(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var first = await db.Runner.MigrateAsync(CancellationToken.None);
        var second = await db.Runner.MigrateAsync(CancellationToken.None);

        Assert.Equal(MigrationRunner.Scripts(provider).Select(m => m.Version), first);
        Assert.Empty(second);
    }

    [Fact]
    public void Both_providers_ship_the_same_migration_versions() =>
        Assert.Equal(
            MigrationRunner.Scripts(StorageProvider.Sqlite).Select(m => (m.Version, m.Name)),
            MigrationRunner.Scripts(StorageProvider.Postgres).Select(m => (m.Version, m.Name)));

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task References_round_trip_and_upserts_keep_known_fields(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var at = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(1));
        var reference = new ConversationReference(Key, ConversationKind.Channel, "https://smba.trafficmanager.net/emea/", "28:bot", "29:user", "fr-FR", "Europe/Paris", at);

        await db.Store.UpsertReferenceAsync(reference, CancellationToken.None);
        var read = await db.Store.GetReferenceAsync(Key, CancellationToken.None);
        Assert.Equal(reference with { UpdatedAt = at.ToUniversalTime() }, read! with { UpdatedAt = read.UpdatedAt.ToUniversalTime() });
        Assert.Equal(at, read.UpdatedAt);

        var later = at.AddDays(1);
        await db.Store.UpsertReferenceAsync(reference with { Locale = null, TimeZone = null, UserId = "29:other", UpdatedAt = later }, CancellationToken.None);
        var updated = await db.Store.GetReferenceAsync(Key, CancellationToken.None);
        Assert.Equal("fr-FR", updated!.Locale);
        Assert.Equal("Europe/Paris", updated.TimeZone);
        Assert.Equal("29:other", updated.UserId);
        Assert.Equal(later, updated.UpdatedAt);

        Assert.Null(await db.Store.GetReferenceAsync(Key with { ConversationId = "other" }, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Welcome_is_marked_once_even_under_concurrency(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = db.Store;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.TryMarkWelcomedAsync(Key, DateTimeOffset.UnixEpoch, CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r));
        Assert.False(await store.TryMarkWelcomedAsync(Key, DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.True(await store.TryMarkWelcomedAsync(Key with { TenantId = "tenant-2" }, DateTimeOffset.UnixEpoch, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Inbound_ids_are_recorded_once_per_organization(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = db.Store;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.TryRecordInboundAsync(new(Platforms.Slack, "T1"), "Ev123", DateTimeOffset.UnixEpoch, CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r));
        Assert.True(await store.TryRecordInboundAsync(new(Platforms.Teams, "T1"), "Ev123", DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.True(await store.TryRecordInboundAsync(new(Platforms.Teams, "tenant-b"), "Ev123", DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.False(await store.TryRecordInboundAsync(new(Platforms.Teams, "tenant-b"), "Ev123", DateTimeOffset.UnixEpoch, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_forgotten_inbound_id_is_recorded_again_and_the_others_stay(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = db.Store;
        var tenantA = new OrganizationKey(Platforms.Teams, "tenant-a");
        var tenantB = new OrganizationKey(Platforms.Teams, "tenant-b");
        var workspace = new OrganizationKey(Platforms.Slack, "T1");
        foreach (var organization in new[] { tenantA, tenantB, workspace })
        {
            await store.TryRecordInboundAsync(organization, "act-1", DateTimeOffset.UnixEpoch, CancellationToken.None);
        }

        await store.ForgetInboundAsync(tenantA, "act-1", CancellationToken.None);

        Assert.True(await store.TryRecordInboundAsync(tenantA, "act-1", DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.False(await store.TryRecordInboundAsync(tenantB, "act-1", DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.False(await store.TryRecordInboundAsync(workspace, "act-1", DateTimeOffset.UnixEpoch, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_health_check_is_healthy_on_a_live_database(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var result = await new DatabaseHealthCheck(db.Database).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task The_health_check_is_unhealthy_without_leaking_the_connection_string()
    {
        await using var database = new Database(Options.Create(new StorageOptions { Provider = "Postgres", ConnectionString = "Host=127.0.0.1;Port=1;Username=u;Password=hunter2;Timeout=2" }));

        var result = await new DatabaseHealthCheck(database).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.DoesNotContain("hunter2", result.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oracle", null, "Storage:Provider must be Sqlite or Postgres")]
    [InlineData("Postgres", null, "Storage:ConnectionString must be set")]
    [InlineData("Postgres", "Host=x;Password=hunter2;Bogus Key=1", "Storage:ConnectionString is not a valid")]
    public void Bad_storage_settings_name_the_key_and_never_the_password(string provider, string? connection, string expected)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = provider, ConnectionString = connection });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_is_sqlite_under_data() =>
        Assert.True(new StorageOptionsValidator().Validate(null, new StorageOptions()).Succeeded);
}
