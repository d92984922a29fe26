using System.Security.Cryptography;
using System.Text;
using CultureBot.Core.Bot;
using CultureBot.Core.Personas;
using CultureBot.Core.Verbatims;

namespace CultureBot.Core.Quiz;

/// <summary>
/// Every question a pack (and the verbatims attributed to its personas) can produce, with no question written by hand.
/// A question is kept only when its answer is the one defensible choice: a distractor that would also fit the persona
/// asked about (see <see cref="SheetOverlap.Fits"/>) is never used, and a question left with fewer than three options
/// is dropped rather than asked with a giveaway.
/// </summary>
public static class QuizGenerator
{
    public const int MaxOptions = 4;
    public const int MinOptions = 3;

    public static IReadOnlyList<QuizQuestion> Generate(PersonaPack pack, IEnumerable<Verbatim>? verbatims = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var sheets = pack.Personas.ToDictionary(p => p.Id, p => new SheetOverlap(p), StringComparer.Ordinal);
        var common = sheets.Values.SelectMany(s => s.Terms).CountBy(t => t, StringComparer.Ordinal)
            .Where(t => t.Value * 2 > sheets.Count).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        IEnumerable<QuizEvidence> Supported(Persona persona, string statement) =>
            sheets[persona.Id].Support(statement, common) is { } line ? [line] : [];
        var questions = new List<QuizQuestion>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(QuizQuestion? question)
        {
            if (question is not null && seen.Add(question.Id))
            {
                questions.Add(question);
            }
        }

        foreach (var persona in pack.Personas)
        {
            if (persona.Verbatim is { Length: > 0 } said)
            {
                Add(PersonaQuestion(pack, sheets, QuizKind.WhoSaidThis, null, said, persona, [Tagline(persona), .. Supported(persona, said)]));
            }
        }

        foreach (var verbatim in verbatims ?? [])
        {
            if (verbatim.PersonaId is { } id && pack.Find(id) is { } persona && SameLanguage(verbatim.Language, pack.Language))
            {
                Add(PersonaQuestion(pack, sheets, QuizKind.WhoSaidThis, null, verbatim.Text, persona, [Tagline(persona), .. Supported(persona, verbatim.Text)]));
            }
        }

        foreach (var persona in pack.Personas)
        {
            foreach (var (rubric, items) in Situations(persona))
            {
                foreach (var item in items)
                {
                    Add(PersonaQuestion(pack, sheets, QuizKind.WhichPersona, rubric, item, persona, [Tagline(persona), new(rubric, item), .. Supported(persona, item)]));
                }
            }
        }

        foreach (var persona in pack.Personas)
        {
            foreach (var expectation in persona.Expectations)
            {
                var others = pack.Personas.Where(p => p.Id != persona.Id).SelectMany(p => p.Expectations);
                Add(StatementQuestion(pack, sheets[persona.Id], QuizKind.WhatDoesXExpect, persona, expectation, others,
                    [new("personaExpectations", string.Join(" · ", persona.Expectations))]));
            }

            if (persona.Posture is { Length: > 0 } posture)
            {
                var others = pack.Personas.Where(p => p.Id != persona.Id && !string.IsNullOrWhiteSpace(p.Posture)).Select(p => p.Posture!);
                Add(StatementQuestion(pack, sheets[persona.Id], QuizKind.HowToTalkTo, persona, posture, others,
                    persona.Promise is { Length: > 0 } promise ? [new("personaPosture", posture), new("personaPromise", promise)] : [new("personaPosture", posture)]));
            }
        }

        return questions;
    }

    /// <summary>The situations a "which persona?" question can start from: irritants, expectations, the purchase habit.</summary>
    private static IEnumerable<(string Rubric, IEnumerable<string> Items)> Situations(Persona persona)
    {
        yield return ("personaIrritants", persona.Irritants);
        yield return ("personaExpectations", persona.Expectations);
        if (persona.PurchaseProcess is { Length: > 0 } process)
        {
            yield return ("personaPurchaseProcess", [process]);
        }
    }

    /// <summary>Words or a situation → which persona: the others are candidates unless the words would fit them too.</summary>
    private static QuizQuestion? PersonaQuestion(
        PersonaPack pack, Dictionary<string, SheetOverlap> sheets, QuizKind kind, string? rubric, string subject, Persona persona, IReadOnlyList<QuizEvidence> explanation)
    {
        var id = QuestionId(kind, pack.Slug, persona.Id, subject);
        if (!SheetOverlap.HasContent(subject))
        {
            return null;
        }

        var distractors = pack.Personas
            .Where(p => p.Id != persona.Id && !sheets[p.Id].Fits(subject))
            .OrderBy(p => Hash(id + "\u001f" + p.Id), StringComparer.Ordinal)
            .Take(MaxOptions - 1)
            .Select(p => p.Name)
            .ToList();
        return Question(id, kind, pack.Slug, rubric, subject, persona, persona.Name, distractors, explanation);
    }

    /// <summary>A persona → the statement that is theirs: other personas' statements are candidates unless they would fit this persona too.</summary>
    private static QuizQuestion? StatementQuestion(
        PersonaPack pack, SheetOverlap sheet, QuizKind kind, Persona persona, string right, IEnumerable<string> others, IReadOnlyList<QuizEvidence> explanation)
    {
        var id = QuestionId(kind, pack.Slug, persona.Id, right);
        var distractors = new List<string>();
        foreach (var candidate in others.Distinct(StringComparer.Ordinal).OrderBy(o => Hash(id + "\u001f" + o), StringComparer.Ordinal))
        {
            // Two options that say the same thing would be two right answers, or a free elimination.
            if (distractors.Count < MaxOptions - 1 && SheetOverlap.HasContent(candidate) && !sheet.Fits(candidate)
                && !distractors.Append(right).Any(o => SheetOverlap.Similar(o, candidate)))
            {
                distractors.Add(candidate);
            }
        }

        return Question(id, kind, pack.Slug, null, persona.Name, persona, right, distractors, explanation);
    }

    private static QuizQuestion? Question(
        string id, QuizKind kind, string pack, string? rubric, string subject, Persona persona, string right, List<string> distractors, IReadOnlyList<QuizEvidence> explanation)
    {
        if (distractors.Count + 1 < MinOptions)
        {
            return null;
        }

        // The right answer's place comes from the question's id: stable, and not always first.
        var options = new List<string>(distractors);
        var answer = (int)(Convert.ToUInt32(Hash(id)[..8], 16) % (uint)(options.Count + 1));
        options.Insert(answer, right);
        return new QuizQuestion
        {
            Id = id,
            Kind = kind,
            PackSlug = pack,
            SubjectRubric = rubric,
            Subject = subject,
            PersonaId = persona.Id,
            Options = options,
            Answer = answer,
            Explanation = [.. explanation.Where(e => !string.IsNullOrWhiteSpace(e.Text))],
        };
    }

    private static QuizEvidence Tagline(Persona persona) => new("personaTagline", persona.Tagline is { Length: > 0 } t ? $"{persona.Name} — {t}" : persona.Name);

    private static bool SameLanguage(string a, string b) =>
        string.Equals(a.Split('-')[0], b.Split('-')[0], StringComparison.OrdinalIgnoreCase);

    private static string QuestionId(QuizKind kind, string pack, string persona, string subject) =>
        Hash($"{kind}\u001f{pack}\u001f{persona}\u001f{TextMatching.Fold(subject)}")[..16];

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
