using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Studio.Access;

/// <summary>
/// Local mode's sign-in: everyone who reaches the host is the local organization's owner, as everyone who reaches the
/// bot is trusted without a token there. Registered only when the host runs without Teams credentials and without
/// Slack, so it can never answer for a deployed host.
/// </summary>
internal sealed class LocalStudioAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<StudioOptions> studio) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Studio.Local";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!studio.Value.LocalMode)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity(
            [
                new Claim("name", "Local owner"),
                new Claim(StudioClaims.Organization, studio.Value.LocalOrganizationKey.ToString()),
                new Claim(StudioClaims.Role, StudioRoles.Owner),
                new Claim(StudioClaims.Local, "true"),
            ],
            SchemeName,
            "name",
            StudioClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
