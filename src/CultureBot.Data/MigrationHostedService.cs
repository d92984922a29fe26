using Microsoft.Extensions.Hosting;

namespace CultureBot.Data;

/// <summary>Brings the schema up to date before the host serves (hosted services start before the server listens).</summary>
internal sealed class MigrationHostedService : IHostedService
{
    private readonly MigrationRunner _runner;

    public MigrationHostedService(MigrationRunner runner) => _runner = runner;

    public Task StartAsync(CancellationToken cancellationToken) => _runner.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
