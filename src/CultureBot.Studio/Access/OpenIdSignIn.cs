using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CultureBot.Studio.Access;

/// <summary>
/// The browser sign-ins, both OpenID Connect with ASP.NET Core's own handler (authorization code with PKCE, the ID
/// token validated against the provider's metadata): Microsoft Entra ID and Sign in with Slack. Each is registered only
/// when its client id is set. Once the ID token is validated, <see cref="StudioMembership"/> turns it into the session
/// (organization and role) or refuses it, and the person lands on the refusal page instead.
/// </summary>
public static class OpenIdSignIn
{
    public const string EntraScheme = "Studio.Entra";
    public const string SlackScheme = "Studio.Slack";

    /// <summary>The provider names a session records, and the sign-in paths use (<c>/admin/signin/entra</c>).</summary>
    public const string Entra = "entra";
    public const string Slack = "slack";
    public const string Teams = "teams";

    public static AuthenticationBuilder AddStudioOpenIdConnect(this AuthenticationBuilder builder, StudioOptions studio)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(studio);
        if (studio.Entra.IsConfigured)
        {
            builder.AddOpenIdConnect(EntraScheme, "Microsoft Entra ID", options =>
            {
                Configure(options, studio.Entra.Authority, studio.Entra.ClientId!, studio.Entra.ClientSecret, "/signin-entra", Entra, StudioIdentity.FromEntra);
                // The organizations authority publishes an issuer template; each token is checked against its own tenant.
                options.TokenValidationParameters.IssuerValidator = EntraIssuer.Validator(studio.Entra.Authority);
            });
        }

        if (studio.Slack.IsConfigured)
        {
            builder.AddOpenIdConnect(SlackScheme, "Slack", options =>
                Configure(options, studio.Slack.Authority, studio.Slack.ClientId!, studio.Slack.ClientSecret, "/signin-slack", Slack, StudioIdentity.FromSlack));
        }

        return builder;
    }

    private static void Configure(
        OpenIdConnectOptions options, string authority, string clientId, string? clientSecret, string callbackPath, string provider, Func<IEnumerable<Claim>, StudioIdentity?> read)
    {
        options.Authority = authority;
        options.RequireHttpsMetadata = new Uri(authority).Scheme == Uri.UriSchemeHttps;
        options.ClientId = clientId;
        options.ClientSecret = clientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Scope.Add("email");
        // Relative to /admin, where the studio's branch of the pipeline handles it: https://HOST/admin/signin-entra.
        options.CallbackPath = callbackPath;
        options.SignInScheme = StudioServiceCollectionExtensions.CookieScheme;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.TokenValidationParameters.NameClaimType = "name";
        options.Events.OnTokenValidated = context =>
        {
            var membership = context.HttpContext.RequestServices.GetRequiredService<StudioMembership>();
            var identity = context.Principal is { } principal ? read(principal.Claims) : null;
            var admission = identity is null ? StudioAdmission.Refused(StudioRefusal.Organization) : membership.Admit(identity, provider);
            if (admission.Principal is { } session)
            {
                context.Principal = session;
                return Task.CompletedTask;
            }

            context.Response.Redirect(StudioSignInEndpoints.RefusedPath(context.Request.PathBase, admission.Refusal!.Value));
            context.HandleResponse();
            return Task.CompletedTask;
        };
        options.Events.OnRemoteFailure = context =>
        {
            // A cancelled consent or a stale correlation cookie: back to the sign-in page, which says so, rather than a 500.
            context.Response.Redirect(context.Request.PathBase + "/signin?failed=" + provider);
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
