using CultureBot.Core.Committees;
using CultureBot.Core.Conversations;
using CultureBot.Core.Digests;
using CultureBot.Core.Onboarding;

namespace CultureBot.Data.Tests;

/// <summary>
/// What the studio lists for one organization, for real, on both providers: digests (and their pause), journeys and
/// committees of that organization only, never another's.
/// </summary>
public class StudioListingTests
{
    public static TheoryData<StorageProvider> Providers => ConversationStoreTests.Providers;

    private static readonly OrganizationKey A = new(Platforms.Teams, "tenant-a");
    private static readonly OrganizationKey B = new(Platforms.Slack, "T0B");

    // A Sunday evening: the Monday 9:00 digest is next.
    private static readonly DateTimeOffset Sunday = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    private static ConversationKey In(OrganizationKey organization, string id) => new(organization.Platform, organization.TenantId, id);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Digests_list_per_organization_and_a_paused_one_owes_nothing_until_resumed(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlDigestStore(db.Database);
        await store.SubscribeAsync(new DigestSubscription(In(A, "19:a1"), DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", "en"), Sunday, CancellationToken.None);
        await store.SubscribeAsync(new DigestSubscription(In(A, "19:a2"), DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", "en"), Sunday, CancellationToken.None);
        await store.SubscribeAsync(new DigestSubscription(In(B, "C0B"), DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", "en"), Sunday, CancellationToken.None);

        Assert.True(await store.SetPausedAsync(In(A, "19:a1"), paused: true, Sunday, CancellationToken.None));
        Assert.False(await store.SetPausedAsync(In(A, "19:none"), paused: true, Sunday, CancellationToken.None));
        var ofA = await store.ListAsync(A, CancellationToken.None);

        Assert.Equal(["19:a1", "19:a2"], ofA.Select(s => s.Conversation.ConversationId));
        Assert.Equal([true, false], ofA.Select(s => s.Paused));
        Assert.Equal(["C0B"], (await store.ListAsync(B, CancellationToken.None)).Select(s => s.Conversation.ConversationId));

        // Three weeks later: the paused one owes nothing; resumed, the weeks it was paused are not owed either.
        var later = Sunday.AddDays(21);
        Assert.False(ofA[0].IsDue(later));
        Assert.True(ofA[1].IsDue(later));
        Assert.True(await store.SetPausedAsync(In(A, "19:a1"), paused: false, later, CancellationToken.None));
        var resumed = await store.GetAsync(In(A, "19:a1"), CancellationToken.None);
        Assert.False(resumed!.Paused);
        Assert.False(resumed.IsDue(later));
        Assert.True(resumed.IsDue(later.AddDays(1)));

        // Changing the day keeps the pause.
        await store.SetPausedAsync(In(A, "19:a2"), paused: true, later, CancellationToken.None);
        await store.SubscribeAsync(new DigestSubscription(In(A, "19:a2"), DayOfWeek.Friday, new TimeOnly(16, 0), "Europe/Paris", "en"), later, CancellationToken.None);
        Assert.True((await store.GetAsync(In(A, "19:a2"), CancellationToken.None))!.Paused);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Journeys_list_per_organization_newest_first(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlOnboardingStore(db.Database);
        Enrolment Enrol(OrganizationKey organization, string user, int daysAgo) =>
            new(In(organization, user), user, In(organization, "chat-" + user), "pack", "en", "UTC", 0, Sunday, EnrolmentStatus.Active, null, null, Sunday.AddDays(-daysAgo));
        await store.EnrolAsync(Enrol(A, "old", 5), CancellationToken.None);
        await store.EnrolAsync(Enrol(A, "new", 1), CancellationToken.None);
        await store.EnrolAsync(Enrol(B, "theirs", 0), CancellationToken.None);

        Assert.Equal(["new", "old"], (await store.ListAsync(A, CancellationToken.None)).Select(e => e.Person.ConversationId));
        Assert.Equal(["theirs"], (await store.ListAsync(B, CancellationToken.None)).Select(e => e.Person.ConversationId));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Committees_list_per_organization(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlCommitteeStore(db.Database);
        Committee New(OrganizationKey organization, string name) =>
            new(0, name, In(organization, "19:" + name), "owner", "Owner", In(organization, "chat-owner"), "en", "UTC", 3, TimeSpan.FromHours(2), null, Sunday);
        await store.CreateAsync(New(A, "panel"), CancellationToken.None);
        await store.CreateAsync(New(B, "theirs"), CancellationToken.None);

        Assert.Equal(["panel"], (await store.ListAsync(A, CancellationToken.None)).Select(c => c.Name));
        Assert.Equal(["theirs"], (await store.ListAsync(B, CancellationToken.None)).Select(c => c.Name));
    }
}
