using CultureBot.Core.Bot;
using CultureBot.Core.Insights;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Features.Digests;

/// <summary>
/// A read receipt (Teams sends one when a personal chat is read): the digests delivered there are read. Nothing is
/// answered, and nothing happens where no engagement log is registered.
/// </summary>
public sealed class DigestReadFeature
{
    public static void Map(FeatureRoutes<DigestReadFeature> routes) =>
        routes.OnEvent(BotEvents.MessageRead, read => read.ReadAsync);

    private Task ReadAsync(TurnContext context, CancellationToken cancellationToken) =>
        context.Services.GetService<IEngagementLog>() is { } log ? log.RecordReadAsync(context.Turn, cancellationToken) : Task.CompletedTask;
}
