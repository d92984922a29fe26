using CultureBot.Core.Personas;

namespace CultureBot.Host.Web;

/// <summary>Reads the persona packs when the host starts, not at the first message: a malformed pack stops the start.</summary>
internal sealed class PersonaPackCheck(PersonaDirectory directory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(directory.Packs.Count);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
