using CultureBot.Core.Audit;
using CultureBot.Core.Committees;
using CultureBot.Core.Delivery;
using CultureBot.Core.Localization;
using CultureBot.Core.Queue;
using CultureBot.Studio.Access;

namespace CultureBot.Studio.Operations;

/// <summary>A meeting as the studio shows it: its reminders still to send, who answered, the questions, the minutes.</summary>
public sealed record MeetingRow(CommitteeMeeting Meeting, IReadOnlyList<CommitteeReminder> PendingReminders, IReadOnlyList<MeetingRsvp> Rsvps, IReadOnlyList<string> Questions);

public sealed record CommitteeRow(Committee Committee, IReadOnlyList<MeetingRow> Meetings);

/// <summary>
/// The customer committees of the studio's organization: their meetings with reminders, answers, questions and
/// minutes; an owner moves or cancels a meeting. A change is told to the committee's channel with the same card the
/// chat command posts (through the outbox), and its reminders are planned again, exactly as <c>committee move</c> does.
/// </summary>
public sealed class CommitteeAdmin(ICommitteeStore store, CommitteeScheduler scheduler, CommitteeCards cards, IWorkQueue queue, IAuditLog audit, TimeProvider clock)
{
    /// <summary>How far ahead a meeting may be moved, as in chat.</summary>
    public const int MaxYearsAhead = 2;

    public async Task<IReadOnlyList<CommitteeRow>> ListAsync(StudioUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var rows = new List<CommitteeRow>();
        foreach (var committee in await store.ListAsync(user.Organization, cancellationToken))
        {
            var meetings = new List<MeetingRow>();
            foreach (var meeting in await store.MeetingsAsync(committee.Id, cancellationToken))
            {
                meetings.Add(new MeetingRow(
                    meeting,
                    await store.PendingRemindersAsync(meeting.Id, cancellationToken),
                    await store.RsvpsAsync(meeting.Id, cancellationToken),
                    await store.QuestionsAsync(meeting.Id, cancellationToken)));
            }

            rows.Add(new CommitteeRow(committee, meetings));
        }

        return rows;
    }

    /// <summary>Moves a scheduled meeting to <paramref name="localStart"/> (the committee's time zone).</summary>
    public async Task MoveAsync(StudioUser user, long meetingId, DateTime localStart, CancellationToken cancellationToken)
    {
        var (committee, meeting) = await OwnedAsync(user, meetingId, cancellationToken);
        var now = clock.GetUtcNow();
        var zone = TimeZones.Find(committee.TimeZone);
        if (DateOnly.FromDateTime(localStart) > TimeZones.LocalDate(now, zone).AddYears(MaxYearsAhead))
        {
            throw new StudioRefusalException("RefusedTooFar");
        }

        if (TimeZones.ToUtc(localStart, zone) <= now)
        {
            throw new StudioRefusalException("RefusedPast");
        }

        var moved = await scheduler.RescheduleAsync(committee, meeting, localStart, now, cancellationToken)
            ?? throw new StudioRefusalException(StudioRefusalException.NotFound);
        await TellChannelAsync(committee, moved, "moved", now, cancellationToken);
        await audit.RecordAsync(new AuditEntry(user.Organization, now, user.Name, "committee.move", $"{committee.Name} #{meetingId}",
            $"{meeting.LocalStart:yyyy-MM-dd HH:mm} → {localStart:yyyy-MM-dd HH:mm} {committee.TimeZone}"), cancellationToken);
    }

    public async Task CancelAsync(StudioUser user, long meetingId, CancellationToken cancellationToken)
    {
        var (committee, meeting) = await OwnedAsync(user, meetingId, cancellationToken);
        var now = clock.GetUtcNow();
        if (!await store.CancelAsync(meeting.Id, cancellationToken) || await store.MeetingAsync(meeting.Id, cancellationToken) is not { } cancelled)
        {
            throw new StudioRefusalException(StudioRefusalException.NotFound);
        }

        await TellChannelAsync(committee, cancelled, "cancelled", now, cancellationToken);
        await audit.RecordAsync(new AuditEntry(user.Organization, now, user.Name, "committee.cancel", $"{committee.Name} #{meetingId}",
            $"{meeting.LocalStart:yyyy-MM-dd HH:mm} {committee.TimeZone} cancelled"), cancellationToken);
    }

    private async Task TellChannelAsync(Committee committee, CommitteeMeeting meeting, string status, DateTimeOffset now, CancellationToken cancellationToken) =>
        await queue.EnqueueAsync(OutboxMessage.QueueName, new OutboxMessage(committee.Channel, cards.Notice(committee, meeting, status), CommitteeScheduler.Purpose).Serialize(), now, cancellationToken);

    /// <summary>The scheduled meeting <paramref name="meetingId"/> and its committee, when both are the user's organization's; for an owner.</summary>
    private async Task<(Committee Committee, CommitteeMeeting Meeting)> OwnedAsync(StudioUser user, long meetingId, CancellationToken cancellationToken)
    {
        user.RequireOwner();
        if (await store.MeetingAsync(meetingId, cancellationToken) is not { Status: MeetingStatus.Scheduled } meeting
            || await store.GetAsync(meeting.CommitteeId, cancellationToken) is not { } committee
            || committee.Channel.Organization != user.Organization)
        {
            throw new StudioRefusalException(StudioRefusalException.NotFound);
        }

        return (committee, meeting);
    }
}
