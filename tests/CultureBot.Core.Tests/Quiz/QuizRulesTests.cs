using CultureBot.Core.Quiz;

namespace CultureBot.Core.Tests.Quiz;

public class QuizRulesTests
{
    private static QuizQuestion Question(string id, QuizKind kind, string persona) => new()
    {
        Id = id,
        Kind = kind,
        PackSlug = "p",
        Subject = id,
        PersonaId = persona,
        Options = ["a", "b", "c"],
        Answer = 0,
        Explanation = [new("personaTagline", persona)],
    };

    private static readonly IReadOnlyList<QuizQuestion> Pool =
    [
        .. Enumerable.Range(0, 30).Select(i => Question($"w{i}", QuizKind.WhichPersona, $"p{i % 3}")),
        Question("s1", QuizKind.WhoSaidThis, "p0"),
        Question("s2", QuizKind.WhoSaidThis, "p1"),
        Question("e1", QuizKind.WhatDoesXExpect, "p2"),
        Question("t1", QuizKind.HowToTalkTo, "p0"),
    ];

    [Theory]
    [InlineData(true, 0, 30, 1, 150)]
    [InlineData(true, 15, 30, 1, 125)]
    [InlineData(true, 30, 30, 1, 100)]
    [InlineData(true, 40, 30, 1, 100)]
    [InlineData(true, 0, 30, 3, 170)]
    [InlineData(true, 0, 30, 9, 200)]
    [InlineData(false, 0, 30, 5, 0)]
    public void Points_reward_right_fast_and_in_a_row(bool correct, int takenSeconds, int openSeconds, int streak, int expected)
    {
        Assert.Equal(expected, QuizScoring.Points(correct, TimeSpan.FromSeconds(takenSeconds), TimeSpan.FromSeconds(openSeconds), streak));
    }

    [Fact]
    public void A_streak_counts_the_rounds_right_just_before()
    {
        Assert.Equal(1, QuizScoring.Streak(new HashSet<int>(), 4));
        Assert.Equal(4, QuizScoring.Streak(new HashSet<int> { 1, 2, 3 }, 4));
        Assert.Equal(2, QuizScoring.Streak(new HashSet<int> { 1, 3 }, 4));
    }

    [Fact]
    public void No_question_comes_back_before_the_pool_is_exhausted()
    {
        var random = new Random(7);
        var seen = new HashSet<string>();

        for (var i = 0; i < Pool.Count; i++)
        {
            var picked = QuizPicker.Pick(Pool, seen, random)!;
            Assert.True(seen.Add(picked.Id), $"{picked.Id} came back at pick {i + 1}");
        }

        Assert.Null(QuizPicker.Pick(Pool, seen, random));
    }

    [Fact]
    public void Kinds_come_in_turn_rather_than_in_proportion_to_the_pool()
    {
        var random = new Random(11);

        var kinds = Enumerable.Range(0, 4000).Select(_ => QuizPicker.Pick(Pool, new HashSet<string>(), random)!.Kind).CountBy(k => k).ToDictionary();

        // 30 of the 34 questions are "which persona?", yet each kind comes about a quarter of the time.
        Assert.All(Enum.GetValues<QuizKind>(), k => Assert.InRange(kinds[k], 850, 1150));
    }

    [Fact]
    public void Solo_practice_comes_back_to_the_personas_a_player_gets_wrong()
    {
        var random = new Random(3);
        var results = new Dictionary<string, (int Right, int Wrong)> { ["p0"] = (8, 0), ["p1"] = (0, 4), ["p2"] = (4, 0) };

        var personas = Enumerable.Range(0, 3000).Select(_ => QuizPicker.Pick(Pool, new HashSet<string>(), random, results)!.PersonaId).CountBy(p => p).ToDictionary();

        // Weights: p0 1/9, p1 13, p2 1/5: the weak persona comes almost every time, the others still now and then.
        Assert.True(personas["p1"] > 2700, $"p1 came {personas["p1"]} times");
        Assert.True(personas.GetValueOrDefault("p0") + personas.GetValueOrDefault("p2") > 0);
    }
}
