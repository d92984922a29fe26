using CultureBot.Core.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CultureBot.Core.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Registers the router built from the routes <paramref name="map"/> declares, with the command words of the
    /// registered <see cref="StringTable"/>'s language files, and the feature classes its routes call.
    /// </summary>
    public static IServiceCollection AddBotRoutes(this IServiceCollection services, Action<BotRouteBuilder> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var routes = new BotRouteBuilder();
        map(routes);

        // Transient: the router resolves a feature once per route from the turn's scope; a feature holds no state of its own.
        foreach (var feature in routes.Features)
        {
            services.TryAddTransient(feature);
        }

        services.TryAddSingleton<TurnPipeline>();
        return services.AddSingleton(sp => routes.Build(sp.GetService<StringTable>()));
    }
}
