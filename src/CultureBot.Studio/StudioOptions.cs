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

    public OrganizationKey LocalOrganizationKey =>
        OrganizationKey.TryParse(LocalOrganization) ?? OrganizationKey.TryParse(PlaygroundOrganization)!;
}
