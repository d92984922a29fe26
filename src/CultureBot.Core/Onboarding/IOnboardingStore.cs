using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;

namespace CultureBot.Core.Onboarding;

/// <summary>Where onboarding is on, who is enrolled, and how far each newcomer has come.</summary>
public interface IOnboardingStore
{
    /// <summary>Turns automatic enrolment of people who join <paramref name="conversation"/> on or off.</summary>
    Task SetChannelAsync(ConversationKey conversation, bool enabled, string? by, DateTimeOffset at, CancellationToken cancellationToken);

    Task<bool> IsChannelOnAsync(ConversationKey conversation, CancellationToken cancellationToken);

    /// <summary>Enrols a person unless they already are (in any state): no double enrolment. Returns false when they were.</summary>
    Task<bool> EnrolAsync(Enrolment enrolment, CancellationToken cancellationToken);

    Task<Enrolment?> GetAsync(ConversationKey person, CancellationToken cancellationToken);

    /// <summary>Every enrolment of <paramref name="organization"/>, in any state, newest first.</summary>
    Task<IReadOnlyList<Enrolment>> ListAsync(OrganizationKey organization, CancellationToken cancellationToken);

    /// <summary>Active enrolments whose next card is due at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<Enrolment>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the card <paramref name="step"/> went out and what comes next, and queues its messages, in one
    /// transaction, conditional on the enrolment still being at that step: two hosts send a card once.
    /// </summary>
    Task<bool> AdvanceAsync(ConversationKey person, int step, DateTimeOffset nextDueAt, bool completed, IReadOnlyList<OutboxMessage> messages, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Pauses, resumes (with the next card's new due time) or stops. Returns false when there was nothing to change.</summary>
    Task<bool> SetStatusAsync(ConversationKey person, EnrolmentStatus status, DateTimeOffset? nextDueAt, CancellationToken cancellationToken);
}
