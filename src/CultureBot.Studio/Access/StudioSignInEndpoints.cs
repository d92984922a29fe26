using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CultureBot.Studio.Access;

/// <summary>
/// The sign-in endpoints beside the studio's pages: a browser's challenge to Entra ID or Slack, the Teams tab's
/// token exchange, and the sign-out. All reachable without a session (they are how one is made).
/// </summary>
public static partial class StudioSignInEndpoints
{
    public static void MapStudioSignIn(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/signin/{provider:regex(^(entra|slack)$)}", Challenge).AllowAnonymous();

        // No antiforgery token: this request makes the session, there is none to ride on before, and what it carries
        // (a token Entra ID signed for this app and this person) is what no other site can forge or obtain.
        endpoints.MapPost("/signin/teams", SignInFromTeamsAsync).AllowAnonymous().DisableAntiforgery();
        endpoints.MapGet("/signout", (Delegate)SignOutAsync).AllowAnonymous();
    }

    /// <summary>The refusal page's address for <paramref name="refusal"/>, under the studio's path base.</summary>
    public static string RefusedPath(PathString pathBase, StudioRefusal refusal) =>
        $"{pathBase}/signin/refused?reason={(refusal == StudioRefusal.Role ? "role" : "organization")}";

    private static IResult Challenge(string provider, string? returnUrl, HttpContext context, IOptions<StudioOptions> options)
    {
        var studio = options.Value;
        var configured = provider == OpenIdSignIn.Entra ? studio.Entra.IsConfigured : studio.Slack.IsConfigured;
        if (studio.LocalMode || !configured)
        {
            return Results.NotFound();
        }

        var properties = new AuthenticationProperties { RedirectUri = LocalReturnUrl(context.Request.PathBase, returnUrl) };
        return Results.Challenge(properties, [provider == OpenIdSignIn.Entra ? OpenIdSignIn.EntraScheme : OpenIdSignIn.SlackScheme]);
    }

    /// <summary>
    /// The Teams tab posts its single sign-on token (form field <c>token</c>) and its locale (<c>culture</c>): a valid
    /// token of an allowed organization and a person with a role signs into the studio's cookie and is sent on (303)
    /// into the studio in their language; otherwise 401 (the token) or 403 (the organization, the role), and no cookie.
    /// </summary>
    private static async Task<IResult> SignInFromTeamsAsync(HttpContext context, TeamsTabTokens tokens, StudioMembership membership, IOptions<StudioOptions> options)
    {
        if (options.Value.LocalMode || !context.Request.HasFormContentType)
        {
            return Results.Unauthorized();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var claims = await tokens.ValidateAsync(form["token"].ToString(), context.RequestAborted);
        if (claims is null || StudioIdentity.FromEntra(claims) is not { } identity)
        {
            return Results.Unauthorized();
        }

        var admission = membership.Admit(identity, OpenIdSignIn.Teams);
        if (admission.Principal is not { } session)
        {
            // The tab's script reads where to go: the refusal page that says why and whom to ask.
            return Results.Text(RefusedPath(context.Request.PathBase, admission.Refusal!.Value), statusCode: StatusCodes.Status403Forbidden);
        }

        await context.SignInAsync(StudioServiceCollectionExtensions.CookieScheme, session);
        var culture = form["culture"].ToString();
        var query = CultureName().IsMatch(culture) ? "?culture=" + Uri.EscapeDataString(culture) : string.Empty;
        context.Response.Headers.Location = $"{context.Request.PathBase}/{query}";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(StudioServiceCollectionExtensions.CookieScheme);
        return Results.Redirect($"{context.Request.PathBase}/signin?signedout=true");
    }

    /// <summary>Where to go after signing in: a path of the studio, never another site (an open redirect).</summary>
    private static string LocalReturnUrl(PathString pathBase, string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith(pathBase + "/", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : pathBase + "/";

    /// <summary>A locale as Teams writes it (<c>fr-fr</c>, <c>en-US</c>): anything else is not passed on.</summary>
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex CultureName();
}
