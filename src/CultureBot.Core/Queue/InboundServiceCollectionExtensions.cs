using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Queue;

public static class InboundServiceCollectionExtensions
{
    /// <summary>
    /// A platform's durable inbound queue: <typeparamref name="TPlatform"/> (its specifics), the door its endpoints store
    /// payloads through, the worker that processes them, and its part of the <see cref="IInboundBacklog"/>.
    /// </summary>
    public static IServiceCollection AddInboundQueue<TItem, TPlatform>(this IServiceCollection services)
        where TItem : class
        where TPlatform : class, IInboundPlatform<TItem>
    {
        services.AddSingleton<TPlatform>();
        services.AddSingleton<IInboundPlatform<TItem>>(sp => sp.GetRequiredService<TPlatform>());
        services.AddSingleton<InboundQueue<TItem>>();
        services.AddSingleton<IInboundBacklog, InboundBacklog<TItem>>();
        services.AddHostedService<InboundWorker<TItem>>();
        return services;
    }
}
