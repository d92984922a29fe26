using CultureBot.Content;
using CultureBot.Core.Onboarding;
using CultureBot.Core.Personas;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Onboarding;

/// <summary>
/// The organization's own journeys (<c>Onboarding:Journeys</c>), read against the packs they belong to each time the
/// packs are loaded: a malformed journey, or one for a pack that is not loaded, stops the host with its file, line and
/// field, as a malformed pack does. Packs without one get the default journey.
/// </summary>
public sealed class ConfiguredJourneys(IOptions<OnboardingOptions> options)
{
    private volatile Dictionary<string, OnboardingJourney> _bySlug = [];

    /// <exception cref="PackFormatException">A journey is malformed or names a pack that is not loaded.</exception>
    public void Load(IReadOnlyList<PersonaPack> packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var journeys = new Dictionary<string, OnboardingJourney>(StringComparer.Ordinal);
        foreach (var (slug, file) in options.Value.Journeys)
        {
            var pack = packs.FirstOrDefault(p => p.Slug == slug)
                ?? throw new PackFormatException([$"Onboarding:Journeys:{slug}: no pack '{slug}' is loaded (loaded: {string.Join(", ", packs.Select(p => p.Slug))})"]);
            journeys[slug] = JourneyReader.ReadFile(file, pack);
        }

        _bySlug = journeys;
    }

    public OnboardingJourney? For(PersonaPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return _bySlug.GetValueOrDefault(pack.Slug);
    }
}
