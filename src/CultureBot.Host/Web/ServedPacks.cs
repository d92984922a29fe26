using CultureBot.Content;
using CultureBot.Core.Personas;
using CultureBot.Host.Onboarding;
using CultureBot.Studio.Personas;

namespace CultureBot.Host.Web;

/// <summary>
/// The packs this host serves: every stored pack read again, the configured onboarding journeys read against them,
/// then swapped into the <see cref="PersonaDirectory"/> at once. At start (<see cref="PersonaPackLoader"/>) and after
/// each change in the studio, so the next card in chat shows it without a restart.
/// </summary>
internal sealed class ServedPacks(PackImporter importer, PersonaDirectory directory, ConfiguredJourneys journeys) : IServedPacks, IDisposable
{
    // One reload at a time: two changes saved at once must not let the reload that read first swap in last.
    private readonly SemaphoreSlim _reloading = new(1, 1);

    public IReadOnlyList<string> Check(PersonaPack pack) => journeys.ProblemsWith(pack);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var packs = await importer.LoadAllAsync(cancellationToken);
            journeys.Load(packs);
            directory.Replace(packs);
        }
        finally
        {
            _reloading.Release();
        }
    }

    public void Dispose() => _reloading.Dispose();
}
