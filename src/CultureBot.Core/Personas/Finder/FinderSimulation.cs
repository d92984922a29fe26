namespace CultureBot.Core.Personas.Finder;

/// <summary>
/// Measures the guided finder as people use it. For each persona, customers answer as its sheet says (the answer
/// weighing most for it, or "I don't know"), except that each answer is, with probability <c>noise</c>, another one:
/// people guess, or the customer sits between two personas. When the result is wrong they say "not this one" (at most
/// <c>maxRejections</c> times) and answer on. Deterministic for a seed.
/// </summary>
public static class FinderSimulation
{
    /// <param name="RightFirst">Share of runs whose first result was the right persona.</param>
    /// <param name="Right">Share of runs that ended on the right persona, "not this one" included.</param>
    /// <param name="Questions">Questions answered per run, on average.</param>
    /// <param name="Rejections">"Not this one" per run, on average.</param>
    public sealed record Outcome(int Runs, double RightFirst, double Right, double Questions, double Rejections);

    public static Outcome Run(PersonaPack pack, double noise, int runsPerPersona, int maxRejections, int seed)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var finder = new GuidedFinder(pack);
        var random = new Random(seed);
        int runs = 0, rightFirst = 0, right = 0, questions = 0, rejections = 0;
        foreach (var persona in pack.Personas)
        {
            for (var run = 0; run < runsPerPersona; run++)
            {
                var state = FinderState.Empty;
                var step = finder.Next(state);
                var rejected = 0;
                while (true)
                {
                    while (!step.Done)
                    {
                        var question = step.NextQuestion!;
                        state = state.With(question.Id, Answer(question, persona.Id, noise, random));
                        step = finder.Next(state);
                        questions++;
                    }

                    var found = step.Ranking[0].Persona.Id == persona.Id;
                    rightFirst += found && rejected == 0 ? 1 : 0;
                    if (found || rejected == maxRejections || step.Ranking.Count < 2)
                    {
                        right += found ? 1 : 0;
                        break;
                    }

                    state = state.Reject(step.Ranking[0].Persona.Id);
                    step = finder.Next(state, keepAsking: true);
                    rejected++;
                }

                rejections += rejected;
                runs++;
            }
        }

        return new Outcome(runs, (double)rightFirst / runs, (double)right / runs, (double)questions / runs, (double)rejections / runs);
    }

    /// <summary>The sheet's answer for <paramref name="personaId"/>, or with probability <paramref name="noise"/> another one.</summary>
    private static int Answer(KeyQuestion question, string personaId, double noise, Random random)
    {
        var (index, weight) = question.Answers.Select((a, i) => (i, a.Weights.GetValueOrDefault(personaId))).MaxBy(a => a.Item2);
        var sheet = weight > 0 ? index : -1;
        if (random.NextDouble() >= noise)
        {
            return sheet;
        }

        var others = Enumerable.Range(0, question.Answers.Count).Where(i => i != sheet).ToList();
        return others[random.Next(others.Count)];
    }
}
