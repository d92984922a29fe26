using CultureBot.Core.Conversations;

namespace CultureBot.Core.Onboarding;

public enum EnrolmentStatus
{
    Active,
    Paused,
    Stopped,
    Completed,
}

/// <summary>
/// A newcomer on a journey. <see cref="Person"/> identifies them (platform, tenant or workspace, user id: one
/// enrolment per person); <see cref="DeliverTo"/> is the personal conversation their cards go to.
/// </summary>
/// <param name="NextStep">The index, in the journey, of the next card to send.</param>
/// <param name="NextDueAt">When that card is due (9:00 on a working day in <see cref="TimeZone"/>).</param>
/// <param name="ReportTo">Where the enroller asked for a short report at the end, if they did.</param>
public sealed record Enrolment(
    ConversationKey Person,
    string? Name,
    ConversationKey DeliverTo,
    string PackSlug,
    string Language,
    string TimeZone,
    int NextStep,
    DateTimeOffset NextDueAt,
    EnrolmentStatus Status,
    string? EnrolledBy,
    ConversationKey? ReportTo,
    DateTimeOffset EnrolledAt);
