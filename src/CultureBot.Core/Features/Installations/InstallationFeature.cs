using CultureBot.Core.Bot;
using CultureBot.Core.Installations;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Features.Installations;

/// <summary>The app leaves an organization (uninstalled, or its tokens revoked): its stored installation goes with it.</summary>
public static class InstallationFeature
{
    public static BotRouteBuilder MapInstallations(this BotRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes.OnEvent(BotEvents.Uninstalled, ForgetAsync);
    }

    private static Task ForgetAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var organization = context.Turn.Conversation.Key.Organization;
        return context.Services.GetRequiredService<IInstallationStore>().DeleteAsync(organization.Platform, organization.TenantId, cancellationToken);
    }
}
