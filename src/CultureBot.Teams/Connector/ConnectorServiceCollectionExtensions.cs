using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Client;

namespace CultureBot.Teams.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>The connector client (typed HttpClient with its retry pipeline) and the token provider.</summary>
    public static IServiceCollection AddTeamsConnector(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ConnectorRetryOptions>();
        services.AddHttpClient(MsalHttpClientFactory.ClientName);
        services.TryAddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        // Retries and per-attempt timeouts are the pipeline's; the HttpClient's own timeout only bounds a runaway call.
        services.AddHttpClient<IConnectorClient, ConnectorClient>(client => client.Timeout = TimeSpan.FromMinutes(5));
        return services;
    }
}
