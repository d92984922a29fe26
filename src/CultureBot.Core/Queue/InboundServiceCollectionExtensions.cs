using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Queue;

public static class InboundServiceCollectionExtensions
{
    /// <summary>
    /// A platform's durable inbound queue: how its payloads are stored (<typeparamref name="TPlatform"/>), the door its
    /// endpoints store them through, the worker that runs them with <typeparamref name="THandler"/> (registered by the
    /// caller), and its part of the <see cref="IInboundBacklog"/>.
    /// </summary>
    public static IServiceCollection AddInboundQueue<TItem, TPlatform, THandler>(this IServiceCollection services)
        where TItem : class
        where TPlatform : class, IInboundPlatform<TItem>
        where THandler : class, IInboundHandler<TItem>
    {
        services.AddSingleton<IInboundPlatform<TItem>, TPlatform>();
        services.AddSingleton<IInboundHandler<TItem>>(sp => sp.GetRequiredService<THandler>());
        services.AddSingleton<InboundQueue<TItem>>();
        services.AddSingleton<IInboundBacklog, InboundBacklog<TItem>>();
        services.AddHostedService<InboundWorker<TItem>>();
        return services;
    }
}
