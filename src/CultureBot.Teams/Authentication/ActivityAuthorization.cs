using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CultureBot.Teams.Authentication;

/// <summary>
/// The checks that need the activity itself, run after the token is validated and before any handler:
/// the token's <c>serviceurl</c> claim must name the activity's serviceUrl (a token stolen for one
/// service cannot steer replies elsewhere), a key endorsed for some channels may sign only for those, and a
/// single-tenant bot serves only its own tenant.
/// </summary>
public static class ActivityAuthorization
{
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Null when the activity may proceed; otherwise why it may not.</summary>
    public static string? Check(HttpContext context, string? activityServiceUrl, string? activityChannelId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var claim = context.User.FindFirst(ServiceUrlClaim)?.Value;
        if (string.IsNullOrWhiteSpace(claim))
        {
            return "the token has no serviceurl claim";
        }

        if (!string.Equals(claim, activityServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "the token's serviceurl claim does not match the activity's serviceUrl";
        }

        if (context.Items.TryGetValue(BotFrameworkAuthentication.EndorsementsItem, out var value)
            && value is string[] { Length: > 0 } endorsements
            && !endorsements.Contains(activityChannelId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            return "the signing key is not endorsed for the activity's channel";
        }

        return null;
    }

    /// <summary>
    /// Null when a single-tenant bot (<paramref name="botTenantId"/> set) may serve the activity: every tenant it
    /// names (<c>conversation.tenantId</c>, <c>channelData.tenant.id</c>) is the bot's own, and it names one. The
    /// Bot Connector's token says which bot is called, not on whose behalf: the activity says that.
    /// </summary>
    public static string? CheckTenant(string? botTenantId, string? conversationTenantId, string? channelDataTenantId)
    {
        if (string.IsNullOrWhiteSpace(botTenantId))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(conversationTenantId) && string.IsNullOrWhiteSpace(channelDataTenantId))
        {
            return "a single-tenant bot received an activity that names no tenant";
        }

        foreach (var tenant in new[] { conversationTenantId, channelDataTenantId })
        {
            if (!string.IsNullOrWhiteSpace(tenant) && !string.Equals(tenant, botTenantId, StringComparison.OrdinalIgnoreCase))
            {
                return "a single-tenant bot received an activity of another tenant";
            }
        }

        return null;
    }

    /// <summary>The authenticated caller's app id (<c>appid</c> v1 or <c>azp</c> v2), for logs.</summary>
    public static string? CallerAppId(ClaimsPrincipal user) =>
        user?.FindFirst("appid")?.Value ?? user?.FindFirst("azp")?.Value;
}
