namespace CultureBot.Core.Insights;

/// <summary>What <c>culturebot insights</c> shows for a period: is the culture spreading, and what is it missing?</summary>
/// <param name="People">Distinct people (pseudonyms) who did anything.</param>
/// <param name="Kinds">Events per kind, most first.</param>
/// <param name="Days">Events per UTC day, in order.</param>
/// <param name="PersonasAskedAbout">Sheets opened plus matches answered, per persona, most first.</param>
/// <param name="QuizAccuracy">Quiz answers per persona, the least well known first.</param>
/// <param name="LowConfidenceDescriptions">Descriptions no persona fitted well (redacted), newest first.</param>
public sealed record EngagementReport(
    int People,
    IReadOnlyList<KindCount> Kinds,
    IReadOnlyList<DayCount> Days,
    IReadOnlyList<PersonaCount> PersonasAskedAbout,
    IReadOnlyList<PersonaAccuracy> QuizAccuracy,
    IReadOnlyList<UnmatchedDescription> LowConfidenceDescriptions);

public sealed record KindCount(string Kind, int Count);

public sealed record DayCount(DateOnly Day, int Count);

public sealed record PersonaCount(string PersonaId, int Count);

public sealed record PersonaAccuracy(string PersonaId, int Answers, int Correct)
{
    public double Rate => Answers == 0 ? 0 : (double)Correct / Answers;
}

public sealed record UnmatchedDescription(DateTimeOffset OccurredAt, string? PersonaId, double? Confidence, string Text);
