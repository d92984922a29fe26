using CultureBot.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Cli;

/// <summary>The configured database for a command: the server's settings, the schema brought up to date, and where it is said.</summary>
internal static class CommandDatabase
{
    /// <summary>
    /// The data services on the database the server uses (same settings, same data directory), migrated; the database
    /// and its location are written to stderr first, so that an import into the wrong place is seen at once.
    /// </summary>
    /// <param name="services">What the command adds beside the stores (an importer).</param>
    public static async Task<ServiceProvider> OpenAsync(Action<IServiceCollection>? services, CancellationToken cancellationToken)
    {
        var collection = new ServiceCollection().AddLogging().AddCultureBotData(HostConfiguration.Build());
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        try
        {
            await Console.Error.WriteLineAsync($"database: {provider.GetRequiredService<IOptions<StorageOptions>>().Value.Describe()}");
            await provider.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }
}
