using Microsoft.Extensions.Logging;

namespace CultureBot.Core.Conversations;

/// <summary>
/// Which organizations may use this deployment (the <c>Access</c> settings), asked at the edge: after a request is
/// authenticated, before any handler reads it or anything is stored. A Teams tenant is admitted when it is listed,
/// when it is the single-tenant bot's own tenant, or, in local mode with no list, always (the Agents Playground on
/// this machine); a Slack workspace only when listed. <c>Access:AllowAnyOrganization</c> admits everyone.
/// </summary>
public sealed partial class OrganizationAccess
{
    private readonly bool _anyOrganization;
    private readonly bool _anyTeamsTenant;
    private readonly HashSet<string> _teamsTenants;
    private readonly HashSet<string> _slackWorkspaces;
    private readonly ILogger<OrganizationAccess> _logger;

    /// <param name="anyOrganization"><c>Access:AllowAnyOrganization</c>.</param>
    /// <param name="teamsTenants"><c>Access:TeamsTenants</c>, with the single-tenant bot's own tenant.</param>
    /// <param name="slackWorkspaces"><c>Access:SlackWorkspaces</c>.</param>
    /// <param name="teamsLocalMode">No Teams app id: no list means any tenant (nothing but this machine can call).</param>
    public OrganizationAccess(bool anyOrganization, IEnumerable<string> teamsTenants, IEnumerable<string> slackWorkspaces, bool teamsLocalMode, ILogger<OrganizationAccess> logger)
    {
        _anyOrganization = anyOrganization;
        _teamsTenants = new HashSet<string>(teamsTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);
        _slackWorkspaces = new HashSet<string>(slackWorkspaces.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()), StringComparer.Ordinal);
        _anyTeamsTenant = teamsLocalMode && _teamsTenants.Count == 0;
        _logger = logger;
    }

    public bool Allows(OrganizationKey organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return _anyOrganization || organization.Platform switch
        {
            Platforms.Teams => _anyTeamsTenant || _teamsTenants.Contains(organization.TenantId),
            Platforms.Slack => _slackWorkspaces.Contains(organization.TenantId),
            _ => false,
        };
    }

    /// <summary>
    /// True when the organization may use the bot (one with no tenant id only when every tenant may); otherwise logs why it is refused (<paramref name="what"/>:
    /// an activity, a Slack event, an install) with the setting to change, and returns false.
    /// </summary>
    public bool Admit(string platform, string? tenantId, string what)
    {
        var organization = new OrganizationKey(platform, tenantId ?? string.Empty);
        if (Allows(organization))
        {
            return true;
        }

        LogRefused(_logger, what, organization.ToString(), platform == Platforms.Slack ? "Access:SlackWorkspaces" : "Access:TeamsTenants");
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {What} from organization '{Organization}': it is not allowed on this deployment (add it to {Setting}, or set Access:AllowAnyOrganization=true)")]
    private static partial void LogRefused(ILogger logger, string what, string organization, string setting);
}
