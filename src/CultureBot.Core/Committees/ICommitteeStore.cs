using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;

namespace CultureBot.Core.Committees;

/// <summary>A reminder to be stored with a meeting: its kind, its place among the monthly nudges, when it is due.</summary>
public sealed record PlannedReminder(ReminderKind Kind, int Index, DateTimeOffset DueAt);

/// <summary>Someone's answer to a meeting's invitation.</summary>
public sealed record MeetingRsvp(string UserId, string? Name, bool Attending);

/// <summary>Committees, their meetings, the reminders due around them, and what collaborators answered.</summary>
public interface ICommitteeStore
{
    /// <summary>Creates the committee of a channel; null when the channel already has one (one committee per channel).</summary>
    Task<Committee?> CreateAsync(Committee committee, CancellationToken cancellationToken);

    /// <summary>Saves a committee's name, zone, cadence, length and place.</summary>
    Task SaveSettingsAsync(Committee committee, CancellationToken cancellationToken);

    Task<Committee?> GetAsync(long committeeId, CancellationToken cancellationToken);

    Task<Committee?> ForChannelAsync(ConversationKey channel, CancellationToken cancellationToken);

    Task<IReadOnlyList<Committee>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The committees of <paramref name="organization"/>'s channels only.</summary>
    Task<IReadOnlyList<Committee>> ListAsync(OrganizationKey organization, CancellationToken cancellationToken);

    /// <summary>Stores a meeting and its reminders in one transaction; returns it with its id.</summary>
    Task<CommitteeMeeting> AddMeetingAsync(CommitteeMeeting meeting, IReadOnlyList<PlannedReminder> reminders, CancellationToken cancellationToken);

    /// <summary>The committee's meetings, cancelled ones included, in time order.</summary>
    Task<IReadOnlyList<CommitteeMeeting>> MeetingsAsync(long committeeId, CancellationToken cancellationToken);

    Task<CommitteeMeeting?> MeetingAsync(long meetingId, CancellationToken cancellationToken);

    Task<CommitteeMeeting?> MeetingByTokenAsync(string icsToken, CancellationToken cancellationToken);

    /// <summary>The reminders of a meeting not sent yet, in time order.</summary>
    Task<IReadOnlyList<CommitteeReminder>> PendingRemindersAsync(long meetingId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a scheduled meeting: new times, SEQUENCE + 1, its unsent reminders replaced by <paramref name="reminders"/>
    /// (kinds already sent are not sent again), in one transaction.
    /// </summary>
    Task<bool> RescheduleAsync(long meetingId, DateTime localStart, DateTimeOffset startsAt, IReadOnlyList<PlannedReminder> reminders, CancellationToken cancellationToken);

    /// <summary>Cancels a scheduled meeting: SEQUENCE + 1, its unsent reminders dropped, in one transaction.</summary>
    Task<bool> CancelAsync(long meetingId, CancellationToken cancellationToken);

    /// <summary>Unsent reminders of scheduled meetings due at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<DueReminder>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a reminder sent and queues its messages (none for one skipped), in one transaction, conditional on it
    /// not being sent yet: two hosts, or two checks, send it once.
    /// </summary>
    Task<bool> CompleteAsync(long reminderId, IReadOnlyList<OutboxMessage> messages, DateTimeOffset now, CancellationToken cancellationToken);

    Task SetRsvpAsync(long meetingId, MeetingRsvp rsvp, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<MeetingRsvp>> RsvpsAsync(long meetingId, CancellationToken cancellationToken);

    /// <summary>Adds a question to ask the customers; returns how many the meeting has.</summary>
    Task<int> AddQuestionAsync(long meetingId, string userId, string? name, string text, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> QuestionsAsync(long meetingId, CancellationToken cancellationToken);

    Task SetMinutesAsync(long meetingId, string minutes, CancellationToken cancellationToken);

    /// <summary>Records that the owner was told the personas are old and queues the reminder, unless another check just did.</summary>
    Task<bool> RemindFreshnessAsync(long committeeId, DateTimeOffset? previous, IReadOnlyList<OutboxMessage> messages, DateTimeOffset now, CancellationToken cancellationToken);
}
