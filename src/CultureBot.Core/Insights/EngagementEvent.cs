using CultureBot.Core.Conversations;

namespace CultureBot.Core.Insights;

/// <summary>
/// One thing a person did with the bot, kept to answer "is the culture spreading?": who (a pseudonym, never the
/// platform's id), where, what (<see cref="EngagementKinds"/>), about which persona, and one small number or text.
/// </summary>
/// <param name="Organization">The organization it happened in: every count is per organization.</param>
/// <param name="OccurredAt">When (UTC).</param>
/// <param name="Kind">An <see cref="EngagementKinds"/> name, or <c>action:VERB</c> for a card button.</param>
/// <param name="Person">The person's pseudonym (<see cref="Pseudonyms"/>), or null when no person is known.</param>
/// <param name="ConversationId">The conversation or channel it happened in.</param>
/// <param name="PersonaId">The persona it was about, if any.</param>
/// <param name="Value">A small number: a match's confidence, a quiz answer's 1 (right) or 0 (wrong), a description's length.</param>
/// <param name="Detail">A short text, already redacted: a low-confidence description (the "missing persona" signal).</param>
public sealed record EngagementEvent(
    OrganizationKey Organization,
    DateTimeOffset OccurredAt,
    string Kind,
    string? Person,
    string ConversationId,
    string? PersonaId = null,
    double? Value = null,
    string? Detail = null);

/// <summary>The kinds of <see cref="EngagementEvent"/> the features record.</summary>
public static class EngagementKinds
{
    public const string SheetOpened = "sheet-opened";
    public const string MatchAnswered = "match-answered";
    public const string FinderFinished = "finder-finished";
    public const string QuizAnswered = "quiz-answered";
    /// <summary>A verbatim added in chat without a persona that no persona fitted well; detail: its words (already redacted).</summary>
    public const string VerbatimUnmatched = "verbatim-unmatched";

    /// <summary>A digest posted by the outbox (no person: a delivery is not something someone did); detail: the platform's message id.</summary>
    public const string DigestDelivered = "digest-delivered";

    /// <summary>A delivered digest read in a Teams personal chat (its read receipt); detail: the digest's message id.</summary>
    public const string DigestRead = "digest-read";

    /// <summary>A read receipt that follows no unread digest: the person read the conversation.</summary>
    public const string MessageRead = "message-read";

    public const string OnboardingStarted = "onboarding-started";

    /// <summary>An onboarding card decided and queued for a newcomer; value: its step (1 for the first).</summary>
    public const string OnboardingCardDelivered = "onboarding-card";

    public const string OnboardingCompleted = "onboarding-completed";

    /// <summary>An answer to a committee meeting's invitation; value: 1 attending, 0 not.</summary>
    public const string CommitteeRsvp = "committee-rsvp";

    public const string CommitteeQuestion = "committee-question";

    public const string CommitteeMinutes = "committee-minutes";

    /// <summary>A card button, by its verb: <c>action:quiz-answer</c> (cut short: the verb comes from the payload).</summary>
    public static string Action(string verb)
    {
        ArgumentNullException.ThrowIfNull(verb);
        return "action:" + (verb.Length > 64 ? verb[..64] : verb);
    }
}
