using CultureBot.Core.Personas;
using CultureBot.Core.Personas.Finder;
using CultureBot.Testing;

namespace CultureBot.Content.Tests;

public class GuidedFinderTests
{
    public static TheoryData<string> Packs => new()
    {
        Path.Combine(AppContext.BaseDirectory, "TestData", "palmes-et-rando.pack.yaml"),
        Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.fr.yaml"),
        Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.en.yaml"),
    };

    /// <summary>A customer who answers as their persona's sheet says: the answer weighing most for that persona, or "I don't know".</summary>
    private static int AnswerAs(KeyQuestion question, string persona)
    {
        var best = question.Answers.Select((a, i) => (i, w: a.Weights.GetValueOrDefault(persona))).OrderByDescending(a => a.w).First();
        return best.w > 0 ? best.i : -1;
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Each_persona_is_found_in_four_questions_or_fewer(string file)
    {
        var pack = PackReader.ReadFile(file).Pack;
        var finder = new GuidedFinder(pack);

        foreach (var persona in pack.Personas)
        {
            var state = FinderState.Empty;
            var step = finder.Next(state);
            var asked = 0;
            while (!step.Done)
            {
                state = state.With(step.NextQuestion!.Id, AnswerAs(step.NextQuestion, persona.Id));
                step = finder.Next(state);
                asked++;
            }

            Assert.True(asked <= 4, $"{persona.Id}: {asked} questions");
            Assert.Equal(persona.Id, step.Ranking[0].Persona.Id);
        }
    }

    [Fact]
    public void The_first_question_is_the_most_informative_and_i_dont_know_changes_nothing()
    {
        var pack = PackReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "TestData", "palmes-et-rando.pack.yaml")).Pack;
        var finder = new GuidedFinder(pack);

        var first = finder.Next(FinderState.Empty);
        var unknown = finder.Next(FinderState.Empty.With(first.NextQuestion!.Id, -1));

        Assert.Equal("canal", first.NextQuestion.Id);
        Assert.Equal(first.Ranking.Select(r => r.Probability), unknown.Ranking.Select(r => r.Probability));
        Assert.NotEqual("canal", unknown.NextQuestion?.Id);
    }

    [Fact]
    public void The_state_travels_as_text_and_back()
    {
        var state = FinderState.Empty.With("canal", 0).With("niveau", -1);

        Assert.Equal("canal=0;niveau=-1", state.ToString());
        Assert.Equal(state.Answers, FinderState.Parse(state.ToString()).Answers);
        Assert.Empty(FinderState.Parse("garbage;=;x=y").Answers);
    }
}
