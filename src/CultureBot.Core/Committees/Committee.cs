using CultureBot.Core.Conversations;

namespace CultureBot.Core.Committees;

/// <summary>
/// A customer committee: a panel of customers the company meets regularly (quarterly by default, two to three hours
/// in the evening). <see cref="Channel"/> is where its collaborators work and get the reminders; its owner gets the
/// ones only they can act on (confirming the customer members, the monthly news) in their personal chat.
/// </summary>
/// <param name="TimeZone">The zone meetings are held in (IANA or Windows id): times are entered, shown and reminded in it.</param>
/// <param name="FreshnessRemindedAt">When the owner was last told the personas are getting old (at most once a quarter).</param>
public sealed record Committee(
    long Id,
    string Name,
    ConversationKey Channel,
    string OwnerId,
    string? OwnerName,
    ConversationKey OwnerChat,
    string Language,
    string TimeZone,
    int CadenceMonths,
    TimeSpan Length,
    string? Place,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FreshnessRemindedAt = null);

public enum MeetingStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>
/// One meeting of a committee. <see cref="LocalStart"/> is the wall-clock time in the committee's zone, the truth
/// people agreed on; <see cref="StartsAt"/> is that instant in UTC. <see cref="Sequence"/> counts reschedules (the
/// calendar invitation's SEQUENCE), <see cref="Uid"/> names the meeting in calendars, <see cref="IcsToken"/> is the
/// unguessable part of its invitation's address.
/// </summary>
public sealed record CommitteeMeeting(
    long Id,
    long CommitteeId,
    DateTime LocalStart,
    DateTimeOffset StartsAt,
    TimeSpan Length,
    string? Place,
    MeetingStatus Status,
    int Sequence,
    string Uid,
    string IcsToken,
    string? Minutes = null)
{
    public DateTimeOffset EndsAt => StartsAt + Length;
}

/// <summary>What a reminder asks for, in the order they come around a meeting.</summary>
public enum ReminderKind
{
    /// <summary>Three weeks before, to the owner: confirm the customer members.</summary>
    Members,

    /// <summary>Two weeks before, to the channel: come and listen (RSVP buttons).</summary>
    Invite,

    /// <summary>One week before, to the channel: the questions to ask the customers (a form).</summary>
    Questions,

    /// <summary>The day before, to the channel: place, time, who comes, the questions collected.</summary>
    Logistics,

    /// <summary>The day after, to the channel: share the minutes and capture the verbatims heard.</summary>
    Minutes,

    /// <summary>Monthly between meetings, to the owner: send the members news or a mini survey.</summary>
    Nudge,
}

/// <summary>A reminder of a meeting, due at <see cref="DueAt"/>; <see cref="Index"/> tells monthly nudges apart (1, 2, …).</summary>
public sealed record CommitteeReminder(long Id, long MeetingId, ReminderKind Kind, int Index, DateTimeOffset DueAt);

/// <summary>A due reminder with what it needs to be written.</summary>
public sealed record DueReminder(CommitteeReminder Reminder, CommitteeMeeting Meeting, Committee Committee);
