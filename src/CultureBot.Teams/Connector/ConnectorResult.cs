namespace CultureBot.Teams.Connector;

/// <summary>How a call to the Bot Connector ended. 403 and 404 are outcomes to record, never to retry.</summary>
public enum ConnectorOutcome
{
    Succeeded,

    /// <summary>The bot may not write there (app removed, user blocked it, <c>MessageWritesBlocked</c>).</summary>
    Forbidden,

    /// <summary>The conversation or activity does not exist (any more).</summary>
    NotFound,

    /// <summary>Still failing after the bounded retries, or a non-retryable error.</summary>
    Failed,
}

/// <param name="Outcome">How it ended.</param>
/// <param name="StatusCode">The last HTTP status, null when no response came (network error, timeout).</param>
/// <param name="Id">The new activity's id, or the new conversation's id; null when the service gave none (202).</param>
/// <param name="ErrorCode">The connector's error code (<c>{"error":{"code"}}</c>), e.g. <c>BotNotInConversationRoster</c>.</param>
/// <param name="Attempts">How many HTTP attempts were made.</param>
public sealed record ConnectorResult(ConnectorOutcome Outcome, int? StatusCode, string? Id, string? ErrorCode, int Attempts)
{
    public bool Succeeded => Outcome == ConnectorOutcome.Succeeded;

    /// <summary>The wait the last answer asked for (<c>Retry-After</c>), when it failed with one.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
