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
/// Decides, once at sign-in, what a studio session carries: the organization must be allowed by the <c>Access</c>
/// settings, and the person named in <c>Studio:Owners</c> or <c>Studio:Viewers</c> (by user id, e-mail or UPN, or a
/// group id, case-insensitively). Every later request reads the organization and the role from the session's claims.
/// </summary>
public sealed class StudioMembership(OrganizationAccess access, IOptions<StudioOptions> options)
{
    private readonly HashSet<string> _owners = new(options.Value.Owners.Select(o => o.Trim()), StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _viewers = new(options.Value.Viewers.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);

    /// <param name="provider">How they signed in (<c>entra</c>, <c>slack</c>, <c>teams</c>), kept in the session.</param>
    public StudioAdmission Admit(StudioIdentity identity, string provider)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (!access.Admit(identity.Organization.Platform, identity.Organization.TenantId, "studio sign-in"))
        {
            return StudioAdmission.Refused(StudioRefusal.Organization);
        }

        if (RoleOf(identity) is not { } role)
        {
            return StudioAdmission.Refused(StudioRefusal.Role);
        }

        var session = new ClaimsIdentity(
            [
                new Claim("name", identity.Name),
                new Claim(StudioClaims.User, identity.UserId),
                new Claim(StudioClaims.Organization, identity.Organization.ToString()),
                new Claim(StudioClaims.Role, role),
                new Claim(StudioClaims.Provider, provider),
            ],
            StudioServiceCollectionExtensions.CookieScheme,
            "name",
            StudioClaims.Role);
        return new StudioAdmission(new ClaimsPrincipal(session), null);
    }

    /// <summary>Owner when any of their names is an owner, else viewer when one is a viewer, else none.</summary>
    public string? RoleOf(StudioIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.Names.Any(_owners.Contains) ? StudioRoles.Owner
            : identity.Names.Any(_viewers.Contains) ? StudioRoles.Viewer
            : null;
    }
}
