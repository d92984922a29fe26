using CultureBot.Core.Conversations;

namespace CultureBot.Core.Insights;

/// <summary>What a report covers: one organization (or, for the operator's command line, every one), a period, and optionally one conversation.</summary>
/// <param name="Organization">The organization; null for every organization together (the command line only: the studio always names its own).</param>
/// <param name="From">The first instant, included.</param>
/// <param name="To">The last instant, excluded.</param>
/// <param name="ConversationId">One team channel, group chat or personal chat; null for all of them.</param>
public sealed record EngagementQuery(OrganizationKey? Organization, DateTimeOffset From, DateTimeOffset To, string? ConversationId = null);

/// <summary>What <c>culturebot insights</c> and the studio show for a period: is the culture spreading, and what is it missing?</summary>
/// <param name="People">Distinct people (pseudonyms) who did anything: the reach.</param>
/// <param name="Kinds">Events per kind, most first.</param>
/// <param name="Days">Events and distinct people per UTC day, in order (days without any are absent).</param>
/// <param name="PersonasAskedAbout">Sheets opened plus matches answered, per persona, most first.</param>
/// <param name="QuizAccuracy">Quiz answers per persona, the least well known first.</param>
/// <param name="LowConfidenceDescriptions">Descriptions and verbatims no persona fitted well (redacted), newest first.</param>
/// <param name="Onboarding">How many newcomers started, progressed and completed their journey.</param>
/// <param name="Digests">Digests delivered and read, in all and per conversation.</param>
/// <param name="Missing">The low-confidence descriptions and verbatims grouped by the words they share (<see cref="MissingCulture"/>), largest group first.</param>
public sealed record EngagementReport(
    int People,
    IReadOnlyList<KindCount> Kinds,
    IReadOnlyList<DayCount> Days,
    IReadOnlyList<PersonaCount> PersonasAskedAbout,
    IReadOnlyList<PersonaAccuracy> QuizAccuracy,
    IReadOnlyList<UnmatchedDescription> LowConfidenceDescriptions,
    OnboardingFunnel Onboarding,
    DigestReads Digests,
    IReadOnlyList<MissingGroup> Missing)
{
    /// <summary>How many events of <paramref name="kind"/>.</summary>
    public int CountOf(string kind) => Kinds.FirstOrDefault(k => k.Kind == kind)?.Count ?? 0;
}

public sealed record KindCount(string Kind, int Count);

public sealed record DayCount(DateOnly Day, int Count, int People = 0);

public sealed record PersonaCount(string PersonaId, int Count);

public sealed record PersonaAccuracy(string PersonaId, int Answers, int Correct)
{
    public double Rate => Answers == 0 ? 0 : (double)Correct / Answers;
}

/// <param name="Kind"><see cref="EngagementKinds.MatchAnswered"/> (a description asked about) or <see cref="EngagementKinds.VerbatimUnmatched"/>.</param>
public sealed record UnmatchedDescription(DateTimeOffset OccurredAt, string? PersonaId, double? Confidence, string Text, string Kind = EngagementKinds.MatchAnswered);

/// <summary>Distinct newcomers at each stage in the period: enrolled, sent at least one card, sent the last one.</summary>
public sealed record OnboardingFunnel(int Started, int Progressed, int Completed);

/// <param name="Delivered">Digests the outbox posted.</param>
/// <param name="Read">Digests read (Teams personal chats only: the one place a bot receives read receipts).</param>
/// <param name="PerConversation">The conversations that received the most digests.</param>
public sealed record DigestReads(int Delivered, int Read, IReadOnlyList<ConversationDigests> PerConversation);

public sealed record ConversationDigests(string ConversationId, int Delivered, int Read);

/// <summary>A conversation with activity in the period, to pick as a filter.</summary>
public sealed record ConversationActivity(string ConversationId, int Events);
