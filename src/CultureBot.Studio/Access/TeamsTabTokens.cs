using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CultureBot.Studio.Access;

/// <summary>
/// Validates the token a Teams tab gets from <c>authentication.getAuthToken()</c>: signed by a key of Entra ID's
/// OpenID metadata (the <c>Studio:Entra:Authority</c>'s, refreshed when a new key appears), issued by the token's own
/// tenant, for this app (<c>Studio:Teams:Audience</c>, or the app id that v2 tokens name), not expired (5 minutes of
/// skew), and given to a person (a delegated <c>scp</c>, never an app-only token).
/// </summary>
public sealed partial class TeamsTabTokens
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly StudioOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly ILogger<TeamsTabTokens> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public TeamsTabTokens(IOptions<StudioOptions> options, IHttpClientFactory http, ILogger<TeamsTabTokens> logger)
    {
        _options = options.Value;
        _logger = logger;
        var authority = _options.Entra.Authority.TrimEnd('/');
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            authority + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http.CreateClient(nameof(TeamsTabTokens))) { RequireHttps = new Uri(authority).Scheme == Uri.UriSchemeHttps });
    }

    /// <summary>The token's claims when it is valid for this studio; null otherwise (the reason is logged, never the token).</summary>
    public async Task<IReadOnlyList<Claim>?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!_options.Teams.IsConfigured || string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var result = await ValidateWithKeysAsync(token, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Entra rolls its keys over: a key not seen yet sends for the metadata again (the manager throttles refreshes).
            _metadata.RequestRefresh();
            result = await ValidateWithKeysAsync(token, cancellationToken);
        }

        if (!result.IsValid)
        {
            var reason = result.Exception?.GetType().Name ?? "invalid";
            var detail = result.Exception?.Message ?? string.Empty;
            LogRejected(_logger, reason, detail);
            return null;
        }

        var claims = result.ClaimsIdentity.Claims.ToList();
        if (!claims.Any(c => c.Type == "scp" && !string.IsNullOrWhiteSpace(c.Value)))
        {
            LogRejected(_logger, "NotDelegated", "the token carries no scp claim: it was not given to a person");
            return null;
        }

        return claims;
    }

    private async Task<TokenValidationResult> ValidateWithKeysAsync(string token, CancellationToken cancellationToken)
    {
        var configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        return await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            ValidAlgorithms = Algorithms,
            ValidateIssuer = true,
            IssuerValidator = EntraIssuer.Validator(_options.Entra.Authority),
            ValidateAudience = true,
            ValidAudiences = _options.Teams.Audiences,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams tab token rejected ({Reason}): {Detail}")]
    private static partial void LogRejected(ILogger logger, string reason, string detail);
}
