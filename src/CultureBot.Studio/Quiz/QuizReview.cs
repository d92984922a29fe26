using CultureBot.Core.Audit;
using CultureBot.Core.Personas;
using CultureBot.Core.Quiz;
using CultureBot.Studio.Access;

namespace CultureBot.Studio.Quiz;

/// <summary>The questions one pack of the organization generates, as its quiz asks them (the organization's overrides applied).</summary>
public sealed record ReviewedPack(PersonaPack Pack, IReadOnlyList<QuizQuestion> Questions);

/// <summary>
/// The studio's quiz review for one signed-in person: every generated question of the organization's packs with its
/// answer and explanation (viewers too); an owner hides one (the quiz never draws it again), shows it again, or
/// corrects its explanation (the reveal shows the correction). Each change is checked here and audited.
/// </summary>
public sealed class QuizReview(PersonaDirectory personas, QuizPool pool, IQuizOverrideStore overrides, IAuditLog audit, TimeProvider clock)
{
    public const int MaxExplanationLength = 1000;

    public async Task<IReadOnlyList<ReviewedPack>> ListAsync(StudioUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var packs = new List<ReviewedPack>();
        foreach (var pack in personas.PacksFor(user.Organization))
        {
            packs.Add(new ReviewedPack(pack, await pool.QuestionsAsync(pack, user.Organization, cancellationToken)));
        }

        return packs;
    }

    /// <summary>Hides question <paramref name="questionId"/> of pack <paramref name="packSlug"/> (or shows it again); false when the organization's quiz has no such question.</summary>
    public async Task<bool> SetHiddenAsync(StudioUser user, string packSlug, string questionId, bool hidden, CancellationToken cancellationToken)
    {
        user.RequireOwner();
        if (await FindAsync(user, packSlug, questionId, cancellationToken) is not { } question)
        {
            return false;
        }

        await overrides.SetAsync(user.Organization, new QuizOverride(question.Id, hidden, question.CorrectedExplanation), clock.GetUtcNow(), user.Name, cancellationToken);
        await RecordAsync(user, hidden ? "quiz.hide" : "quiz.unhide", packSlug, question, hidden ? "hidden from the quiz" : "shown in the quiz again", cancellationToken);
        return true;
    }

    /// <summary>
    /// Replaces the explanation the reveal shows for question <paramref name="questionId"/> with <paramref name="explanation"/>
    /// (blank: back to the sheet's own lines); false when there is no such question or the text is too long.
    /// </summary>
    public async Task<bool> CorrectExplanationAsync(StudioUser user, string packSlug, string questionId, string? explanation, CancellationToken cancellationToken)
    {
        user.RequireOwner();
        var text = string.IsNullOrWhiteSpace(explanation) ? null : explanation.Trim();
        if (text?.Length > MaxExplanationLength || await FindAsync(user, packSlug, questionId, cancellationToken) is not { } question)
        {
            return false;
        }

        await overrides.SetAsync(user.Organization, new QuizOverride(question.Id, question.Hidden, text), clock.GetUtcNow(), user.Name, cancellationToken);
        await RecordAsync(user, "quiz.explain", packSlug, question, text is null ? "explanation back to the sheet's" : "explanation corrected", cancellationToken);
        return true;
    }

    private async Task<QuizQuestion?> FindAsync(StudioUser user, string packSlug, string questionId, CancellationToken cancellationToken) =>
        personas.PacksFor(user.Organization).FirstOrDefault(p => p.Slug == packSlug) is { } pack
            ? (await pool.QuestionsAsync(pack, user.Organization, cancellationToken)).FirstOrDefault(q => q.Id == questionId)
            : null;

    private Task RecordAsync(StudioUser user, string action, string packSlug, QuizQuestion question, string summary, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(user.Organization, clock.GetUtcNow(), user.Name, action, $"quiz:{packSlug}:{question.Id}", $"{summary} ({question.Kind}, {question.PersonaId})"), cancellationToken);
}
