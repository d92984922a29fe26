using CultureBot.Core.Conversations;
using CultureBot.Core.Digests;

namespace CultureBot.Data.Tests;

/// <summary>Digest subscriptions and shown verbatims, for real, on both providers.</summary>
public class DigestStoreTests
{
    public static TheoryData<StorageProvider> Providers => ConversationStoreTests.Providers;

    private static readonly ConversationKey Channel = new(Platforms.Slack, "T1", "C1");
    private static readonly DateTimeOffset At = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_subscription_is_replaced_by_the_next_and_removed_once(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlDigestStore(db.Database);

        await store.SubscribeAsync(new DigestSubscription(Channel, DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", "en"), At, CancellationToken.None);
        await store.SubscribeAsync(new DigestSubscription(Channel, DayOfWeek.Friday, new TimeOnly(16, 30), "Europe/Paris", "fr"), At, CancellationToken.None);

        // Subscribing on Sunday: the Friday just past (16:30 in Paris, 15:30 UTC) counts as sent, so nothing goes out at once.
        var expected = new DigestSubscription(Channel, DayOfWeek.Friday, new TimeOnly(16, 30), "Europe/Paris", "fr") { LastSentFor = new DateTimeOffset(2026, 11, 20, 15, 30, 0, TimeSpan.Zero) };
        Assert.Equal(expected, await store.GetAsync(Channel, CancellationToken.None));
        Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.True(await store.UnsubscribeAsync(Channel, CancellationToken.None));
        Assert.False(await store.UnsubscribeAsync(Channel, CancellationToken.None));
        Assert.Null(await store.GetAsync(Channel, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Shown_verbatims_accumulate_per_conversation_until_a_reset(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlDigestStore(db.Database);
        var other = Channel with { ConversationId = "C2" };

        await store.RecordShownAsync(Channel, [1, 2, 3], resetFirst: false, At, CancellationToken.None);
        await store.RecordShownAsync(Channel, [3, 4], resetFirst: false, At, CancellationToken.None);
        await store.RecordShownAsync(other, [9], resetFirst: false, At, CancellationToken.None);
        var before = await store.ShownAsync(Channel, CancellationToken.None);
        await store.RecordShownAsync(Channel, [5], resetFirst: true, At, CancellationToken.None);

        Assert.Equal([1L, 2, 3, 4], before.Order());
        Assert.Equal([5L], await store.ShownAsync(Channel, CancellationToken.None));
        Assert.Equal([9L], await store.ShownAsync(other, CancellationToken.None));
    }
}
