using System.Globalization;

namespace CultureBot.Core.Personas.Finder;

/// <summary>
/// The guided finder: asks the pack's key questions, each time the one with the largest expected information
/// gain, and updates a probability per persona from the answers' evidence weights. It stops when one persona
/// is clearly ahead or no question is left. Stateless: the answers so far travel in the card (<see cref="FinderState"/>),
/// so a restart, a retry or a second user on the same card loses nothing.
/// </summary>
public sealed class GuidedFinder
{
    /// <summary>Stop once the leader's probability reaches this.</summary>
    public const double ConfidentEnough = 0.75;

    /// <summary>Smoothing added to every answer weight: an answer a persona's sheet does not mention is unlikely, not impossible.</summary>
    private const double Smoothing = 0.3;

    private readonly PersonaPack _pack;

    public GuidedFinder(PersonaPack pack) => _pack = pack ?? throw new ArgumentNullException(nameof(pack));

    /// <summary>Where the finder stands: the probabilities, and the next question or the conclusion.</summary>
    public sealed record Step(IReadOnlyList<(Persona Persona, double Probability)> Ranking, KeyQuestion? NextQuestion, bool Done);

    public Step Next(FinderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var probabilities = Posterior(state);
        var ranking = _pack.Personas.Select((p, i) => (p, probabilities[i])).OrderByDescending(r => r.Item2).ToList();
        var remaining = _pack.Questions.Where(q => !state.Answers.ContainsKey(q.Id) && q.Answers.Count > 1).ToList();
        if (remaining.Count == 0 || ranking[0].Item2 >= ConfidentEnough)
        {
            return new Step(ranking, null, Done: true);
        }

        var best = remaining.OrderByDescending(q => InformationGain(q, probabilities)).First();
        return new Step(ranking, best, Done: false);
    }

    /// <summary>P(persona | answers) with a uniform prior; "I don't know" (-1) tells nothing.</summary>
    private double[] Posterior(FinderState state)
    {
        var p = Enumerable.Repeat(1.0, _pack.Personas.Count).ToArray();
        foreach (var (questionId, answer) in state.Answers)
        {
            var question = _pack.Questions.FirstOrDefault(q => q.Id == questionId);
            if (question is null || answer < 0 || answer >= question.Answers.Count)
            {
                continue;
            }

            for (var i = 0; i < p.Length; i++)
            {
                p[i] *= Likelihood(question, answer, _pack.Personas[i].Id);
            }
        }

        var total = p.Sum();
        return [.. p.Select(x => x / total)];
    }

    /// <summary>P(answer | persona): the answer's weight for the persona among all the question's answers.</summary>
    private static double Likelihood(KeyQuestion question, int answer, string persona)
    {
        var total = question.Answers.Sum(a => a.Weights.GetValueOrDefault(persona) + Smoothing);
        return (question.Answers[answer].Weights.GetValueOrDefault(persona) + Smoothing) / total;
    }

    private double InformationGain(KeyQuestion question, double[] probabilities)
    {
        var expected = 0.0;
        for (var a = 0; a < question.Answers.Count; a++)
        {
            var joint = probabilities.Select((p, i) => p * Likelihood(question, a, _pack.Personas[i].Id)).ToArray();
            var pa = joint.Sum();
            if (pa > 0)
            {
                expected += pa * Entropy(joint.Select(j => j / pa));
            }
        }

        return Entropy(probabilities) - expected;
    }

    private static double Entropy(IEnumerable<double> distribution) =>
        -distribution.Where(p => p > 0).Sum(p => p * Math.Log2(p));
}

/// <summary>The answers given so far (question id → answer index, -1 for "I don't know"), carried in the card's buttons.</summary>
public sealed record FinderState(IReadOnlyDictionary<string, int> Answers)
{
    public static FinderState Empty { get; } = new(new Dictionary<string, int>());

    public FinderState With(string questionId, int answer) =>
        new(new Dictionary<string, int>(Answers) { [questionId] = answer });

    /// <summary><c>canal=0;niveau=-1</c>: short enough for a button's data (Slack allows 2,000 characters).</summary>
    public override string ToString() =>
        string.Join(';', Answers.Select(a => $"{a.Key}={a.Value.ToString(CultureInfo.InvariantCulture)}"));

    public static FinderState Parse(string? text)
    {
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var answer))
            {
                answers[parts[0]] = answer;
            }
        }

        return new FinderState(answers);
    }
}
