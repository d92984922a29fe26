using CultureBot.Content;
using CultureBot.Core.Conversations;
using CultureBot.Core.Onboarding;
using CultureBot.Core.Personas;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Onboarding;

/// <summary>
/// The configured journeys (<c>Onboarding:Journeys</c>, by pack slug), read against the packs they belong to each time
/// the packs are loaded: a malformed journey, or one for a pack that is not loaded, stops the host with its file, line
/// and field, as a malformed pack does. A slug may name a default pack and organizations' own packs: the journey is
/// read against each, so each organization's cards name its own personas. Packs without one get the default journey.
/// </summary>
public sealed class ConfiguredJourneys(IOptions<OnboardingOptions> options)
{
    private volatile Dictionary<(OrganizationKey? Owner, string Slug), OnboardingJourney> _byPack = [];

    /// <exception cref="PackFormatException">A journey is malformed or names a pack that is not loaded.</exception>
    public void Load(IReadOnlyList<PersonaPack> packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var journeys = new Dictionary<(OrganizationKey? Owner, string Slug), OnboardingJourney>();
        foreach (var (slug, file) in options.Value.Journeys)
        {
            var named = packs.Where(p => p.Slug == slug).ToList();
            if (named.Count == 0)
            {
                throw new PackFormatException([$"Onboarding:Journeys:{slug}: no pack '{slug}' is loaded (loaded: {string.Join(", ", packs.Select(p => p.Slug).Distinct())})"]);
            }

            foreach (var pack in named)
            {
                journeys[(pack.Owner, slug)] = JourneyReader.ReadFile(file, pack);
            }
        }

        _byPack = journeys;
    }

    /// <summary>What would stop <see cref="Load"/> with <paramref name="pack"/> among the packs (its journey names a persona it no longer has); empty when nothing.</summary>
    public IReadOnlyList<string> ProblemsWith(PersonaPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        if (!options.Value.Journeys.TryGetValue(pack.Slug, out var file))
        {
            return [];
        }

        try
        {
            JourneyReader.ReadFile(file, pack);
            return [];
        }
        catch (PackFormatException e)
        {
            return e.Problems.Count > 0 ? e.Problems : [e.Message];
        }
    }

    public OnboardingJourney? For(PersonaPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return _byPack.GetValueOrDefault((pack.Owner, pack.Slug));
    }
}
