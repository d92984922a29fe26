using CultureBot.Core.Onboarding;
using CultureBot.Core.Personas;

namespace CultureBot.Content.Tests;

public class JourneyReaderTests
{
    private static readonly PersonaPack Pack = new()
    {
        Slug = "velo-vert-en",
        Personas = [new Persona { Id = "camille", Name = "Camille" }, new Persona { Id = "gerard", Name = "Gérard" }],
    };

    [Fact]
    public void An_organizations_journey_is_read_in_order()
    {
        const string yaml = """
            journey: first-weeks
            steps:
              - intro
              - persona: gerard
              - text:
                  title: Our promise
                  body: Every bike repaired within 24 hours.
              - verbatim
              - quiz: 5
              - closing
            """;

        var journey = JourneyReader.Parse(yaml, "journey.yaml", Pack);

        Assert.Equal("first-weeks", journey.Name);
        Assert.Equal(
            [
                new OnboardingStep(OnboardingCardKind.Intro),
                new OnboardingStep(OnboardingCardKind.Persona, PersonaId: "gerard"),
                new OnboardingStep(OnboardingCardKind.Text, Title: "Our promise", Text: "Every bike repaired within 24 hours."),
                new OnboardingStep(OnboardingCardKind.Verbatim),
                new OnboardingStep(OnboardingCardKind.Quiz, Questions: 5),
                new OnboardingStep(OnboardingCardKind.Closing),
            ],
            journey.Steps);
    }

    [Fact]
    public void Every_problem_is_named_with_file_line_and_field_and_the_journey_is_refused()
    {
        const string yaml = """
            journey: broken
            steps:
              - intro
              - persona: zorglub
              - text:
                  title: No body
              - lunch
              - quiz: 40
            """;

        var error = Assert.Throws<PackFormatException>(() => JourneyReader.Parse(yaml, "journey.yaml", Pack));

        Assert.Equal(
            [
                "journey.yaml:4: steps[1].persona: no persona 'zorglub' in pack velo-vert-en (it has camille, gerard)",
                "journey.yaml:6: steps[2].text.body: missing",
                "journey.yaml:7: steps[3]: unknown step: write intro, persona: ID, verbatim, quiz: N, text: {title, body} or closing",
                "journey.yaml:8: steps[4].quiz: '40' must be a number from 1 to 10",
            ],
            error.Problems);
    }
}
