namespace CultureBot.Teams.Configuration;

/// <summary>
/// The <c>Teams</c> configuration section (environment form <c>Teams__AppId</c>). With no <see cref="AppId"/>
/// the host runs in local mode: no inbound authentication and no outbound token, for the Agents Playground only.
/// </summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The default Bot Framework OpenID metadata, for tokens the Bot Connector service signs.</summary>
    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The Microsoft Entra ID app (client) id of the bot registration.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret. Either this or a certificate.</summary>
    public string? AppPassword { get; set; }

    /// <summary>A PFX/PEM certificate file for the app's credentials, instead of a secret.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate file's password, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Set for single-tenant app registrations: tokens are requested from, and accepted from, this tenant.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app's short name in Teams, for the app package (default CultureBot).</summary>
    public string AppName { get; set; } = "CultureBot";

    /// <summary>The public host name the bot is served from (validDomains of the app package).</summary>
    public string? Domain { get; set; }

    /// <summary>Where the Bot Framework signing keys are published; overridable for sovereign clouds and tests.</summary>
    public string OpenIdMetadataUrl { get; set; } = BotFrameworkOpenIdMetadataUrl;

    /// <summary>The issuer of Bot Connector tokens (<c>https://api.botframework.com</c>; sovereign clouds differ).</summary>
    public string BotFrameworkIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>The Entra ID login host used for outbound tokens and single-tenant inbound tokens.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>The scope of outbound tokens to the Bot Connector service.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// How long a turn's replies may take (an invoke's answer keeps the Bot Connector waiting, and it gives up after
    /// about 15 s): a reply not through by then, or refused for a while, goes out through the outbox instead.
    /// </summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Local mode: no app id, so no authentication either way.</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);

    /// <summary>The tenant outbound tokens come from: the configured one, or the Bot Framework's for multi-tenant bots.</summary>
    public string TokenTenant => string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId!;
}
