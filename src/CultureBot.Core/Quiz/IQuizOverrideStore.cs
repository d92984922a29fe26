using CultureBot.Core.Conversations;

namespace CultureBot.Core.Quiz;

/// <summary>
/// An organization's content owners' decision about one generated question (by its stable <see cref="QuizQuestion.Id"/>):
/// hidden, it is never drawn again there; with an explanation, the reveal shows those words instead of the sheet's lines.
/// </summary>
public sealed record QuizOverride(string QuestionId, bool Hidden, string? Explanation)
{
    /// <summary>Neither hidden nor corrected: the question is as generated, and nothing needs keeping.</summary>
    public bool IsEmpty => !Hidden && string.IsNullOrWhiteSpace(Explanation);
}

/// <summary>The quiz overrides of each organization; one organization's never apply to another's quiz.</summary>
public interface IQuizOverrideStore
{
    /// <summary>Every override of <paramref name="organization"/>, by question id.</summary>
    Task<IReadOnlyDictionary<string, QuizOverride>> ListAsync(OrganizationKey organization, CancellationToken cancellationToken);

    /// <summary>Records <paramref name="change"/> for <paramref name="organization"/> (an empty one removes the override).</summary>
    Task SetAsync(OrganizationKey organization, QuizOverride change, DateTimeOffset at, string by, CancellationToken cancellationToken);
}
