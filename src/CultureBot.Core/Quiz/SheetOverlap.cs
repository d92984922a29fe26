using CultureBot.Core.Personas;
using CultureBot.Core.Personas.Matching;

namespace CultureBot.Core.Quiz;

/// <summary>
/// Whether some words would also fit a persona: the test that keeps a quiz question to one defensible answer.
/// A statement fits a persona when one of its sentences shares at least half of its content words (stems, case
/// and accents folded, see <see cref="TextAnalyzer"/>) with one line of the persona's sheet — any rubric, since
/// "Hidden fees" is an answer for whoever names "no hidden costs" among their expectations just as much as for
/// whoever lists it as an irritant. Deliberately generous: a doubtful distractor costs a question, a second right
/// answer costs the game's credibility.
/// </summary>
public sealed class SheetOverlap
{
    private readonly List<(string Rubric, string Text, HashSet<string> Terms)> _lines;

    public SheetOverlap(Persona persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        _lines = [.. SheetLines(persona)
            .Where(l => !string.IsNullOrWhiteSpace(l.Text))
            .SelectMany(l => Sentences(l.Text!).Select(s => (l.Rubric, Text: l.Text!, Terms: TermSet(s))))
            .Where(l => l.Terms.Count > 0)];
    }

    public bool Fits(string statement) =>
        Sentences(statement).Select(TermSet).Where(t => t.Count > 0).Any(sentence => _lines.Any(line => Shares(sentence, line.Terms)));

    /// <summary>
    /// The sheet line (other than the statement itself and the tagline, which every explanation starts with) that
    /// shares most content words with it, to explain an answer;
    /// words in <paramref name="common"/> (said of most personas: "bike" in a bike shop's pack) do not count.
    /// </summary>
    public QuizEvidence? Support(string statement, IReadOnlySet<string> common)
    {
        ArgumentNullException.ThrowIfNull(common);
        var terms = TermSet(statement);
        terms.ExceptWith(common);
        return _lines
            .Where(l => l.Text != statement && l.Rubric != "personaTagline")
            .Select(l => (Line: l, Shared: l.Terms.Count(terms.Contains)))
            .Where(l => l.Shared > 0)
            .OrderByDescending(l => l.Shared)
            .Select(l => new QuizEvidence(l.Line.Rubric, l.Line.Text))
            .FirstOrDefault();
    }

    /// <summary>The content words of the whole sheet.</summary>
    public IEnumerable<string> Terms => _lines.SelectMany(l => l.Terms).Distinct(StringComparer.Ordinal);

    /// <summary>Two statements that say nearly the same thing (either one fits the other).</summary>
    public static bool Similar(string a, string b)
    {
        var (x, y) = (TermSet(a), TermSet(b));
        return x.Count > 0 && y.Count > 0 && (Shares(x, y) || Shares(y, x));
    }

    /// <summary>Whether a statement has content words at all (a question about "It's fine." could not be judged).</summary>
    public static bool HasContent(string statement) => TermSet(statement).Count > 0;

    private static bool Shares(HashSet<string> statement, HashSet<string> line) =>
        statement.Count(line.Contains) * 2 >= statement.Count;

    private static HashSet<string> TermSet(string text) => new(TextAnalyzer.Terms(text), StringComparer.Ordinal);

    private static string[] Sentences(string text) =>
        text.Split(['.', '!', '?', ';', ':', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every line of the sheet with its rubric's label key.</summary>
    private static IEnumerable<(string Rubric, string? Text)> SheetLines(Persona p) =>
        new (string, string?)[]
        {
            ("personaTagline", p.Tagline), ("personaRole", p.Role), ("personaProfile", p.Profile), ("personaPurchaseProcess", p.PurchaseProcess),
            ("personaPurchases", p.Purchases), ("personaUsages", p.Usages), ("personaVerbatim", p.Verbatim), ("personaPromise", p.Promise),
            ("personaPosture", p.Posture),
        }
        .Concat(p.Values.Select(v => ("personaValues", (string?)v)))
        .Concat(p.Channels.Select(v => ("personaChannels", (string?)v)))
        .Concat(p.Expectations.Select(v => ("personaExpectations", (string?)v)))
        .Concat(p.Delights.Select(v => ("personaDelights", (string?)v)))
        .Concat(p.Irritants.Select(v => ("personaIrritants", (string?)v)))
        .Concat(p.SectorRubrics.Select(r => (r.Key, (string?)r.Value)));
}
