using CultureBot.Core.Bot;
using CultureBot.Core.Installations;

namespace CultureBot.Core.Features.Installations;

/// <summary>The app leaves an organization (uninstalled, or its tokens revoked): its stored installation goes with it.</summary>
public sealed class InstallationFeature(IInstallationStore installations)
{
    public static void Map(FeatureRoutes<InstallationFeature> routes) =>
        routes.OnEvent(BotEvents.Uninstalled, installation => installation.ForgetAsync);

    private async Task ForgetAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var organization = context.Turn.Conversation.Key.Organization;
        await installations.DeleteAsync(organization.Platform, organization.TenantId, cancellationToken);
    }
}
