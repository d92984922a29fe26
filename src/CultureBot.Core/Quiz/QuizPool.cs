using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;
using CultureBot.Core.Verbatims;

namespace CultureBot.Core.Quiz;

/// <summary>
/// The questions of each pack for each organization (its "who said this?" questions come from the verbatims it sees),
/// generated once per pack version and per count of those verbatims (a new import adds questions), looked up by id
/// when a round closes or an answer comes in.
/// </summary>
public sealed class QuizPool(IVerbatimStore verbatims)
{
    private readonly ConditionalWeakTable<PersonaPack, ConcurrentDictionary<OrganizationKey, Entry>> _cache = [];

    public async Task<IReadOnlyList<QuizQuestion>> QuestionsAsync(PersonaPack pack, OrganizationKey organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(organization);
        var byOrganization = _cache.GetOrCreateValue(pack);
        var count = await verbatims.CountAsync(organization, cancellationToken);
        if (byOrganization.TryGetValue(organization, out var entry) && entry.VerbatimCount == count)
        {
            return entry.Questions;
        }

        var said = await verbatims.ListAsync(organization, pack.Language.Split('-')[0], DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        entry = new Entry(count, QuizGenerator.Generate(pack, said));
        byOrganization[organization] = entry;
        return entry.Questions;
    }

    private sealed record Entry(int VerbatimCount, IReadOnlyList<QuizQuestion> Questions);
}
