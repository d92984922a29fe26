namespace CultureBot.Teams.Schema;

/// <summary>Activity types CultureBot acts on. Open constants: the protocol keeps adding types, unknown ones are tolerated.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
    public const string Event = "event";
}

/// <summary>Invoke names CultureBot answers.</summary>
public static class InvokeNames
{
    /// <summary>An Adaptive Card Universal Action (<c>Action.Execute</c>).</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

/// <summary>Event names CultureBot acts on.</summary>
public static class EventNames
{
    /// <summary>
    /// A read receipt: in a personal chat, the user read the bot's messages up to <c>value.lastReadMessageId</c>
    /// (Teams sends it to apps granted the ChatMessageReadReceipt.Read.Chat permission).
    /// </summary>
    public const string ReadReceipt = "application/vnd.microsoft.readReceipt";
}

/// <summary>Content types of attachments and invoke responses.</summary>
public static class ContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string ActivityMessage = "application/vnd.microsoft.activity.message";
}
