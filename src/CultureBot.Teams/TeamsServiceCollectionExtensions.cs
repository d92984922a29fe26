using CultureBot.Core.Delivery;
using CultureBot.Core.Queue;
using CultureBot.Teams.Adapter;
using CultureBot.Teams.Authentication;
using CultureBot.Teams.Configuration;
using CultureBot.Teams.Connector;
using CultureBot.Teams.Inbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CultureBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>The Teams platform: options (validated at start), inbound authentication, the connector client, the adapter and its inbound queue, proactive sends.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddBotFrameworkAuthentication();
        services.AddTeamsConnector();
        services.AddSingleton<TeamsBotAdapter>();
        services.AddInboundQueue<TeamsInbound, TeamsInboundPlatform, TeamsBotAdapter>();
        services.AddSingleton<IProactiveSender>(sp => TeamsProactiveSender.Create(sp));
        return services;
    }
}
