using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Onboarding;

namespace CultureBot.Data.Tests;

/// <summary>The onboarding tables on both databases: one enrolment per person, cards advanced once, pause, resume, stop.</summary>
public class OnboardingStoreTests
{
    public static TheoryData<StorageProvider> Providers => new() { StorageProvider.Sqlite, StorageProvider.Postgres };

    private static readonly ConversationKey Person = new(Platforms.Teams, "tenant-1", "29:newcomer");
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_person_is_enrolled_once_and_each_card_advances_the_journey_once(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlOnboardingStore(db.Database);
        var enrolment = new Enrolment(Person, "Nadia", Person with { ConversationId = "user:29:newcomer" }, "velo-vert-fr", "fr", "Europe/Paris", 0, Monday, EnrolmentStatus.Active, "29:manager", null, Monday.AddHours(-1));

        Assert.True(await store.EnrolAsync(enrolment, CancellationToken.None));
        Assert.False(await store.EnrolAsync(enrolment with { PackSlug = "other" }, CancellationToken.None));
        Assert.Equal(enrolment, await store.GetAsync(Person, CancellationToken.None));
        Assert.Empty(await store.DueAsync(Monday.AddMinutes(-1), CancellationToken.None));
        Assert.Single(await store.DueAsync(Monday, CancellationToken.None));

        var card = new OutboxMessage(enrolment.DeliverTo, BotMessage.FromText("day 1"), "onboarding");
        Assert.True(await store.AdvanceAsync(Person, 0, Monday.AddDays(1), completed: false, [card], Monday, CancellationToken.None));
        Assert.False(await store.AdvanceAsync(Person, 0, Monday.AddDays(1), completed: false, [card], Monday, CancellationToken.None));
        Assert.Equal(1, await new SqlWorkQueue(db.Database).CountPendingAsync(OutboxMessage.QueueName, CancellationToken.None));
        Assert.Empty(await store.DueAsync(Monday.AddHours(2), CancellationToken.None));

        Assert.True(await store.SetStatusAsync(Person, EnrolmentStatus.Paused, null, CancellationToken.None));
        Assert.Empty(await store.DueAsync(Monday.AddDays(3), CancellationToken.None));
        Assert.True(await store.SetStatusAsync(Person, EnrolmentStatus.Active, Monday.AddDays(4), CancellationToken.None));
        Assert.Equal(Monday.AddDays(4), (await store.GetAsync(Person, CancellationToken.None))!.NextDueAt);
        Assert.True(await store.AdvanceAsync(Person, 1, Monday.AddDays(5), completed: true, [], Monday.AddDays(4), CancellationToken.None));
        Assert.Equal((2, EnrolmentStatus.Completed), ((await store.GetAsync(Person, CancellationToken.None))!.NextStep, (await store.GetAsync(Person, CancellationToken.None))!.Status));
        Assert.False(await store.SetStatusAsync(Person, EnrolmentStatus.Stopped, null, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Onboarding_is_turned_on_and_off_per_conversation(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlOnboardingStore(db.Database);
        var team = new ConversationKey(Platforms.Teams, "tenant-1", "19:general@thread.tacv2");

        await store.SetChannelAsync(team, true, "29:manager", Monday, CancellationToken.None);
        await store.SetChannelAsync(team, true, "29:manager", Monday, CancellationToken.None);
        Assert.True(await store.IsChannelOnAsync(team, CancellationToken.None));
        Assert.False(await store.IsChannelOnAsync(team with { ConversationId = "19:other@thread.tacv2" }, CancellationToken.None));

        await store.SetChannelAsync(team, false, "29:manager", Monday, CancellationToken.None);
        Assert.False(await store.IsChannelOnAsync(team, CancellationToken.None));
    }
}
