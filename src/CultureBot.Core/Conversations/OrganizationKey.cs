namespace CultureBot.Core.Conversations;

/// <summary>
/// An organization: a Microsoft 365 tenant or a Slack workspace, the unit whose data and packs are its own.
/// Written <c>teams:TENANT</c> or <c>slack:TEAM</c> by operators (the CLI's <c>--org</c>, the map URL's <c>org</c>).
/// </summary>
/// <param name="Platform">A <see cref="Platforms"/> constant.</param>
/// <param name="TenantId">The tenant id or the Slack team id, as <see cref="ConversationKey.TenantId"/> stores it.</param>
public sealed record OrganizationKey(string Platform, string TenantId)
{
    /// <summary>How an operator writes one: <c>teams:TENANT</c> or <c>slack:TEAM</c>.</summary>
    public const string Format = "teams:TENANT or slack:TEAM";

    public static OrganizationKey Of(ConversationKey conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new OrganizationKey(conversation.Platform, conversation.TenantId);
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
