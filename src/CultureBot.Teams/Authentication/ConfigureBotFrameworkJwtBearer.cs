using System.Text.Json;
using CultureBot.Teams.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CultureBot.Teams.Authentication;

/// <summary>
/// Configures both JWT bearer schemes from <see cref="TeamsOptions"/>: issuer, audience (the bot's app id),
/// lifetime with 5 minutes of skew, signed tokens only (RSA), keys from OpenID metadata refreshed by the
/// handler's configuration manager. Anything missing or wrong fails closed with 401.
/// </summary>
internal sealed partial class ConfigureBotFrameworkJwtBearer : IConfigureNamedOptions<JwtBearerOptions>
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _teams;
    private readonly ILogger<ConfigureBotFrameworkJwtBearer> _logger;

    public ConfigureBotFrameworkJwtBearer(IOptions<TeamsOptions> teams, ILogger<ConfigureBotFrameworkJwtBearer> logger)
    {
        _teams = teams.Value;
        _logger = logger;
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string metadata;
        string[] issuers;
        switch (name)
        {
            case BotFrameworkAuthentication.BotFrameworkScheme:
                metadata = _teams.OpenIdMetadataUrl;
                issuers = [_teams.BotFrameworkIssuer];
                break;
            case BotFrameworkAuthentication.EntraScheme:
                metadata = BotFrameworkAuthentication.EntraMetadataUrl(_teams);
                issuers = BotFrameworkAuthentication.EntraIssuers(_teams);
                break;
            default:
                return;
        }

        options.MetadataAddress = metadata;
        options.RequireHttpsMetadata = new Uri(metadata).Scheme == Uri.UriSchemeHttps;
        options.MapInboundClaims = false;
        options.SaveToken = false;
        options.AutomaticRefreshInterval = TimeSpan.FromHours(24);
        options.RefreshInterval = TimeSpan.FromMinutes(5);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = issuers,
            ValidateAudience = true,
            // In local mode no request reaches this handler; an empty audience list would reject everything anyway.
            ValidAudiences = string.IsNullOrWhiteSpace(_teams.AppId) ? [] : [_teams.AppId],
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            ValidAlgorithms = Algorithms,
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = async context =>
            {
                // Bot Framework keys say which channels they may sign for; the endpoint checks the activity's channelId against them.
                if (context.SecurityToken is JsonWebToken token && context.Options.ConfigurationManager is { } manager)
                {
                    var configuration = await manager.GetConfigurationAsync(context.HttpContext.RequestAborted);
                    var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, token.Kid, StringComparison.Ordinal));
                    if (key is not null && key.AdditionalData.TryGetValue("endorsements", out var endorsements))
                    {
                        context.HttpContext.Items[BotFrameworkAuthentication.EndorsementsItem] = ReadEndorsements(endorsements);
                    }
                }
            },
            OnAuthenticationFailed = context =>
            {
                LogRejected(_logger, context.Exception);
                return Task.CompletedTask;
            },
        };
    }

    private static string[] ReadEndorsements(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        IEnumerable<object> items => [.. items.Select(i => i?.ToString() ?? string.Empty)],
        string single => [single],
        _ => [],
    };

    /// <summary>The exception's type and message say why (expired, bad signature...); the token itself is never logged.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Connector token rejected")]
    private static partial void LogRejected(ILogger logger, Exception reason);
}
