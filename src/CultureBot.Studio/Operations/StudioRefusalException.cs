using CultureBot.Studio.Access;

namespace CultureBot.Studio.Operations;

/// <summary>
/// A write the server refuses: the person is not an owner, the thing belongs to another organization, or the input is
/// wrong. Its message is the sentence the page shows (in the user's language: a resource key of the page).
/// </summary>
public sealed class StudioRefusalException(string key) : Exception(key)
{
    /// <summary>The resource key of the sentence to show.</summary>
    public string Key { get; } = key;

    public const string NotOwner = "RefusedNotOwner";
    public const string NotFound = "RefusedNotFound";

    /// <summary>Refuses anyone but an owner: the page hides the buttons, the server does not trust that.</summary>
    public static void RequireOwner(StudioUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsOwner)
        {
            throw new StudioRefusalException(NotOwner);
        }
    }
}
