using CultureBot.Slack;
using CultureBot.Teams.Configuration;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Access;

/// <summary>
/// The <c>Access</c> section: which organizations may use this deployment. Closed by default once a real platform is
/// on (a Teams app id for a multi-tenant bot, or Slack): the host will not start until it is told who may use it.
/// Local mode (no Teams app id, no Slack) needs nothing, so the two-command start works as it is.
/// </summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>Opens the deployment to every tenant and workspace that installs the app (a public, multi-tenant service).</summary>
    public bool AllowAnyOrganization { get; set; }

    /// <summary>The Microsoft 365 tenant ids (GUIDs) allowed. A single-tenant bot's own tenant (<c>Teams:TenantId</c>) is always allowed.</summary>
    public List<string> TeamsTenants { get; set; } = [];

    /// <summary>The Slack workspace (team) ids allowed, T….</summary>
    public List<string> SlackWorkspaces { get; set; } = [];
}

/// <summary>Stops the host at start when a platform is on and nobody is allowed to use it, with the sentence saying what to set.</summary>
public sealed class AccessOptionsValidator(IOptions<TeamsOptions> teams, IOptions<SlackOptions> slack) : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var listed = options.TeamsTenants.Any(t => !string.IsNullOrWhiteSpace(t)) || options.SlackWorkspaces.Any(t => !string.IsNullOrWhiteSpace(t));
        if (options.AllowAnyOrganization && listed)
        {
            failures.Add("Access:AllowAnyOrganization=true opens the deployment to every organization, yet Access:TeamsTenants or Access:SlackWorkspaces lists some: remove the lists, or set Access:AllowAnyOrganization=false to keep only those.");
        }

        if (!options.AllowAnyOrganization && !teams.Value.IsLocalMode && string.IsNullOrWhiteSpace(teams.Value.TenantId) && !options.TeamsTenants.Any(t => !string.IsNullOrWhiteSpace(t)))
        {
            failures.Add("Teams:AppId is set for a multi-tenant bot, but no tenant may use it: list the tenant ids in Access:TeamsTenants (Access__TeamsTenants__0=…), or set Access:AllowAnyOrganization=true to open the deployment to every tenant that installs the app.");
        }

        if (!options.AllowAnyOrganization && slack.Value.Enabled && !options.SlackWorkspaces.Any(t => !string.IsNullOrWhiteSpace(t)))
        {
            failures.Add("Slack is on, but no workspace may use it: list the workspace ids (T…) in Access:SlackWorkspaces (Access__SlackWorkspaces__0=…), or set Access:AllowAnyOrganization=true to open the deployment to every workspace that installs the app.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
