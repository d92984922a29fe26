using Microsoft.Extensions.Configuration;

namespace CultureBot.Host.Cli;

/// <summary>
/// The same configuration sources commands see as the server: appsettings beside the executable, environment, and the
/// <c>--Section:Key=value</c> settings of the command line (taken out of it once, by <see cref="CultureBotCommandLine"/>).
/// </summary>
internal static class HostConfiguration
{
    private static readonly AsyncLocal<IReadOnlyList<string>> CommandLineSettings = new();

    /// <summary>The settings of the command line being run, as <c>--Key=value</c>; they flow to its command's action.</summary>
    public static IReadOnlyList<string> Settings
    {
        get => CommandLineSettings.Value ?? [];
        set => CommandLineSettings.Value = value;
    }

    public static IConfiguration Build()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. Settings])
            .Build();
    }
}
