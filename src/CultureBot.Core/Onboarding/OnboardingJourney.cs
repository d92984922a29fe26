using CultureBot.Core.Personas;

namespace CultureBot.Core.Onboarding;

/// <summary>What a day's card of an onboarding journey is about.</summary>
public enum OnboardingCardKind
{
    /// <summary>What a persona is and why it matters here.</summary>
    Intro,

    /// <summary>One persona: who they are, their verbatim, how to talk to them.</summary>
    Persona,

    /// <summary>A verbatim of the day, from the organization's verbatims.</summary>
    Verbatim,

    /// <summary>A mini quiz of a few questions from the pack.</summary>
    Quiz,

    /// <summary>The end of the journey: what to do next.</summary>
    Closing,

    /// <summary>A card of the organization's own: a title and a text.</summary>
    Text,
}

/// <summary>One day's card. <see cref="PersonaId"/> for a persona card; <see cref="Title"/> and <see cref="Text"/> for a text card; <see cref="Questions"/> for a quiz.</summary>
public sealed record OnboardingStep(OnboardingCardKind Kind, string? PersonaId = null, string? Title = null, string? Text = null, int Questions = 0);

/// <summary>An ordered list of daily cards: the default one generated from a pack, or an organization's own (YAML).</summary>
public sealed record OnboardingJourney(string Name, IReadOnlyList<OnboardingStep> Steps)
{
    public const int DefaultQuizQuestions = 3;

    /// <summary>What a persona is; one persona a day, in the pack's order; a verbatim of the day; a mini quiz; the closing card.</summary>
    public static OnboardingJourney Default(PersonaPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return new OnboardingJourney(
            "default",
            [
                new(OnboardingCardKind.Intro),
                .. pack.Personas.Select(p => new OnboardingStep(OnboardingCardKind.Persona, PersonaId: p.Id)),
                new(OnboardingCardKind.Verbatim),
                new(OnboardingCardKind.Quiz, Questions: DefaultQuizQuestions),
                new(OnboardingCardKind.Closing),
            ]);
    }
}
