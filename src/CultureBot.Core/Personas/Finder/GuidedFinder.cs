using System.Globalization;

namespace CultureBot.Core.Personas.Finder;

/// <summary>
/// The guided finder: asks the pack's key questions, each time the one with the largest expected information
/// gain, and updates a probability per persona from the answers' evidence weights. It stops when one persona
/// is clearly ahead or no question is left. A persona the user turned down ("not this one") is out of the ranking.
/// Stateless: the answers so far travel in the card (<see cref="FinderState"/>), so a restart, a retry or a second
/// user on the same card loses nothing.
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

    /// <param name="keepAsking">Ask the next question even if one persona is ahead: the user just turned the leader down.</param>
    public Step Next(FinderState state, bool keepAsking = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        var probabilities = Posterior(state);
        var ranking = _pack.Personas.Select((p, i) => (p, probabilities[i]))
            .Where(r => r.Item2 > 0)
            .OrderByDescending(r => r.Item2).ToList();
        var remaining = _pack.Questions.Where(q => !state.Answers.ContainsKey(q.Id) && q.Answers.Count > 1).ToList();
        if (remaining.Count == 0 || (!keepAsking && ranking[0].Item2 >= ConfidentEnough))
        {
            return new Step(ranking, null, Done: true);
        }

        var best = remaining.OrderByDescending(q => InformationGain(q, probabilities)).First();
        return new Step(ranking, best, Done: false);
    }

    /// <summary>
    /// P(persona | answers) with a uniform prior; "I don't know" (-1) tells nothing; a persona turned down is out
    /// (unless every one was: then the refusals are ignored rather than leaving nobody).
    /// </summary>
    private double[] Posterior(FinderState state)
    {
        var everyone = _pack.Personas.All(p => state.Rejected.Contains(p.Id));
        var p = _pack.Personas.Select(persona => !everyone && state.Rejected.Contains(persona.Id) ? 0.0 : 1.0).ToArray();
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

/// <summary>
/// The answers given so far (question id → answer index, -1 for "I don't know") and the personas turned down, carried
/// in the card's buttons.
/// </summary>
public sealed record FinderState(IReadOnlyDictionary<string, int> Answers)
{
    public static FinderState Empty { get; } = new(new Dictionary<string, int>());

    /// <summary>Personas the user said the customer is not, in the order they said it.</summary>
    public IReadOnlyList<string> Rejected { get; init; } = [];

    public FinderState With(string questionId, int answer) =>
        this with { Answers = new Dictionary<string, int>(Answers) { [questionId] = answer } };

    public FinderState Reject(string personaId) =>
        Rejected.Contains(personaId) ? this : this with { Rejected = [.. Rejected, personaId] };

    /// <summary><c>canal=0;niveau=-1;!quentin</c>: short enough for a button's data (Slack allows 2,000 characters, a block id 255).</summary>
    public override string ToString() =>
        string.Join(';', Answers.Select(a => $"{a.Key}={a.Value.ToString(CultureInfo.InvariantCulture)}").Concat(Rejected.Select(r => "!" + r)));

    public static FinderState Parse(string? text)
    {
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        var rejected = new List<string>();
        foreach (var pair in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith('!') && pair.Length > 1 && !rejected.Contains(pair[1..]))
            {
                rejected.Add(pair[1..]);
                continue;
            }

            var parts = pair.Split('=');
            if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var answer))
            {
                answers[parts[0]] = answer;
            }
        }

        return new FinderState(answers) { Rejected = rejected };
    }
}
