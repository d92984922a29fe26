using System.Runtime.CompilerServices;
using CultureBot.Core.Personas;
using CultureBot.Core.Verbatims;

namespace CultureBot.Core.Quiz;

/// <summary>
/// The questions of each pack, generated once per pack version and per count of verbatims (a new import adds
/// "who said this?" questions), looked up by id when a round closes or an answer comes in.
/// </summary>
public sealed class QuizPool(IVerbatimStore verbatims)
{
    private readonly ConditionalWeakTable<PersonaPack, Entry> _cache = [];

    public async Task<IReadOnlyList<QuizQuestion>> QuestionsAsync(PersonaPack pack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var count = await verbatims.CountAsync(cancellationToken);
        if (_cache.TryGetValue(pack, out var entry) && entry.VerbatimCount == count)
        {
            return entry.Questions;
        }

        var said = await verbatims.ListAsync(pack.Language.Split('-')[0], DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        entry = new Entry(count, QuizGenerator.Generate(pack, said));
        _cache.AddOrUpdate(pack, entry);
        return entry.Questions;
    }

    private sealed record Entry(int VerbatimCount, IReadOnlyList<QuizQuestion> Questions);
}
