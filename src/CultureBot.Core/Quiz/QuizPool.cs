using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;
using CultureBot.Core.Verbatims;

namespace CultureBot.Core.Quiz;

/// <summary>
/// The questions of each pack for each organization (its "who said this?" questions come from the verbatims it uses),
/// generated once per pack version and per version of those verbatims (an import, an edit or a retirement changes the
/// questions), with the organization's overrides applied (hidden questions flagged, corrected explanations), looked up
/// by id when a round closes or an answer comes in.
/// </summary>
public sealed class QuizPool(IVerbatimStore verbatims, IQuizOverrideStore overrides)
{
    private readonly ConditionalWeakTable<PersonaPack, ConcurrentDictionary<OrganizationKey, Entry>> _cache = [];

    public async Task<IReadOnlyList<QuizQuestion>> QuestionsAsync(PersonaPack pack, OrganizationKey organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(organization);
        var generated = await GeneratedAsync(pack, organization, cancellationToken);

        // Read each time rather than cached: a question hidden in the studio must not be drawn by another host a minute later.
        var changes = await overrides.ListAsync(organization, cancellationToken);
        return changes.Count == 0 ? generated : [.. generated.Select(q => q.With(changes.GetValueOrDefault(q.Id)))];
    }

    private async Task<IReadOnlyList<QuizQuestion>> GeneratedAsync(PersonaPack pack, OrganizationKey organization, CancellationToken cancellationToken)
    {
        var byOrganization = _cache.GetOrCreateValue(pack);
        var version = await verbatims.VersionAsync(organization, cancellationToken);
        if (byOrganization.TryGetValue(organization, out var entry) && entry.VerbatimsVersion == version)
        {
            return entry.Questions;
        }

        var said = await verbatims.ListAsync(organization, pack.Language.Split('-')[0], DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        entry = new Entry(version, QuizGenerator.Generate(pack, said));
        byOrganization[organization] = entry;
        return entry.Questions;
    }

    private sealed record Entry(string VerbatimsVersion, IReadOnlyList<QuizQuestion> Questions);
}
