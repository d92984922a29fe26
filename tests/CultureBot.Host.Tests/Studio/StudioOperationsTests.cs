using CultureBot.Core.Committees;
using CultureBot.Core.Conversations;
using CultureBot.Core.Digests;
using CultureBot.Core.Onboarding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CultureBot.Host.Tests.Studio;

/// <summary>
/// Digests, onboarding journeys and committees in the studio, in a real browser on the real host (local mode: the
/// Playground's organization): each page shows that organization's only, and its buttons change the stored state.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class StudioOperationsTests
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    private static readonly DateTimeOffset Long = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static ConversationKey Ours(string id) => new(Platforms.Teams, Tenant, id);

    private static ConversationKey Theirs(string id) => new(Platforms.Slack, "T0THEIRS", id);

    [SkippableFact]
    public async Task Digests_show_the_organizations_channels_and_pause_one()
    {
        await using var host = await StudioHost.StartAsync();
        var store = host.Services.GetRequiredService<IDigestStore>();
        await store.SubscribeAsync(new DigestSubscription(Ours("19:general"), DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Paris", "en"), Long, CancellationToken.None);
        await store.SubscribeAsync(new DigestSubscription(Theirs("C0SECRET"), DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", "en"), Long, CancellationToken.None);

        var page = await host.OpenAsync("/admin/digests");
        await Assertions.Expect(page.GetByRole(AriaRole.Gridcell, new() { Name = "19:general", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByText("C0SECRET").CountAsync());
        await StudioHost.WaitLiveAsync(page);
        await StudioHost.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause 19:general" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Paused: no digest goes out")).ToBeVisibleAsync();
        await StudioHost.ScreenshotAsync(page, "digests");
        Assert.True((await store.GetAsync(Ours("19:general"), CancellationToken.None))!.Paused);
        Assert.False((await store.GetAsync(Theirs("C0SECRET"), CancellationToken.None))!.Paused);
    }

    [SkippableFact]
    public async Task Journeys_show_the_plan_and_pause_a_newcomer()
    {
        await using var host = await StudioHost.StartAsync();
        var store = host.Services.GetRequiredService<IOnboardingStore>();
        var nadia = Ours("29:nadia");
        await store.EnrolAsync(new Enrolment(nadia, "Nadia", Ours("a:nadia"), "none", "en", "Europe/Paris", 1, Long.AddDays(3650), EnrolmentStatus.Active, null, null, Long), CancellationToken.None);
        await store.EnrolAsync(new Enrolment(Theirs("U0SECRET"), "Secret", Theirs("D0SECRET"), "none", "en", "UTC", 0, Long, EnrolmentStatus.Active, null, null, Long), CancellationToken.None);

        var page = await host.OpenAsync("/admin/journeys");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nadia" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByText("Secret").CountAsync());
        await StudioHost.WaitLiveAsync(page);
        await page.GetByText("The plan, card by card").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Gridcell, new() { Name = "Sent" }).First).ToBeVisibleAsync();
        await StudioHost.ScreenshotAsync(page, "journeys");
        await StudioHost.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause Nadia" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Paused: no card goes out")).ToBeVisibleAsync();
        Assert.Equal(EnrolmentStatus.Paused, (await store.GetAsync(nadia, CancellationToken.None))!.Status);
    }

    [SkippableFact]
    public async Task Committees_show_their_meetings_and_cancel_one()
    {
        await using var host = await StudioHost.StartAsync();
        var store = host.Services.GetRequiredService<ICommitteeStore>();
        var scheduler = host.Services.GetRequiredService<CommitteeScheduler>();
        var now = TimeProvider.System.GetUtcNow();
        var panel = await store.CreateAsync(new Committee(0, "Customer panel", Ours("19:panel"), "29:owner", "Léa", Ours("a:owner"), "en", "Europe/Paris", 3, TimeSpan.FromHours(2), "HQ", now), CancellationToken.None);
        var start = now.AddDays(40).Date.AddHours(18);
        var meeting = await scheduler.PlanMeetingAsync(panel!, start, "HQ", now, CancellationToken.None);
        await store.CreateAsync(new Committee(0, "Secret board", Theirs("C0SECRET"), "U0", null, Theirs("D0"), "en", "UTC", 3, TimeSpan.FromHours(2), null, now), CancellationToken.None);

        var page = await host.OpenAsync("/admin/committees");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer panel" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByText("Secret board").CountAsync());
        await StudioHost.WaitLiveAsync(page);
        await Assertions.Expect(page.GetByText("Reminders still to send:")).ToBeVisibleAsync();
        await StudioHost.ScreenshotAsync(page, "committees");
        await StudioHost.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the meeting" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Cancelled: the channel is told")).ToBeVisibleAsync();
        Assert.Equal(MeetingStatus.Cancelled, (await store.MeetingAsync(meeting.Id, CancellationToken.None))!.Status);
    }
}
