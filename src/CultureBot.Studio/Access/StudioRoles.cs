namespace CultureBot.Studio.Access;

/// <summary>The two roles of the studio. An owner does everything a viewer does.</summary>
public static class StudioRoles
{
    /// <summary>Edits content (personas, verbatims, quiz, journeys, committees, digests) and settings.</summary>
    public const string Owner = "owner";

    /// <summary>Reads the insights.</summary>
    public const string Viewer = "viewer";
}

/// <summary>The authorization policies pages and endpoints name.</summary>
public static class StudioPolicies
{
    /// <summary>Any signed-in person with a role: every page.</summary>
    public const string Viewer = "Studio.Viewer";

    /// <summary>Owners only: every page and action that changes something.</summary>
    public const string Owner = "Studio.Owner";
}

/// <summary>The claims a studio session carries, whichever way its person signed in.</summary>
public static class StudioClaims
{
    /// <summary>The organization (<c>teams:TENANT</c> or <c>slack:TEAM</c>) the person belongs to; the studio shows only its data.</summary>
    public const string Organization = "culturebot/organization";

    /// <summary>A <see cref="StudioRoles"/> value.</summary>
    public const string Role = "culturebot/role";

    /// <summary>Present (value "true") when the session is the local mode's, without sign-in.</summary>
    public const string Local = "culturebot/local";

    /// <summary>The person's id at their identity provider (Entra <c>oid</c>, Slack user id).</summary>
    public const string User = "culturebot/user";

    /// <summary>The name (user id, e-mail or group id) of the settings' lists that granted the session its role.</summary>
    public const string Grant = "culturebot/grant";

    /// <summary>How the person signed in: <c>entra</c>, <c>slack</c> or <c>teams</c> (the Teams tab).</summary>
    public const string Provider = "culturebot/provider";
}
