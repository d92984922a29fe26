using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CultureBot.Studio.Access;

/// <summary>
/// The issuer check of a multi-tenant Entra ID sign-in. The <c>organizations</c> authority publishes the issuer
/// <c>https://login.microsoftonline.com/{tenantid}/v2.0</c>, a template: a token is accepted when its issuer is that
/// template filled with the token's own <c>tid</c> (v2 tokens), or Entra's v1 issuer of that tenant (the access tokens
/// of an app that keeps the default token version, as a Teams tab's often are). Which tenants may sign in is then the
/// <c>Access</c> settings' decision.
/// </summary>
public static class EntraIssuer
{
    /// <summary>The issuers a token of <paramref name="tenantId"/> may carry, for an authority such as <c>https://login.microsoftonline.com/organizations/v2.0</c>.</summary>
    public static string[] For(string authority, string tenantId)
    {
        var host = new Uri(authority).GetLeftPart(UriPartial.Authority);
        return [$"{host}/{tenantId}/v2.0", $"https://sts.windows.net/{tenantId}/"];
    }

    /// <summary>A <see cref="TokenValidationParameters.IssuerValidator"/> for <paramref name="authority"/>.</summary>
    public static IssuerValidator Validator(string authority) => (issuer, token, parameters) =>
    {
        var tenant = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        if (Guid.TryParse(tenant, out _) && For(authority, tenant!).Contains(issuer, StringComparer.Ordinal))
        {
            return issuer;
        }

        throw new SecurityTokenInvalidIssuerException("The token's issuer is not its own tenant's (tid) Entra ID issuer.");
    };
}
