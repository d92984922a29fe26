using CultureBot.Core.Conversations;

namespace CultureBot.Studio;

/// <summary>The <c>Studio</c> section: who may use the studio at <c>/admin</c>, and how they sign in.</summary>
public sealed class StudioOptions
{
    public const string Section = "Studio";

    /// <summary>The Agents Playground's tenant: the organization a local host's chat belongs to.</summary>
    public const string PlaygroundOrganization = "teams:00000000-0000-0000-0000-0000000000001";

    /// <summary>
    /// Local mode (no Teams app id, no Slack): the studio opens without sign-in, as the bot answers without tokens, and
    /// says so in a banner. Set by the host from the platforms' settings, not by an operator.
    /// </summary>
    public bool LocalMode { get; set; }

    /// <summary>The organization a local studio manages (<c>teams:TENANT</c> or <c>slack:TEAM</c>); the Playground's by default.</summary>
    public string LocalOrganization { get; set; } = PlaygroundOrganization;

    /// <summary>People and groups who edit content and settings: user ids, e-mail addresses or Entra group ids.</summary>
    public List<string> Owners { get; set; } = [];

    /// <summary>People and groups who read the insights only.</summary>
    public List<string> Viewers { get; set; } = [];

    /// <summary>Sign-in with Microsoft Entra ID in a browser; its authority also publishes the keys of Teams tab tokens.</summary>
    public StudioEntraOptions Entra { get; set; } = new();

    /// <summary>Sign in with Slack, for organizations on Slack only.</summary>
    public StudioSlackOptions Slack { get; set; } = new();

    /// <summary>Single sign-on in the Teams tab.</summary>
    public StudioTeamsOptions Teams { get; set; } = new();

    public OrganizationKey LocalOrganizationKey =>
        OrganizationKey.TryParse(LocalOrganization) ?? OrganizationKey.TryParse(PlaygroundOrganization)!;
}

/// <summary><c>Studio:Entra</c>: an Entra ID app registration with a web redirect URI <c>https://HOST/admin/signin-entra</c>.</summary>
public sealed class StudioEntraOptions
{
    /// <summary>Any work or school account; the <c>Access</c> settings then say which tenants get in.</summary>
    public const string DefaultAuthority = "https://login.microsoftonline.com/organizations/v2.0";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string Authority { get; set; } = DefaultAuthority;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary><c>Studio:Slack</c>: the Slack app's client id and secret, with the redirect URL <c>https://HOST/admin/signin-slack</c>.</summary>
public sealed class StudioSlackOptions
{
    public const string DefaultAuthority = "https://slack.com";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Slack's OpenID issuer; another value only for a stand-in in tests.</summary>
    public string Authority { get; set; } = DefaultAuthority;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary><c>Studio:Teams</c>: what the Teams tab's single sign-on tokens are issued for.</summary>
public sealed class StudioTeamsOptions
{
    /// <summary>
    /// The application id URI the tab's tokens name as their audience. Unset, it is <c>api://{Teams:Domain}/{Teams:AppId}</c>,
    /// the <c>webApplicationInfo.resource</c> of the app package.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>The Entra app (client) id of the tab, <c>Teams:AppId</c>: v2 access tokens name it as their audience.</summary>
    internal string? AppId { get; set; }

    /// <summary>The tokens' accepted audiences; none when single sign-on in Teams is not set up.</summary>
    public IReadOnlyList<string> Audiences =>
        string.IsNullOrWhiteSpace(Audience) ? [] : string.IsNullOrWhiteSpace(AppId) ? [Audience] : [Audience, AppId];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Audience);
}
