using System.Security.Claims;
using CultureBot.Core.Conversations;
using Microsoft.Extensions.Options;

namespace CultureBot.Studio.Access;

/// <summary>Why a person who proved who they are still gets no studio session.</summary>
public enum StudioRefusal
{
    /// <summary>Their organization may not use this deployment (the <c>Access</c> settings).</summary>
    Organization,

    /// <summary>Neither <c>Studio:Owners</c> nor <c>Studio:Viewers</c> names them or one of their groups.</summary>
    Role,
}

/// <summary>The outcome of a sign-in: a session's principal, or the reason there is none.</summary>
public sealed record StudioAdmission(ClaimsPrincipal? Principal, StudioRefusal? Refusal)
{
    public static StudioAdmission Refused(StudioRefusal refusal) => new(null, refusal);
}

/// <summary>
/// Decides at sign-in what a studio session carries: the organization must be allowed by the <c>Access</c> settings,
/// and the person named in <c>Studio:Owners</c> or <c>Studio:Viewers</c> (by user id, e-mail or UPN, or a group id,
/// case-insensitively). The session keeps the name that granted its role; every request checks that the settings still
/// grant that role for that name (<see cref="StillAdmits"/>), so that removing someone ends their session at once.
/// </summary>
public sealed class StudioMembership(OrganizationAccess access, IOptionsMonitor<StudioOptions> options)
{
    private Lists? _lists;

    /// <summary>The owner and viewer lists of the current settings (read again when the settings change).</summary>
    private sealed record Lists(StudioOptions Source, HashSet<string> Owners, HashSet<string> Viewers);

    private Lists Current()
    {
        var current = options.CurrentValue;
        var lists = _lists;
        if (lists?.Source != current)
        {
            lists = new Lists(
                current,
                new HashSet<string>(current.Owners.Select(o => o.Trim()), StringComparer.OrdinalIgnoreCase),
                new HashSet<string>(current.Viewers.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase));
            _lists = lists;
        }

        return lists;
    }

    /// <param name="provider">How they signed in (<c>entra</c>, <c>slack</c>, <c>teams</c>), kept in the session.</param>
    public StudioAdmission Admit(StudioIdentity identity, string provider)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (!access.Admit(identity.Organization.Platform, identity.Organization.TenantId, "studio sign-in"))
        {
            return StudioAdmission.Refused(StudioRefusal.Organization);
        }

        if (GrantOf(identity) is not var (role, grant))
        {
            return StudioAdmission.Refused(StudioRefusal.Role);
        }

        var session = new ClaimsIdentity(
            [
                new Claim("name", identity.Name),
                new Claim(StudioClaims.User, identity.UserId),
                new Claim(StudioClaims.Organization, identity.Organization.ToString()),
                new Claim(StudioClaims.Role, role),
                new Claim(StudioClaims.Grant, grant),
                new Claim(StudioClaims.Provider, provider),
            ],
            StudioServiceCollectionExtensions.CookieScheme,
            "name",
            StudioClaims.Role);
        return new StudioAdmission(new ClaimsPrincipal(session), null);
    }

    /// <summary>Owner when any of their names is an owner, else viewer when one is a viewer, else none.</summary>
    public string? RoleOf(StudioIdentity identity) => GrantOf(identity)?.Role;

    /// <summary>
    /// Whether a session's principal still holds: its organization still allowed, and the name that granted its role
    /// still granting that same role (someone removed, or moved from viewer to owner, signs in again).
    /// </summary>
    public bool StillAdmits(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (OrganizationKey.TryParse(principal.FindFirstValue(StudioClaims.Organization)) is not { } organization
            || principal.FindFirstValue(StudioClaims.Grant) is not { } grant
            || !access.Admit(organization.Platform, organization.TenantId, "studio session"))
        {
            return false;
        }

        var lists = Current();
        var role = lists.Owners.Contains(grant) ? StudioRoles.Owner : lists.Viewers.Contains(grant) ? StudioRoles.Viewer : null;
        return role is not null && principal.HasClaim(StudioClaims.Role, role);
    }

    private (string Role, string Name)? GrantOf(StudioIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var lists = Current();
        return identity.Names.FirstOrDefault(lists.Owners.Contains) is { } owner ? (StudioRoles.Owner, owner)
            : identity.Names.FirstOrDefault(lists.Viewers.Contains) is { } viewer ? (StudioRoles.Viewer, viewer)
            : null;
    }
}
