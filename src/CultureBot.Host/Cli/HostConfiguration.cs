using Microsoft.Extensions.Configuration;

namespace CultureBot.Host.Cli;

/// <summary>The same configuration sources commands see as the server: appsettings, environment, arguments.</summary>
internal static class HostConfiguration
{
    public static IConfiguration Build(IEnumerable<string> args)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. args])
            .Build();
    }
}
