using System.Globalization;
using System.Security.Cryptography;
using CultureBot.Core.Delivery;
using CultureBot.Core.Localization;
using CultureBot.Core.Personas;

namespace CultureBot.Core.Committees;

/// <summary>
/// Plans meetings with their reminders, and sends the reminders that are due. Each reminder is decided once
/// (a conditional update and its outbox rows in one transaction), whatever fires the check and however many hosts
/// run it. A reminder missed while the host was down goes out at the next check if it can still help: one meant for
/// before the meeting is dropped once the meeting has begun, a monthly nudge a week late or overtaken by the next
/// meeting's reminders is dropped. The same check tells committee owners, at most once a quarter, when the personas
/// they listen for were last refreshed more than <see cref="PersonaMaxAge"/> ago.
/// </summary>
public sealed class CommitteeScheduler(ICommitteeStore store, CommitteeCards cards, ReminderPlan plan, PersonaDirectory personas) : IDueCheck
{
    public const string Purpose = "committee";

    /// <summary>Personas older than this (since the pack's <c>updated</c> date) get a refresh reminder.</summary>
    public static readonly TimeSpan PersonaMaxAge = TimeSpan.FromDays(2 * 365);

    private static readonly TimeSpan FreshnessEvery = TimeSpan.FromDays(90);
    private static readonly TimeSpan NudgeLateness = TimeSpan.FromDays(7);

    public ReminderPlan Plan => plan;

    /// <summary>A new meeting at <paramref name="localStart"/> in the committee's zone, with its reminders.</summary>
    public Task<CommitteeMeeting> PlanMeetingAsync(Committee committee, DateTime localStart, string? place, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committee);
        var zone = TimeZones.Find(committee.TimeZone);
        var meeting = new CommitteeMeeting(
            0, committee.Id, localStart, TimeZones.ToUtc(localStart, zone), committee.Length, place, MeetingStatus.Scheduled, 0,
            Guid.NewGuid().ToString("N") + "@culturebot", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        return store.AddMeetingAsync(meeting, Reminders(committee, localStart, now), cancellationToken);
    }

    public async Task<CommitteeMeeting?> RescheduleAsync(Committee committee, CommitteeMeeting meeting, DateTime localStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committee);
        ArgumentNullException.ThrowIfNull(meeting);
        var startsAt = TimeZones.ToUtc(localStart, TimeZones.Find(committee.TimeZone));
        return await store.RescheduleAsync(meeting.Id, localStart, startsAt, Reminders(committee, localStart, now), cancellationToken)
            ? await store.MeetingAsync(meeting.Id, cancellationToken)
            : null;
    }

    /// <summary>
    /// The reminders of a meeting planned now: those meant for before the meeting whose time has passed (a meeting
    /// planned ten days ahead) are due at once, in their order; nudges in the past are not planned.
    /// </summary>
    private List<PlannedReminder> Reminders(Committee committee, DateTime localStart, DateTimeOffset now)
    {
        var planned = new List<PlannedReminder>();
        foreach (var (kind, index, dueAt) in plan.For(localStart, TimeZones.Find(committee.TimeZone), committee.CadenceMonths))
        {
            if (kind == ReminderKind.Nudge && dueAt < now)
            {
                continue;
            }

            planned.Add(new PlannedReminder(kind, index, dueAt < now ? now : dueAt));
        }

        return planned;
    }

    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var due in await store.DueAsync(now, cancellationToken))
        {
            var messages = await ComposeAsync(due, now, cancellationToken);
            if (await store.CompleteAsync(due.Reminder.Id, messages, now, cancellationToken) && messages.Count > 0)
            {
                sent++;
            }
        }

        return sent + await RemindFreshnessAsync(now, cancellationToken);
    }

    /// <summary>The reminder's card and where it goes; nothing when it can no longer help.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> ComposeAsync(DueReminder due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (reminder, meeting, committee) = due;
        if (reminder.Kind < ReminderKind.Minutes && now >= meeting.StartsAt)
        {
            return [];
        }

        if (reminder.Kind == ReminderKind.Nudge && (now - reminder.DueAt > NudgeLateness || await NextMeetingIsNearAsync(committee, meeting, now, cancellationToken)))
        {
            return [];
        }

        var rsvps = reminder.Kind == ReminderKind.Logistics ? await store.RsvpsAsync(meeting.Id, cancellationToken) : [];
        var questions = reminder.Kind is ReminderKind.Logistics or ReminderKind.Minutes ? await store.QuestionsAsync(meeting.Id, cancellationToken) : [];
        var to = reminder.Kind is ReminderKind.Members or ReminderKind.Nudge ? committee.OwnerChat : committee.Channel;
        return [new OutboxMessage(to, cards.Reminder(reminder.Kind, committee, meeting, rsvps, questions), Purpose)];
    }

    /// <summary>A nudge is not needed when the next meeting's own reminders have begun (it is less than three weeks away).</summary>
    private async Task<bool> NextMeetingIsNearAsync(Committee committee, CommitteeMeeting meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var meetings = await store.MeetingsAsync(committee.Id, cancellationToken);
        return meetings.Any(m => m.Status == MeetingStatus.Scheduled && m.StartsAt > meeting.StartsAt && m.StartsAt - now < TimeSpan.FromDays(-plan.MembersDays));
    }

    private async Task<int> RemindFreshnessAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Every minute, most often no pack is old: then the committees are not even read.
        if (!personas.Packs.Any(p => p.Updated is { } updated && DateOnly.FromDateTime(now.UtcDateTime).DayNumber - updated.DayNumber > PersonaMaxAge.TotalDays - 1))
        {
            return 0;
        }

        var sent = 0;
        foreach (var committee in await store.ListAsync(cancellationToken))
        {
            if (committee.FreshnessRemindedAt is { } last && now - last < FreshnessEvery)
            {
                continue;
            }

            var zone = TimeZones.Find(committee.TimeZone);
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var pack = personas.PackFor(committee.Channel, CultureInfo.GetCultureInfo(committee.Language));
            if (pack?.Updated is not { } updated || local.TimeOfDay < plan.At.ToTimeSpan()
                || DateOnly.FromDateTime(local.DateTime).DayNumber - updated.DayNumber <= PersonaMaxAge.TotalDays)
            {
                continue;
            }

            var message = new OutboxMessage(committee.OwnerChat, cards.Freshness(committee, pack), Purpose);
            if (await store.RemindFreshnessAsync(committee.Id, committee.FreshnessRemindedAt, [message], now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }
}
