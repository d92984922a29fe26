namespace CultureBot.Teams.Connector;

/// <summary>How hard the connector client insists. Bounded: a message that cannot go out is reported, not retried forever.</summary>
public sealed class ConnectorRetryOptions
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first backoff delay; it doubles each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A <c>Retry-After</c> longer than this is capped: the caller's own deadline matters more.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>One attempt's time limit, apart from the caller's cancellation.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
