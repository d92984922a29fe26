using System.Globalization;
using CultureBot.Core.Localization;

namespace CultureBot.Core.Quiz;

/// <summary>A question's wording: the UI's sentence in the reader's language around the pack's own words.</summary>
public static class QuizPrompts
{
    public static string Prompt(QuizQuestion question, StringTable strings, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(strings);
        var key = question.Kind switch
        {
            QuizKind.WhoSaidThis => "quizWhoSaidThis",
            QuizKind.WhichPersona => question.SubjectRubric switch
            {
                "personaIrritants" => "quizWhichIrritant",
                "personaExpectations" => "quizWhichExpectation",
                _ => "quizWhichPurchase",
            },
            QuizKind.WhatDoesXExpect => "quizWhatExpect",
            _ => "quizHowToTalk",
        };
        return strings.Format(key, culture, question.Subject);
    }

    /// <summary>The reveal's explanation as lines "Rubric: the sheet's words", or the content owners' correction when they wrote one.</summary>
    public static IEnumerable<string> Explanation(QuizQuestion question, StringTable strings, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(strings);
        if (question.CorrectedExplanation is { } corrected)
        {
            return [corrected];
        }

        return question.Explanation.Select(e => strings.Format("matchEvidenceItem", culture, strings.Get(e.Rubric, culture), e.Text));
    }
}
