using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CultureBot.Core.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>Registers the router built from the features' <c>Map…</c> calls, and the <see cref="TurnPipeline"/> both platforms run turns through.</summary>
    public static IServiceCollection AddBotRoutes(this IServiceCollection services, Action<BotRouteBuilder> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = new BotRouteBuilder();
        map(builder);
        services.TryAddSingleton<TurnPipeline>();
        return services.AddSingleton(builder.Build());
    }
}
