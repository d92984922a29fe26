namespace CultureBot.Core.Conversations;

/// <summary>
/// An organization: a Microsoft 365 tenant or a Slack workspace, the unit whose data and packs are its own. Every
/// stored row that belongs to one carries its platform and tenant id, and every query, uniqueness and card action
/// includes them. Written <c>teams:TENANT</c> or <c>slack:TEAM</c> by operators (the CLI's <c>--org</c>).
/// </summary>
/// <param name="Platform">A <see cref="Platforms"/> constant.</param>
/// <param name="TenantId">The tenant id or the Slack team id, as <see cref="ConversationKey.TenantId"/> stores it.</param>
public sealed record OrganizationKey(string Platform, string TenantId)
{
    /// <summary>How an operator writes one: <c>teams:TENANT</c> or <c>slack:TEAM</c>.</summary>
    public const string Format = "teams:TENANT or slack:TEAM";

    /// <summary>
    /// The owner of the sample verbatims shipped with the sample pack: shown to every organization beside its own, as
    /// the sample pack is. Not a platform, so no inbound activity can ever claim to be it.
    /// </summary>
    public static readonly OrganizationKey Samples = new("*", "samples");

    /// <summary>The owner of verbatims stored before organizations were kept apart, whose organization is not known: shown nowhere.</summary>
    public static readonly OrganizationKey Unassigned = new(string.Empty, string.Empty);

    public static OrganizationKey Of(ConversationKey conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return conversation.Organization;
    }

    /// <summary>Reads <c>teams:TENANT</c> (or <c>msteams:TENANT</c>) and <c>slack:TEAM</c>; null for anything else.</summary>
    public static OrganizationKey? TryParse(string? text)
    {
        var separator = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (separator <= 0 || separator == text!.Length - 1)
        {
            return null;
        }

        var platform = text[..separator].Trim().ToLowerInvariant() switch
        {
            "teams" or Platforms.Teams => Platforms.Teams,
            Platforms.Slack => Platforms.Slack,
            _ => null,
        };
        var tenant = text[(separator + 1)..].Trim();
        return platform is null || tenant.Length == 0 ? null : new OrganizationKey(platform, tenant);
    }

    public override string ToString() => $"{(Platform == Platforms.Teams ? "teams" : Platform)}:{TenantId}";
}
