using System.Security.Claims;
using CultureBot.Core.Conversations;

namespace CultureBot.Studio.Access;

/// <summary>
/// A person as their identity provider vouched for them, read from a validated token's claims: their organization,
/// their user id, and every name the <c>Studio:Owners</c> and <c>Studio:Viewers</c> lists may know them by.
/// </summary>
/// <param name="Names">The user id, the e-mail addresses or UPN and the group ids: what a role list entry is matched against.</param>
public sealed record StudioIdentity(OrganizationKey Organization, string UserId, string Name, IReadOnlyList<string> Names)
{
    public const string SlackTeamClaim = "https://slack.com/team_id";
    public const string SlackUserClaim = "https://slack.com/user_id";

    /// <summary>
    /// An Entra ID token (a browser sign-in's ID token or a Teams tab's access token): organization <c>teams:{tid}</c>,
    /// user <c>oid</c>, names from <c>upn</c>, <c>preferred_username</c>, <c>email</c> and <c>groups</c>. Null without a
    /// tenant id (a GUID) or an object id.
    /// </summary>
    public static StudioIdentity? FromEntra(IEnumerable<Claim> claims)
    {
        var list = claims.ToList();
        var tenant = Value(list, "tid");
        var user = Value(list, "oid");
        if (!Guid.TryParse(tenant, out _) || string.IsNullOrWhiteSpace(user))
        {
            return null;
        }

        var mail = Values(list, "upn", "preferred_username", "email");
        var name = Value(list, "name") ?? mail.FirstOrDefault() ?? user;
        return new StudioIdentity(new OrganizationKey(Platforms.Teams, tenant!), user, name, [user, .. mail, .. Values(list, "groups")]);
    }

    /// <summary>
    /// A Sign in with Slack ID token: organization <c>slack:{team id}</c>, user <c>sub</c> (the Slack user id), and the
    /// e-mail address when Slack says it is verified. Null without a team or a user.
    /// </summary>
    public static StudioIdentity? FromSlack(IEnumerable<Claim> claims)
    {
        var list = claims.ToList();
        var team = Value(list, SlackTeamClaim);
        var user = Value(list, SlackUserClaim) ?? Value(list, "sub");
        if (string.IsNullOrWhiteSpace(team) || string.IsNullOrWhiteSpace(user))
        {
            return null;
        }

        string[] mail = Value(list, "email_verified") is "false" ? [] : [.. Values(list, "email")];
        var name = Value(list, "name") ?? mail.FirstOrDefault() ?? user;
        return new StudioIdentity(new OrganizationKey(Platforms.Slack, team), user, name, [user, .. mail]);
    }

    private static string? Value(List<Claim> claims, string type) =>
        claims.FirstOrDefault(c => c.Type == type && !string.IsNullOrWhiteSpace(c.Value))?.Value.Trim();

    private static List<string> Values(List<Claim> claims, params string[] types) =>
        [.. claims.Where(c => types.Contains(c.Type) && !string.IsNullOrWhiteSpace(c.Value)).Select(c => c.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}
