namespace CultureBot.Core.Quiz;

/// <summary>Chooses the next question: never one the conversation has seen in this pass over the pool.</summary>
public static class QuizPicker
{
    /// <summary>
    /// A question not in <paramref name="seen"/> and not hidden, or null when the pool is exhausted (the caller starts a new pass).
    /// Kinds come in turn with equal chances (a pack has many more situations than personas); in solo practice,
    /// <paramref name="results"/> (right and wrong answers by persona) makes the personas a player gets wrong come back
    /// more often: weight (1 + 3 × wrong) / (1 + right).
    /// </summary>
    public static QuizQuestion? Pick(
        IReadOnlyList<QuizQuestion> pool, IReadOnlySet<string> seen, Random random, IReadOnlyDictionary<string, (int Right, int Wrong)>? results = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(random);
        var fresh = pool.Where(q => !q.Hidden && !seen.Contains(q.Id)).ToList();
        if (fresh.Count == 0)
        {
            return null;
        }

        if (results is not null)
        {
            var personas = fresh.Select(q => q.PersonaId).Distinct(StringComparer.Ordinal).ToList();
            var weights = personas.Select(p => results.TryGetValue(p, out var r) ? (1.0 + (3 * r.Wrong)) / (1 + r.Right) : 1.0).ToList();
            var persona = personas[Weighted(weights, random)];
            fresh = [.. fresh.Where(q => q.PersonaId == persona)];
        }

        var kinds = fresh.Select(q => q.Kind).Distinct().Order().ToList();
        var kind = kinds[random.Next(kinds.Count)];
        var ofKind = fresh.Where(q => q.Kind == kind).ToList();
        return ofKind[random.Next(ofKind.Count)];
    }

    private static int Weighted(List<double> weights, Random random)
    {
        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}
