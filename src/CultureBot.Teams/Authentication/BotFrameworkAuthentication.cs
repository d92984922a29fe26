using CultureBot.Teams.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CultureBot.Teams.Authentication;

/// <summary>
/// Inbound authentication of Bot Connector requests in the ASP.NET Core pipeline. Two JWT bearer
/// schemes: Bot Framework tokens (keys from the Bot Framework OpenID metadata) and, for
/// single-tenant bots, Entra ID tokens of the bot's tenant; a policy scheme picks one from the
/// token's unvalidated issuer, and that scheme then validates everything.
/// </summary>
public static class BotFrameworkAuthentication
{
    /// <summary>The scheme endpoints require.</summary>
    public const string Scheme = "BotConnector";

    /// <summary>The authorization policy of <c>POST /api/messages</c>.</summary>
    public const string Policy = "BotConnector";

    internal const string BotFrameworkScheme = "BotConnector.BotFramework";
    internal const string EntraScheme = "BotConnector.Entra";

    /// <summary>The key's endorsements (channels it may sign for), saved for the activity check.</summary>
    internal const string EndorsementsItem = "CultureBot.Endorsements";

    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureBotFrameworkJwtBearer>();
        services
            .AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bot Connector", options => options.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer(BotFrameworkScheme)
            .AddJwtBearer(EntraScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Chooses the scheme from the token's issuer, read without validation (the chosen scheme validates it).</summary>
    private static string SelectScheme(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(options.TenantId) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return BotFrameworkScheme;
        }

        var issuer = UnvalidatedIssuer(header["Bearer ".Length..].Trim());
        return issuer is not null && EntraIssuers(options).Contains(issuer, StringComparer.OrdinalIgnoreCase) ? EntraScheme : BotFrameworkScheme;
    }

    /// <summary>
    /// The token's issuer, or null when the token does not even read (three dots of garbage, a header that is not JSON):
    /// such a token goes to the Bot Framework scheme, which refuses it with 401 like any other bad token.
    /// </summary>
    private static string? UnvalidatedIssuer(string raw)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(raw))
        {
            return null;
        }

        try
        {
            return handler.ReadJsonWebToken(raw).Issuer;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or System.Text.Json.JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The issuers of the bot tenant's Entra ID tokens (v2 and v1 endpoints).</summary>
    internal static string[] EntraIssuers(TeamsOptions options) =>
    [
        $"{options.AuthorityHost.TrimEnd('/')}/{options.TenantId}/v2.0",
        $"https://sts.windows.net/{options.TenantId}/",
    ];

    /// <summary>Entra ID's OpenID metadata for the bot's tenant.</summary>
    internal static string EntraMetadataUrl(TeamsOptions options) =>
        $"{options.AuthorityHost.TrimEnd('/')}/{options.TenantId}/v2.0/.well-known/openid-configuration";
}
