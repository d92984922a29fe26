using CultureBot.Core.Installations;
using CultureBot.Core.Queue;

namespace CultureBot.Data.Tests;

/// <summary>The durable queue and the installations, for real, on both providers.</summary>
public class WorkQueueTests
{
    public static TheoryData<StorageProvider> Providers => ConversationStoreTests.Providers;

    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private static async Task<(TestDatabase Db, SqlWorkQueue Queue)> QueueAsync(StorageProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        return (db, new SqlWorkQueue(db.Database));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Items_are_claimed_oldest_first_once_per_lease_and_removed_when_complete(StorageProvider provider)
    {
        var (db, queue) = await QueueAsync(provider);
        await using var _ = db;
        var first = await queue.EnqueueAsync("q", "{\"n\":1}", T0, CancellationToken.None);
        var second = await queue.EnqueueAsync("q", "{\"n\":2}", T0, CancellationToken.None);
        await queue.EnqueueAsync("other", "{}", T0, CancellationToken.None);

        var claimed = await queue.ClaimAsync("q", 10, T0, Lease, CancellationToken.None);
        var again = await queue.ClaimAsync("q", 10, T0.AddSeconds(30), Lease, CancellationToken.None);

        Assert.Equal([first, second], claimed.Select(i => i.Id));
        Assert.Equal(["{\"n\":1}", "{\"n\":2}"], claimed.Select(i => i.Payload));
        Assert.All(claimed, i => Assert.Equal(1, i.Attempts));
        Assert.Empty(again);

        await queue.CompleteAsync(first, CancellationToken.None);
        Assert.Equal(1, await queue.CountPendingAsync("q", CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_inbound_event_is_queued_once_however_often_it_is_sent(StorageProvider provider)
    {
        var (db, queue) = await QueueAsync(provider);
        await using var _ = db;

        var first = await queue.EnqueueOnceAsync("q", new("slack", "T1"), "Ev1", "{}", T0, CancellationToken.None);
        var retry = await queue.EnqueueOnceAsync("q", new("slack", "T1"), "Ev1", "{}", T0.AddSeconds(3), CancellationToken.None);
        var otherWorkspace = await queue.EnqueueOnceAsync("q", new("slack", "T2"), "Ev1", "{}", T0, CancellationToken.None);
        var otherPlatform = await queue.EnqueueOnceAsync("q", new("msteams", "T1"), "Ev1", "{}", T0, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(retry);
        Assert.NotNull(otherWorkspace);
        Assert.NotNull(otherPlatform);
        Assert.Equal(3, await queue.CountPendingAsync("q", CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_item_whose_worker_died_is_claimed_again_when_its_lease_ends(StorageProvider provider)
    {
        var (db, queue) = await QueueAsync(provider);
        await using var _ = db;
        var id = await queue.EnqueueAsync("q", "{}", T0, CancellationToken.None);
        await queue.ClaimAsync("q", 1, T0, Lease, CancellationToken.None);

        var afterLease = await queue.ClaimAsync("q", 1, T0 + Lease, Lease, CancellationToken.None);

        Assert.Equal(id, Assert.Single(afterLease).Id);
        Assert.Equal(2, afterLease[0].Attempts);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Retried_items_wait_until_due_and_failed_ones_are_kept_but_never_claimed(StorageProvider provider)
    {
        var (db, queue) = await QueueAsync(provider);
        await using var _ = db;
        var retried = await queue.EnqueueAsync("q", "{}", T0, CancellationToken.None);
        var failed = await queue.EnqueueAsync("q", "{}", T0, CancellationToken.None);
        var future = await queue.EnqueueAsync("q", "{}", T0.AddHours(1), CancellationToken.None);
        await queue.ClaimAsync("q", 10, T0, Lease, CancellationToken.None);

        await queue.RetryAsync(retried, T0.AddMinutes(5), "boom", CancellationToken.None);
        await queue.FailAsync(failed, "gave up", T0, CancellationToken.None);

        Assert.Empty(await queue.ClaimAsync("q", 10, T0.AddMinutes(4), Lease, CancellationToken.None));
        Assert.Equal(retried, Assert.Single(await queue.ClaimAsync("q", 10, T0.AddMinutes(5), Lease, CancellationToken.None)).Id);
        await queue.CompleteAsync(retried, CancellationToken.None);
        Assert.Equal(future, Assert.Single(await queue.ClaimAsync("q", 10, T0.AddHours(2), Lease, CancellationToken.None)).Id);
        Assert.Equal(1, await queue.CountPendingAsync("q", CancellationToken.None));
        Assert.Equal(1, await queue.CountFailedAsync("q", CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Concurrent_workers_never_claim_the_same_item(StorageProvider provider)
    {
        var (db, queue) = await QueueAsync(provider);
        await using var _ = db;
        for (var i = 0; i < 40; i++)
        {
            await queue.EnqueueAsync("q", "{}", T0, CancellationToken.None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>();
            while ((await queue.ClaimAsync("q", 3, T0, Lease, CancellationToken.None)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(b => b.Id));
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_operator_sees_the_counts_and_retries_or_drops_only_what_was_set_aside(StorageProvider provider)
    {
        var (db, queue) = await QueueAsync(provider);
        await using var _ = db;
        var admin = new SqlQueueAdmin(db.Database);
        var waiting = await queue.EnqueueAsync("outbox", "{}", T0, CancellationToken.None);
        var failing = await queue.EnqueueAsync("outbox", "{}", T0, CancellationToken.None);
        var poison = await queue.EnqueueAsync("outbox", "{}", T0, CancellationToken.None);
        var command = await queue.EnqueueAsync("slack-inbound", "{}", T0, CancellationToken.None);
        await queue.ClaimAsync("outbox", 10, T0, Lease, CancellationToken.None);
        await queue.ClaimAsync("slack-inbound", 10, T0, Lease, CancellationToken.None);
        await queue.RetryAsync(waiting, T0, "no error", CancellationToken.None);
        await queue.CompleteAsync(waiting, CancellationToken.None);
        await queue.RetryAsync(failing, T0.AddMinutes(1), "HttpRequestException: 503", CancellationToken.None);
        await queue.FailAsync(poison, "gave up after 10 attempts: InvalidOperationException: bad card", T0.AddMinutes(2), CancellationToken.None);
        await queue.FailAsync(command, "user is not an object", T0.AddMinutes(3), CancellationToken.None);

        Assert.Equal([new QueueCounts("outbox", 1, 1, 1), new QueueCounts("slack-inbound", 0, 0, 1)], await admin.CountsAsync(CancellationToken.None));
        var all = await admin.ListSetAsideAsync(null, CancellationToken.None);
        Assert.Equal([command, poison], all.Select(i => i.Id));
        var item = Assert.Single(await admin.ListSetAsideAsync("outbox", CancellationToken.None));
        Assert.Equal(new SetAsideItem(poison, "outbox", 1, "gave up after 10 attempts: InvalidOperationException: bad card", T0, T0.AddMinutes(2)), item);

        // A live item is neither retried nor dropped by mistake (an id typed wrong).
        Assert.False(await admin.RetryAsync(failing, T0.AddMinutes(5), CancellationToken.None));
        Assert.False(await admin.DropAsync(failing, CancellationToken.None));
        Assert.True(await admin.RetryAsync(poison, T0.AddMinutes(5), CancellationToken.None));
        Assert.False(await admin.RetryAsync(poison, T0.AddMinutes(5), CancellationToken.None));
        Assert.True(await admin.DropAsync(command, CancellationToken.None));
        Assert.False(await admin.DropAsync(command, CancellationToken.None));

        var again = await queue.ClaimAsync("outbox", 10, T0.AddMinutes(5), Lease, CancellationToken.None);
        Assert.Equal([failing, poison], again.Select(i => i.Id));
        Assert.Equal(1, again.Single(i => i.Id == poison).Attempts);
        Assert.Empty(await admin.ListSetAsideAsync(null, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Retention_purges_old_inbound_ids_and_old_set_aside_items_and_nothing_else(StorageProvider provider)
    {
        var (db, queue) = await QueueAsync(provider);
        await using var _ = db;
        var admin = new SqlQueueAdmin(db.Database);
        await queue.EnqueueOnceAsync("slack-inbound", new("slack", "T1"), "Ev-old", "{}", T0, CancellationToken.None);
        await queue.EnqueueOnceAsync("slack-inbound", new("slack", "T1"), "Ev-new", "{}", T0.AddDays(10), CancellationToken.None);
        var oldSetAside = await queue.EnqueueAsync("outbox", "{}", T0, CancellationToken.None);
        var newSetAside = await queue.EnqueueAsync("outbox", "{}", T0, CancellationToken.None);
        var oldButLive = await queue.EnqueueAsync("outbox", "{}", T0, CancellationToken.None);
        await queue.FailAsync(oldSetAside, "gone: 403", T0, CancellationToken.None);
        await queue.FailAsync(newSetAside, "gone: 403", T0.AddDays(10), CancellationToken.None);

        var purged = await admin.PurgeAsync(T0.AddDays(5), T0.AddDays(5), CancellationToken.None);

        Assert.Equal(new PurgeResult(1, 1), purged);
        Assert.Equal([newSetAside], (await admin.ListSetAsideAsync(null, CancellationToken.None)).Select(i => i.Id));
        Assert.Equal(3, await queue.CountPendingAsync("slack-inbound", CancellationToken.None) + await queue.CountPendingAsync("outbox", CancellationToken.None));
        Assert.Contains(oldButLive, (await queue.ClaimAsync("outbox", 10, T0, Lease, CancellationToken.None)).Select(i => i.Id));

        // The purged event is no longer a known duplicate; the kept one still is.
        Assert.NotNull(await queue.EnqueueOnceAsync("slack-inbound", new("slack", "T1"), "Ev-old", "{}", T0.AddDays(11), CancellationToken.None));
        Assert.Null(await queue.EnqueueOnceAsync("slack-inbound", new("slack", "T1"), "Ev-new", "{}", T0.AddDays(11), CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Installations_are_replaced_on_reinstall_and_removed_on_uninstall(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlInstallationStore(db.Database);

        await store.SaveAsync(new Installation("slack", "T1", "U1", "cipher-1", T0), CancellationToken.None);
        await store.SaveAsync(new Installation("slack", "T1", "U2", "cipher-2", T0.AddDays(1)), CancellationToken.None);
        var found = await store.GetAsync("slack", "T1", CancellationToken.None);

        Assert.Equal(new Installation("slack", "T1", "U2", "cipher-2", T0.AddDays(1)), found);
        Assert.True(await store.DeleteAsync("slack", "T1", CancellationToken.None));
        Assert.False(await store.DeleteAsync("slack", "T1", CancellationToken.None));
        Assert.Null(await store.GetAsync("slack", "T1", CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_key_ring_keeps_every_key_and_replaces_by_name(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ring = new SqlKeyRing(db.Database, db.Runner);

        ring.Store("key-a", "<key id='a'/>");
        ring.Store("key-b", "<key id='b'/>");
        ring.Store("key-a", "<key id='a' revoked='true'/>");

        Assert.Equal(["<key id='a' revoked='true'/>", "<key id='b'/>"], ring.GetAll());
    }
}
