namespace CultureBot.Studio.Access;

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
}
