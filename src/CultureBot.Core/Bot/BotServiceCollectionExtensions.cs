using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>Registers the router built from the features' <c>Map…</c> calls.</summary>
    public static IServiceCollection AddBotRoutes(this IServiceCollection services, Action<BotRouteBuilder> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = new BotRouteBuilder();
        map(builder);
        return services.AddSingleton(builder.Build());
    }
}
