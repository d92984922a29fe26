using CultureBot.Core.Delivery;
using CultureBot.Core.Queue;
using CultureBot.Slack.Adapter;
using CultureBot.Slack.Inbound;
using CultureBot.Slack.Installations;
using CultureBot.Slack.SocketMode;
using CultureBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CultureBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Slack options (validated at start), the Web API client, the inbound queue and its worker, and Socket Mode
    /// when an app-level token is set. Needs the conversation store, the work queue, the installation store,
    /// Data Protection, the router and the card catalog from the host.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();

        services.AddSingleton<SlackRateLimiter>();
        // One long-lived client for the process; pooled connections are renewed so DNS changes are seen.
        services.AddSingleton(sp => new SlackWebApiClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) },
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<SlackRateLimiter>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SlackWorkspaces>();
        services.AddSingleton<SlackUserDirectory>();
        services.AddSingleton<SlackBotAdapter>();
        services.AddSingleton<SlackOAuthFlow>();
        services.AddSingleton<IProactiveSender, SlackProactiveSender>();

        // Always registered; each checks the options when it starts (configuration may be completed after this call).
        services.AddInboundQueue<SlackInbound, SlackInboundPlatform, SlackBotAdapter>();
        services.AddSingleton<SlackSocketModeClient>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackSocketModeClient>());
        return services;
    }
}
