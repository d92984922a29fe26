using CultureBot.Core.Audit;
using CultureBot.Core.Committees;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Digests;
using CultureBot.Core.Onboarding;
using CultureBot.Core.Queue;
using CultureBot.Host.Tests.Support;
using CultureBot.Studio.Access;
using CultureBot.Studio.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Studio;

/// <summary>
/// The studio's operations services on the real host's stores: the server refuses a viewer and another organization's
/// rows whatever the page shows, and each write is audited; a moved meeting is told to its channel through the outbox.
/// </summary>
public sealed class StudioOperationsAccessTests : IDisposable
{
    private static readonly OrganizationKey Ours = new(Platforms.Teams, "tenant-ours");
    private static readonly OrganizationKey Theirs = new(Platforms.Slack, "T0THEIRS");
    private static readonly StudioUser Owner = new(Ours, StudioRoles.Owner, "Olga", IsLocal: false);
    private static readonly StudioUser Viewer = new(Ours, StudioRoles.Viewer, "Victor", IsLocal: false);

    private readonly BotHostFactory _host = new();

    private IServiceProvider Services => _host.Services;

    private static ConversationKey In(OrganizationKey organization, string id) => new(organization.Platform, organization.TenantId, id);

    [Fact]
    public async Task A_viewer_cannot_pause_a_digest_and_an_owner_cannot_reach_another_organizations()
    {
        var store = Services.GetRequiredService<IDigestStore>();
        var at = TimeProvider.System.GetUtcNow();
        await store.SubscribeAsync(new DigestSubscription(In(Ours, "19:ours"), DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", "en"), at, CancellationToken.None);
        await store.SubscribeAsync(new DigestSubscription(In(Theirs, "C0THEIRS"), DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", "en"), at, CancellationToken.None);
        var admin = Services.GetRequiredService<DigestAdmin>();

        var refused = await Assert.ThrowsAsync<StudioRefusalException>(() => admin.SetPausedAsync(Viewer, "19:ours", true, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<StudioRefusalException>(() => admin.SetPausedAsync(Owner, "C0THEIRS", true, CancellationToken.None));
        var zone = await Assert.ThrowsAsync<StudioRefusalException>(() => admin.ChangeAsync(Owner, "19:ours", DayOfWeek.Friday, new TimeOnly(8, 0), "Mars/Olympus", CancellationToken.None));
        await admin.ChangeAsync(Owner, "19:ours", DayOfWeek.Friday, new TimeOnly(16, 30), "Europe/Paris", CancellationToken.None);

        Assert.Equal(StudioRefusalException.NotOwner, refused.Key);
        Assert.Equal(StudioRefusalException.NotFound, missing.Key);
        Assert.Equal("RefusedTimeZone", zone.Key);
        Assert.False((await store.GetAsync(In(Theirs, "C0THEIRS"), CancellationToken.None))!.Paused);
        var changed = await store.GetAsync(In(Ours, "19:ours"), CancellationToken.None);
        Assert.Equal((DayOfWeek.Friday, new TimeOnly(16, 30), "Europe/Paris"), (changed!.Day, changed.Time, changed.TimeZone));
        var audit = Assert.Single(await Services.GetRequiredService<IAuditLog>().ListAsync(Ours, 10, CancellationToken.None));
        Assert.Equal(("Olga", "digest.change", "19:ours"), (audit.Actor, audit.Action, audit.Target));
        Assert.Empty(await Services.GetRequiredService<IAuditLog>().ListAsync(Theirs, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_viewer_cannot_stop_a_journey_and_another_organizations_newcomer_is_not_found()
    {
        var store = Services.GetRequiredService<IOnboardingStore>();
        var at = TimeProvider.System.GetUtcNow();
        await store.EnrolAsync(new Enrolment(In(Theirs, "U0THEIRS"), "Theirs", In(Theirs, "D0"), "pack", "en", "UTC", 0, at, EnrolmentStatus.Active, null, null, at), CancellationToken.None);
        var admin = Services.GetRequiredService<OnboardingAdmin>();

        var refused = await Assert.ThrowsAsync<StudioRefusalException>(() => admin.SetStatusAsync(Viewer, "U0THEIRS", EnrolmentStatus.Stopped, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<StudioRefusalException>(() => admin.SetStatusAsync(Owner, "U0THEIRS", EnrolmentStatus.Stopped, CancellationToken.None));

        Assert.Equal(StudioRefusalException.NotOwner, refused.Key);
        Assert.Equal(StudioRefusalException.NotFound, missing.Key);
        Assert.Equal(EnrolmentStatus.Active, (await store.GetAsync(In(Theirs, "U0THEIRS"), CancellationToken.None))!.Status);
        Assert.Empty(await admin.ListAsync(Owner, CancellationToken.None));
    }

    [Fact]
    public async Task Moving_a_meeting_plans_its_reminders_again_tells_the_channel_and_refuses_the_past()
    {
        var store = Services.GetRequiredService<ICommitteeStore>();
        var scheduler = Services.GetRequiredService<CommitteeScheduler>();
        var now = TimeProvider.System.GetUtcNow();
        var panel = (await store.CreateAsync(new Committee(0, "Customer panel", In(Ours, "19:panel"), "29:owner", "Léa", In(Ours, "a:owner"), "en", "Europe/Paris", 3, TimeSpan.FromHours(2), "HQ", now), CancellationToken.None))!;
        var meeting = await scheduler.PlanMeetingAsync(panel, now.AddDays(40).Date.AddHours(18), "HQ", now, CancellationToken.None);
        var queued = new List<string>();
        var queue = new Mock<IWorkQueue>();
        queue.Setup(q => q.EnqueueAsync(OutboxMessage.QueueName, It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, DateTimeOffset, CancellationToken>((_, payload, _, _) => queued.Add(payload))
            .ReturnsAsync(1);
        var admin = new CommitteeAdmin(store, scheduler, Services.GetRequiredService<CommitteeCards>(), queue.Object, Services.GetRequiredService<IAuditLog>(), TimeProvider.System);
        var newStart = now.AddDays(60).Date.AddHours(17);

        var past = await Assert.ThrowsAsync<StudioRefusalException>(() => admin.MoveAsync(Owner, meeting.Id, now.AddDays(-1).Date, CancellationToken.None));
        var viewer = await Assert.ThrowsAsync<StudioRefusalException>(() => admin.MoveAsync(Viewer, meeting.Id, newStart, CancellationToken.None));
        var theirs = new StudioUser(Theirs, StudioRoles.Owner, "Other", IsLocal: false);
        var other = await Assert.ThrowsAsync<StudioRefusalException>(() => admin.CancelAsync(theirs, meeting.Id, CancellationToken.None));
        await admin.MoveAsync(Owner, meeting.Id, newStart, CancellationToken.None);

        Assert.Equal("RefusedPast", past.Key);
        Assert.Equal(StudioRefusalException.NotOwner, viewer.Key);
        Assert.Equal(StudioRefusalException.NotFound, other.Key);
        var moved = (await store.MeetingAsync(meeting.Id, CancellationToken.None))!;
        Assert.Equal(newStart, moved.LocalStart);
        Assert.Equal(meeting.Sequence + 1, moved.Sequence);
        var logistics = (await store.PendingRemindersAsync(meeting.Id, CancellationToken.None)).Single(r => r.Kind == ReminderKind.Logistics);
        Assert.InRange(logistics.DueAt, moved.StartsAt.AddDays(-2), moved.StartsAt);
        var notice = OutboxMessage.Deserialize(Assert.Single(queued));
        Assert.Equal(In(Ours, "19:panel"), notice.Conversation);
        Assert.Equal("committee.move", Assert.Single(await Services.GetRequiredService<IAuditLog>().ListAsync(Ours, 10, CancellationToken.None)).Action);
    }

    public void Dispose() => _host.Dispose();
}
