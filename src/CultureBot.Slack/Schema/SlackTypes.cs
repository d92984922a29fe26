namespace CultureBot.Slack.Schema;

/// <summary>
/// The records of each family of Slack payloads, by <c>type</c>. To read a new type: write its record (deriving from
/// the family's base), add it here and to <see cref="SlackJsonContext"/>.
/// </summary>
public static class SlackTypes
{
    /// <summary>What the Events API request URL receives.</summary>
    public static SlackTypeMap<SlackEventsApiBody> EventsApi { get; } = new(new Dictionary<string, Type>
    {
        [SlackUrlVerification.TypeName] = typeof(SlackUrlVerification),
        [SlackEventCallback.TypeName] = typeof(SlackEventCallback),
        [SlackAppRateLimited.TypeName] = typeof(SlackAppRateLimited),
    });

    /// <summary>The events inside an <c>event_callback</c> that CultureBot handles.</summary>
    public static SlackTypeMap<SlackEvent> Events { get; } = new(new Dictionary<string, Type>
    {
        [SlackMessageEvent.TypeName] = typeof(SlackMessageEvent),
        [SlackAppMentionEvent.TypeName] = typeof(SlackAppMentionEvent),
        [SlackAppHomeOpenedEvent.TypeName] = typeof(SlackAppHomeOpenedEvent),
        [SlackMemberJoinedChannelEvent.TypeName] = typeof(SlackMemberJoinedChannelEvent),
        [SlackMemberLeftChannelEvent.TypeName] = typeof(SlackMemberLeftChannelEvent),
        [SlackTeamJoinEvent.TypeName] = typeof(SlackTeamJoinEvent),
        [SlackAppUninstalledEvent.TypeName] = typeof(SlackAppUninstalledEvent),
        [SlackTokensRevokedEvent.TypeName] = typeof(SlackTokensRevokedEvent),
    });

    /// <summary>The interactions CultureBot handles.</summary>
    public static SlackTypeMap<SlackInteraction> Interactions { get; } = new(new Dictionary<string, Type>
    {
        [SlackBlockActions.TypeName] = typeof(SlackBlockActions),
        [SlackViewSubmission.TypeName] = typeof(SlackViewSubmission),
    });

    /// <summary>What arrives over a Socket Mode WebSocket.</summary>
    public static SlackTypeMap<SlackSocketMessage> SocketMode { get; } = new(new Dictionary<string, Type>
    {
        [SlackSocketHello.TypeName] = typeof(SlackSocketHello),
        [SlackSocketDisconnect.TypeName] = typeof(SlackSocketDisconnect),
        [SlackSocketEnvelope.EventsApi] = typeof(SlackSocketEnvelope),
        [SlackSocketEnvelope.SlashCommands] = typeof(SlackSocketEnvelope),
        [SlackSocketEnvelope.Interactive] = typeof(SlackSocketEnvelope),
    });
}
