using System.Security.Claims;
using CultureBot.Core.Conversations;

namespace CultureBot.Studio.Access;

/// <summary>
/// Who is using the studio, read from the session's claims: their organization (every query and write is scoped to
/// it), their role and their name as the change history shows it.
/// </summary>
public sealed record StudioUser(OrganizationKey Organization, string Role, string Name, bool IsLocal)
{
    public bool IsOwner => Role == StudioRoles.Owner;

    /// <summary>Refuses anyone but an owner before a write: pages hide the buttons, the server does not trust that.</summary>
    /// <exception cref="StudioRefusalException">With <see cref="StudioRefusalException.NotOwner"/> for a viewer.</exception>
    public void RequireOwner()
    {
        if (!IsOwner)
        {
            throw new StudioRefusalException(StudioRefusalException.NotOwner);
        }
    }

    /// <summary>The signed-in person of <paramref name="principal"/>; null when it carries no organization or no role.</summary>
    public static StudioUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || OrganizationKey.TryParse(principal.FindFirstValue(StudioClaims.Organization)) is not { } organization
            || principal.FindFirstValue(StudioClaims.Role) is not ({ } role and (StudioRoles.Owner or StudioRoles.Viewer)))
        {
            return null;
        }

        var name = principal.FindFirstValue("name") ?? principal.FindFirstValue(ClaimTypes.Name) ?? principal.Identity.Name ?? "?";
        return new StudioUser(organization, role, name, principal.HasClaim(StudioClaims.Local, "true"));
    }
}
