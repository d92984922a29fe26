namespace CultureBot.Teams.Schema;

/// <summary>
/// What every handler relies on in an inbound activity, checked at the door: a type, a conversation, a serviceUrl the
/// connector can call, ids of a sane length and without control characters, lists without null holes, and an Action.Execute value of the right shape.
/// </summary>
public static class ActivityCheck
{
    /// <summary>Bot Framework ids run to a couple of hundred characters; longer ones would not even fit in the connector's URLs.</summary>
    public const int MaxIdLength = 512;

    /// <summary>Null when the activity can be handled; otherwise a short sentence saying what is wrong.</summary>
    public static string? Problem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Type))
        {
            return "The activity has no type.";
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return "The activity has no conversation.id.";
        }

        if (!IsServiceUrl(activity.ServiceUrl))
        {
            return "The activity's serviceUrl is not an absolute http or https URL.";
        }

        string?[] ids = [activity.Id, activity.Conversation.Id, activity.From?.Id, activity.Recipient?.Id, activity.ReplyToId];
        if (ids.Any(id => id?.Length > MaxIdLength))
        {
            return $"An id of the activity is longer than {MaxIdLength} characters.";
        }

        // Ids end up in the connector's URLs, where a NUL or a line break is refused (and the reply would fail).
        if (ids.Any(id => id?.Any(char.IsControl) == true))
        {
            return "An id of the activity holds control characters.";
        }

        if (HasNull(activity.Entities) || HasNull(activity.Attachments) || HasNull(activity.MembersAdded) || HasNull(activity.MembersRemoved)
            || HasNull(activity.ReactionsAdded) || HasNull(activity.ReactionsRemoved))
        {
            return "A list in the activity (entities, attachments, members or reactions) holds a null.";
        }

        if (activity.Type == ActivityTypes.Invoke && activity.Name == InvokeNames.AdaptiveCardAction && activity.ReadInvokeValue() is null)
        {
            return "An adaptiveCard/action invoke needs a value object whose action is an object.";
        }

        return null;
    }

    private static bool IsServiceUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    private static bool HasNull<T>(List<T>? items)
        where T : class => items?.Contains(null!) == true;
}
