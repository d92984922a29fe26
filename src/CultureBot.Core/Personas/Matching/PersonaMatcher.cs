namespace CultureBot.Core.Personas.Matching;

/// <summary>
/// "Which persona fits this customer?", offline and explained. Each persona is a weighted bag of stems from its
/// sheet's rubrics and from the key-question answers that point to it; a description is scored against every
/// persona with BM25 (terms shared by all personas weigh little, rare ones a lot), stems that only share a
/// 5-letter prefix count half. Nothing is tuned to one pack's words: rubric weights are the only constants.
/// </summary>
public sealed class PersonaMatcher
{
    private const double K1 = 1.2;
    private const double B = 0.5;
    private const double PrefixMatchWeight = 0.5;

    /// <summary>How much a shared concept counts in the persona's index, next to a shared word (1).</summary>
    private const double ConceptWeight = 0.6;

    /// <summary>How much each rubric counts. Customer-facing rubrics (what they do, expect, dislike) count most.</summary>
    private static readonly (string Rubric, double Weight)[] RubricWeights =
    [
        ("tagline", 1.5), ("profile", 1.0), ("values", 1.0), ("purchase_process", 1.2), ("channels", 1.0), ("purchases", 1.0),
        ("usages", 1.0), ("expectations", 1.3), ("delights", 1.2), ("irritants", 1.3), ("verbatim", 1.2), ("promise", 0.5),
        ("posture", 0.6), ("sector_rubrics", 1.0), ("role", 1.0), ("questions", 1.0),
    ];

    private readonly PersonaPack _pack;
    private readonly PersonaIndex[] _personas;
    private readonly Dictionary<string, double> _idf;
    private readonly Dictionary<string, (int Persona, double Weight)[]> _postings;
    private readonly Dictionary<string, List<string>> _byPrefix;
    private readonly double _averageLength;

    public PersonaMatcher(PersonaPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _pack = pack;
        _personas = [.. pack.Personas.Select(p => PersonaIndex.Build(p, pack.Questions))];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in _personas.SelectMany(p => p.Weights.Keys))
        {
            documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }

        var n = _personas.Length;
        _idf = documentFrequency.ToDictionary(p => p.Key, p => Math.Log(1 + ((n - p.Value + 0.5) / (p.Value + 0.5))), StringComparer.Ordinal);
        _byPrefix = documentFrequency.Keys.Where(t => t.Length >= 5).GroupBy(t => t[..5]).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _averageLength = _personas.Length == 0 ? 1 : Math.Max(1, _personas.Average(p => p.Length));
        _postings = documentFrequency.Keys.ToDictionary(
            term => term,
            term => _personas
                .Select((p, i) => (Persona: i, Found: p.Weights.TryGetValue(term, out var tf), Tf: tf, p.Length))
                .Where(p => p.Found)
                .Select(p => (p.Persona, _idf[term] * p.Tf * (K1 + 1) / (p.Tf + (K1 * (1 - B + (B * p.Length / _averageLength))))))
                .ToArray(),
            StringComparer.Ordinal);
    }

    public PersonaPack Pack => _pack;

    /// <summary>All personas ranked for <paramref name="description"/>, best first, with confidences summing to 1 when anything matched.</summary>
    public MatchResult Match(string description)
    {
        // Scores from the inverted index (term → personas with their BM25 weight); evidence only for the three shown.
        var query = QueryTerms(description);
        var scores = new double[_personas.Length];
        foreach (var term in query.Keys)
        {
            foreach (var (candidate, factor) in Candidates(term))
            {
                foreach (var (persona, weight) in _postings[candidate])
                {
                    scores[persona] += factor * weight;
                }
            }
        }

        var order = Enumerable.Range(0, _personas.Length)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => _personas[i].Persona.Name, StringComparer.Ordinal)
            .ToArray();
        var total = scores.Sum();
        var ranked = new List<PersonaMatch>(order.Length);
        foreach (var (index, rank) in order.Select((index, rank) => (index, rank)))
        {
            var evidence = rank < 3 && scores[index] > 0 ? Evidence(_personas[index], query, description) : [];
            ranked.Add(new PersonaMatch(_personas[index].Persona, scores[index], total > 0 ? scores[index] / total : 0, evidence));
        }

        return new MatchResult(ranked, DiscriminatingQuestion(ranked));
    }

    /// <summary>
    /// Which rubric of the persona matched which of the description's words (as the user typed them), strongest rubric
    /// first; only words that tell personas apart.
    /// </summary>
    private List<MatchEvidence> Evidence(PersonaIndex persona, Dictionary<string, HashSet<string>> query, string description)
    {
        var byRubric = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (term, words) in query)
        {
            foreach (var (candidate, _) in Candidates(term))
            {
                // A word every persona's sheet has (the pack's own subject: "vélo" in a bike shop's pack) tells no persona apart.
                if (_postings[candidate].Length == _personas.Length && _personas.Length > 1)
                {
                    continue;
                }

                if (persona.BestRubric.TryGetValue(candidate, out var rubric))
                {
                    if (!byRubric.TryGetValue(rubric, out var set))
                    {
                        byRubric[rubric] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    }

                    set.UnionWith(words);
                }
            }
        }

        // The words in the order the user wrote them ("second hand", not "hand, second").
        var order = TextAnalyzer.Tokens(description).Select(t => t.AsTyped).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select((word, index) => (word, index)).ToDictionary(w => w.word, w => w.index, StringComparer.OrdinalIgnoreCase);
        return [.. byRubric.OrderByDescending(e => e.Value.Count).Select(e => new MatchEvidence(e.Key, [.. e.Value.OrderBy(w => order[w])]))];
    }

    /// <summary>
    /// When the first two are close (the second has at least 70 % of the first's score), the key question whose
    /// answers separate them best: the largest total difference between their evidence weights.
    /// </summary>
    private KeyQuestion? DiscriminatingQuestion(List<PersonaMatch> ranked)
    {
        if (ranked.Count < 2 || ranked[0].Score <= 0 || ranked[1].Score < 0.7 * ranked[0].Score || _pack.Questions.Count == 0)
        {
            return null;
        }

        var (first, second) = (ranked[0].Persona.Id, ranked[1].Persona.Id);
        var best = _pack.Questions
            .Select(q => (Question: q, Separation: q.Answers.Sum(a => Math.Abs(a.Weights.GetValueOrDefault(first) - a.Weights.GetValueOrDefault(second)))))
            .OrderByDescending(q => q.Separation)
            .First();
        return best.Separation > 0 ? best.Question : null;
    }

    /// <summary>The description's stems (and their concepts) with the words, as typed, that produced them (for the evidence).</summary>
    private static Dictionary<string, HashSet<string>> QueryTerms(string description)
    {
        var terms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (word, asTyped) in TextAnalyzer.Tokens(description))
        {
            if (TextAnalyzer.Stem(word) is not { } stem)
            {
                continue;
            }

            foreach (var (term, _) in WithConcept(stem))
            {
                if (!terms.TryGetValue(term, out var words))
                {
                    terms[term] = words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                words.Add(asTyped);
            }
        }

        return terms;
    }

    /// <summary>A stem, and its customer-experience concept at a lower weight when it has one.</summary>
    private static IEnumerable<(string Term, double Factor)> WithConcept(string stem)
    {
        yield return (stem, 1);
        if (ConceptLexicon.ConceptOf(stem) is { } concept)
        {
            yield return (concept, ConceptWeight);
        }
    }

    /// <summary>The term itself, else the pack's terms that share its first five letters, at half weight.</summary>
    private IEnumerable<(string Term, double Factor)> Candidates(string term)
    {
        if (_idf.ContainsKey(term))
        {
            yield return (term, 1);
            yield break;
        }

        if (term.Length >= 5 && _byPrefix.TryGetValue(term[..5], out var similar))
        {
            foreach (var candidate in similar)
            {
                yield return (candidate, PrefixMatchWeight / similar.Count);
            }
        }
    }

    /// <summary>A persona's weighted terms, and for each the rubric that weighs most (to explain a match).</summary>
    private sealed class PersonaIndex
    {
        public required Persona Persona { get; init; }

        public required Dictionary<string, double> Weights { get; init; }

        public required Dictionary<string, string> BestRubric { get; init; }

        public double Length { get; init; }

        public static PersonaIndex Build(Persona persona, IReadOnlyList<KeyQuestion> questions)
        {
            var counts = new Dictionary<string, double>(StringComparer.Ordinal);
            var best = new Dictionary<string, (string Rubric, double Weight)>(StringComparer.Ordinal);
            void Add(string rubric, string? text, double factor = 1)
            {
                var weight = RubricWeights.First(r => r.Rubric == rubric).Weight * factor;
                foreach (var stem in TextAnalyzer.Terms(text))
                {
                    foreach (var (term, share) in WithConcept(stem))
                    {
                        counts[term] = counts.GetValueOrDefault(term) + (weight * share);
                        if (!best.TryGetValue(term, out var current) || current.Weight < weight * share)
                        {
                            best[term] = (rubric, weight * share);
                        }
                    }
                }
            }

            Add("tagline", persona.Tagline);
            Add("profile", persona.Profile);
            Add("values", string.Join(". ", persona.Values));
            Add("purchase_process", persona.PurchaseProcess);
            Add("channels", string.Join(". ", persona.Channels));
            Add("purchases", persona.Purchases);
            Add("usages", persona.Usages);
            Add("expectations", string.Join(". ", persona.Expectations));
            Add("delights", string.Join(". ", persona.Delights));
            Add("irritants", string.Join(". ", persona.Irritants));
            Add("verbatim", persona.Verbatim);
            Add("promise", persona.Promise);
            Add("posture", persona.Posture);
            Add("role", persona.Role);
            foreach (var (title, text) in persona.SectorRubrics)
            {
                Add("sector_rubrics", title + ". " + text);
            }

            foreach (var question in questions)
            {
                var max = question.Answers.SelectMany(a => a.Weights.Values).DefaultIfEmpty(1).Max();
                foreach (var answer in question.Answers.Where(a => a.Weights.GetValueOrDefault(persona.Id) > 0))
                {
                    Add("questions", answer.Text, answer.Weights[persona.Id] / Math.Max(1, max));
                }
            }

            // Sublinear term frequency: a word repeated across rubrics counts, but not linearly.
            var weights = counts.ToDictionary(c => c.Key, c => 1 + Math.Log(1 + c.Value), StringComparer.Ordinal);
            return new PersonaIndex
            {
                Persona = persona,
                Weights = weights,
                BestRubric = best.ToDictionary(b => b.Key, b => b.Value.Rubric, StringComparer.Ordinal),
                Length = weights.Values.Sum(),
            };
        }
    }
}

/// <summary>The ranking, and the key question to ask when the first two are too close to call.</summary>
public sealed record MatchResult(IReadOnlyList<PersonaMatch> Ranked, KeyQuestion? DiscriminatingQuestion);

/// <param name="Confidence">The persona's share of all scores, 0 to 1.</param>
/// <param name="Evidence">Which rubric of the sheet matched which words of the description, strongest first.</param>
public sealed record PersonaMatch(Persona Persona, double Score, double Confidence, IReadOnlyList<MatchEvidence> Evidence);

/// <summary>A rubric (as in the pack format: irritants, purchase_process...) and the description's words it matched, as typed.</summary>
public sealed record MatchEvidence(string Rubric, IReadOnlyList<string> Words);
