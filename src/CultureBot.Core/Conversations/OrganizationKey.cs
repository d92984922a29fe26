namespace CultureBot.Core.Conversations;

/// <summary>
/// An organization, the unit of data: a Microsoft 365 tenant in Teams, a workspace in Slack. Every stored row that
/// belongs to one carries its platform and tenant id, and every query, uniqueness and card action includes them.
/// </summary>
/// <param name="Platform">The platform, as a <see cref="Platforms"/> constant.</param>
/// <param name="TenantId">The Microsoft 365 tenant id or the Slack workspace (team) id.</param>
public sealed record OrganizationKey(string Platform, string TenantId)
{
    /// <summary>
    /// The owner of the sample verbatims shipped with the sample pack: shown to every organization beside its own, as
    /// the sample pack is. Not a platform, so no inbound activity can ever claim to be it.
    /// </summary>
    public static readonly OrganizationKey Samples = new("*", "samples");

    /// <summary>The owner of verbatims stored before organizations were kept apart, whose organization is not known: shown nowhere.</summary>
    public static readonly OrganizationKey Unassigned = new(string.Empty, string.Empty);

    /// <summary>Reads <c>PLATFORM:TENANT</c> (<c>msteams:&lt;tenant id&gt;</c>, <c>slack:&lt;team id&gt;</c>), as an operator types it.</summary>
    public static bool TryParse(string? text, out OrganizationKey organization)
    {
        organization = Unassigned;
        var separator = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || separator <= 0 || separator == text.Length - 1)
        {
            return false;
        }

        var platform = text[..separator].Trim().ToLowerInvariant();
        var tenant = text[(separator + 1)..].Trim();
        if (platform is not (Platforms.Teams or Platforms.Slack) || tenant.Length == 0)
        {
            return false;
        }

        organization = new OrganizationKey(platform, tenant);
        return true;
    }

    public override string ToString() => $"{Platform}:{TenantId}";
}
