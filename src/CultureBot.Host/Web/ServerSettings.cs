using Microsoft.Extensions.Configuration.Memory;

namespace CultureBot.Host.Web;

/// <summary>Where the server reads its settings from, and the logging it starts with when they say nothing.</summary>
internal static class ServerSettings
{
    /// <summary>
    /// The content root is the executable's folder, not the working directory: a service started elsewhere
    /// (<c>cd / &amp;&amp; dotnet /opt/culturebot/culturebot.dll</c>) reads the <c>appsettings.json</c> beside it, as the
    /// commands do; <c>dotnet run</c> reads the project's, copied there by the build. <c>--contentRoot</c> or
    /// <c>ASPNETCORE_CONTENTROOT</c> still choose another.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var chosen = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        // The application is culturebot whoever runs it (a test process is named testhost): the studio's static web assets
        // are found through culturebot's manifests.
        return new WebApplicationOptions { Args = args, ContentRootPath = chosen ? null : AppContext.BaseDirectory, ApplicationName = typeof(ServerSettings).Assembly.GetName().Name };
    }

    /// <summary>The per-request log lines of ASP.NET Core (hosting, routing): four a request, off unless asked for.</summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore";

    /// <summary>
    /// Outside Development, <see cref="RequestLogCategory"/> logs warnings and above when no setting says otherwise: under
    /// load its four lines a request cost disk and throughput. Added first, so that appsettings, the environment and the
    /// command line (<c>--Logging:LogLevel:Microsoft.AspNetCore=Information</c>) all override it.
    /// </summary>
    public static void QuietRequests(ConfigurationManager configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        var sources = (IList<IConfigurationSource>)((IConfigurationBuilder)configuration).Sources;
        sources.Insert(0, new MemoryConfigurationSource { InitialData = [new($"Logging:LogLevel:{RequestLogCategory}", "Warning")] });
    }
}
