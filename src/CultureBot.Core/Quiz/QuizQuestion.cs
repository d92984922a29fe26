namespace CultureBot.Core.Quiz;

/// <summary>The four kinds of question the quiz asks, all generated from a pack and its verbatims.</summary>
public enum QuizKind
{
    /// <summary>A customer's words → the persona who said them.</summary>
    WhoSaidThis,

    /// <summary>An irritant, an expectation or a purchase habit → the persona it describes.</summary>
    WhichPersona,

    /// <summary>A persona → the expectation that is theirs, among other personas' expectations.</summary>
    WhatDoesXExpect,

    /// <summary>A persona → how to talk to them, among other personas' postures.</summary>
    HowToTalkTo,
}

/// <summary>One line of a persona sheet, quoted to explain an answer: the rubric's label key and the sheet's own words.</summary>
public sealed record QuizEvidence(string Rubric, string Text);

/// <summary>
/// A question with exactly one defensible answer. <see cref="Subject"/> is what the prompt is about: the quoted
/// words or situation for <see cref="QuizKind.WhoSaidThis"/> and <see cref="QuizKind.WhichPersona"/>, the persona's
/// name for the two others. The prompt's wording is the UI's (the user's language); every content word is the pack's.
/// </summary>
public sealed record QuizQuestion
{
    /// <summary>Stable across runs and restarts: the kind, the pack, the persona and the words asked about.</summary>
    public required string Id { get; init; }

    public required QuizKind Kind { get; init; }

    public required string PackSlug { get; init; }

    /// <summary>For <see cref="QuizKind.WhichPersona"/>: the rubric the situation comes from (a string key, e.g. <c>personaIrritants</c>).</summary>
    public string? SubjectRubric { get; init; }

    public required string Subject { get; init; }

    /// <summary>The persona the right answer is about (solo practice comes back to the personas a player gets wrong).</summary>
    public required string PersonaId { get; init; }

    public required IReadOnlyList<string> Options { get; init; }

    /// <summary>The index of the right option in <see cref="Options"/>.</summary>
    public required int Answer { get; init; }

    /// <summary>The sheet's own words that make the answer right.</summary>
    public required IReadOnlyList<QuizEvidence> Explanation { get; init; }

    /// <summary>The organization's content owners' own explanation, shown at the reveal instead of <see cref="Explanation"/>.</summary>
    public string? CorrectedExplanation { get; init; }

    /// <summary>Hidden by the organization's content owners: never drawn (a round already open with it still closes).</summary>
    public bool Hidden { get; init; }

    /// <summary>This question with <paramref name="change"/> applied (the question itself when there is none).</summary>
    public QuizQuestion With(QuizOverride? change) =>
        change is null || change.IsEmpty ? this : this with
        {
            Hidden = change.Hidden,
            CorrectedExplanation = string.IsNullOrWhiteSpace(change.Explanation) ? null : change.Explanation.Trim(),
        };
}
