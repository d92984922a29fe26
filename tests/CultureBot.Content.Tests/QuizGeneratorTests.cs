using CultureBot.Content.Verbatims;
using CultureBot.Core.Personas;
using CultureBot.Core.Personas.Matching;
using CultureBot.Core.Quiz;
using CultureBot.Core.Verbatims;
using CultureBot.Testing;

namespace CultureBot.Content.Tests;

/// <summary>Every question a pack can produce has exactly one defensible answer, on the sample packs and on the public eval pack.</summary>
public class QuizGeneratorTests
{
    public static TheoryData<string, string?> Packs => new()
    {
        { Path.Combine(AppContext.BaseDirectory, "TestData", "palmes-et-rando.pack.yaml"), null },
        { Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.fr.yaml"), Path.Combine(PeerTools.RepoRoot, "content", "verbatims", "velo-vert.fr.csv") },
        { Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.en.yaml"), Path.Combine(PeerTools.RepoRoot, "content", "verbatims", "velo-vert.en.csv") },
    };

    private static (PersonaPack Pack, IReadOnlyList<Verbatim> Verbatims) Load(string pack, string? verbatims)
    {
        var read = PackReader.ReadFile(pack).Pack;
        if (verbatims is null)
        {
            return (read, []);
        }

        using var stream = File.OpenRead(verbatims);
        return (read, VerbatimCsvReader.Read(stream, verbatims, null, read.Language).Verbatims);
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Every_question_has_exactly_one_defensible_answer(string packFile, string? verbatimFile)
    {
        var (pack, verbatims) = Load(packFile, verbatimFile);

        var questions = QuizGenerator.Generate(pack, verbatims);

        Assert.NotEmpty(questions);
        foreach (var question in questions)
        {
            var persona = pack.Find(question.PersonaId)!;
            Assert.InRange(question.Options.Count, QuizGenerator.MinOptions, QuizGenerator.MaxOptions);
            Assert.InRange(question.Answer, 0, question.Options.Count - 1);
            Assert.Equal(question.Options.Count, question.Options.Select(Fold).Distinct().Count());
            Assert.NotEmpty(question.Explanation);
            var distractors = question.Options.Where((_, i) => i != question.Answer).ToList();
            if (question.Kind is QuizKind.WhoSaidThis or QuizKind.WhichPersona)
            {
                // The words come from the right persona (sheet or attributed verbatim), and from no distractor's sheet.
                Assert.Equal(persona.Name, question.Options[question.Answer]);
                Assert.True(SaidBy(persona, question.Subject) || verbatims.Any(v => v.PersonaId == persona.Id && v.Text == question.Subject), question.Subject);
                foreach (var other in distractors.Select(name => pack.Personas.Single(p => p.Name == name)))
                {
                    Assert.False(WouldFit(question.Subject, other), $"{question.Id}: “{question.Subject}” would fit {other.Name} too");
                }
            }
            else
            {
                // The right statement is the persona's own; no distractor would fit them.
                Assert.True(SaidBy(persona, question.Options[question.Answer]), question.Options[question.Answer]);
                Assert.Equal(persona.Name, question.Subject);
                foreach (var distractor in distractors)
                {
                    Assert.False(SaidBy(persona, distractor));
                    Assert.False(WouldFit(distractor, persona), $"{question.Id}: “{distractor}” would fit {persona.Name} too");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void A_pack_produces_all_four_kinds_with_stable_ids_and_answers_not_always_in_one_place(string packFile, string? verbatimFile)
    {
        var (pack, verbatims) = Load(packFile, verbatimFile);

        var first = QuizGenerator.Generate(pack, verbatims);
        var again = QuizGenerator.Generate(pack, verbatims);

        Assert.Equal(Enum.GetValues<QuizKind>().Order(), first.Select(q => q.Kind).Distinct().Order());
        Assert.Equal(first.Select(q => (q.Id, q.Answer, string.Join("|", q.Options))), again.Select(q => (q.Id, q.Answer, string.Join("|", q.Options))));
        Assert.Equal(first.Count, first.Select(q => q.Id).Distinct().Count());
        Assert.True(first.Select(q => q.Answer).Distinct().Count() >= 3, "the right answer sits in at least three different places");
    }

    [Fact]
    public void A_distractor_that_would_fit_the_persona_is_never_offered_and_a_question_without_enough_options_is_dropped()
    {
        var pack = new PersonaPack
        {
            Slug = "tiny",
            Personas =
            [
                new Persona { Id = "a", Name = "Alice", Irritants = ["Hidden fees on the invoice"], Expectations = ["A quick answer by phone"] },
                new Persona { Id = "b", Name = "Bruno", Expectations = ["No hidden fees"], Irritants = ["Queues in store"] },
                new Persona { Id = "c", Name = "Chloé", Irritants = ["Unreadable contracts"], Expectations = ["Advice from an expert"] },
                new Persona { Id = "d", Name = "Denis", Irritants = ["Pushy salespeople"], Expectations = ["Fees stated upfront, hidden ones never"] },
                new Persona { Id = "e", Name = "Eva", Irritants = ["Late deliveries"], Expectations = ["Delivery on Saturdays"] },
            ],
        };

        var questions = QuizGenerator.Generate(pack);

        var fees = Assert.Single(questions, q => q.Kind == QuizKind.WhichPersona && q.Subject == "Hidden fees on the invoice");
        Assert.Equal(["Alice", "Chloé", "Eva"], fees.Options.Order());

        // "No hidden fees" fits Alice and Denis too: Chloé and Eva remain, just enough for a fair question.
        var noFees = Assert.Single(questions, q => q.Kind == QuizKind.WhichPersona && q.Subject == "No hidden fees");
        Assert.Equal(["Bruno", "Chloé", "Eva"], noFees.Options.Order());

        // "Late deliveries" would fit no one else, "Delivery on Saturdays" neither: four options each.
        Assert.Equal(4, Assert.Single(questions, q => q.Subject == "Late deliveries").Options.Count);

        // Without Eva, "No hidden fees" is left with one distractor: dropped, not asked with a giveaway.
        var withoutEva = QuizGenerator.Generate(pack with { Personas = [.. pack.Personas.Where(p => p.Id != "e")] });
        Assert.DoesNotContain(withoutEva, q => q.Subject == "No hidden fees");
        Assert.All(questions.Where(q => q.Kind == QuizKind.WhatDoesXExpect && q.PersonaId == "b"), q => Assert.DoesNotContain("Fees stated upfront, hidden ones never", q.Options));
    }

    private static string Fold(string text) => TextAnalyzer.Fold(text).Trim();

    private static IEnumerable<string> Sheet(Persona p) =>
        new[] { p.Tagline, p.Role, p.Profile, p.PurchaseProcess, p.Purchases, p.Usages, p.Verbatim, p.Promise, p.Posture }.OfType<string>()
            .Concat(p.Values).Concat(p.Channels).Concat(p.Expectations).Concat(p.Delights).Concat(p.Irritants).Concat(p.SectorRubrics.Select(r => r.Value));

    private static bool SaidBy(Persona persona, string text) => Sheet(persona).Contains(text);

    /// <summary>
    /// The test's own judgement, written apart from the generator's: words would fit a persona when, taken whole or
    /// sentence by sentence, at least half of their content words appear in one line of the persona's sheet.
    /// </summary>
    private static bool WouldFit(string words, Persona persona)
    {
        var pieces = new[] { words }.Concat(words.Split('.', '!', '?', ';', ':', '\n')).Select(s => TextAnalyzer.Terms(s).ToHashSet()).Where(s => s.Count > 0);
        var lines = Sheet(persona).SelectMany(l => l.Split('.', '!', '?', ';', ':', '\n')).Select(l => TextAnalyzer.Terms(l).ToHashSet()).ToList();
        return pieces.Any(piece => lines.Any(line => piece.Count(line.Contains) * 2 >= piece.Count));
    }
}
