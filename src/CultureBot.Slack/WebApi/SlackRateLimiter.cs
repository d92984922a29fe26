using CultureBot.Core.Delivery;

namespace CultureBot.Slack.WebApi;

/// <summary>
/// Keeps calls within Slack's limits before Slack has to say 429: per method by tier (per workspace), and about
/// one message per second per channel for <c>chat.postMessage</c>. Each key remembers when it may next be used.
/// </summary>
public sealed class SlackRateLimiter(TimeProvider clock)
{
    private readonly Pacer _pacer = new(clock);

    /// <summary>The name <see cref="SlackWebApiClient"/> gives calls to a <c>response_url</c>.</summary>
    public const string ResponseUrlMethod = "response_url";

    /// <summary>Calls per minute by method (Slack's tiers; unknown methods are treated as Tier 3).</summary>
    public static double PerMinute(string method) => method switch
    {
        "chat.postMessage" or "chat.postEphemeral" or "chat.update" => 100,
        "views.publish" or "users.info" or "auth.test" => 100,
        "conversations.open" => 50,
        _ => 50,
    };

    /// <summary>Waits for a slot for <paramref name="method"/> if one comes within <paramref name="maxWait"/>; false when the caller would wait longer.</summary>
    public Task<bool> TryWaitAsync(string workspace, string method, TimeSpan maxWait, CancellationToken cancellationToken) =>
        _pacer.TryWaitAsync($"{workspace}|{method}", TimeSpan.FromMinutes(1) / PerMinute(method), maxWait, cancellationToken);

    /// <summary>Waits until a call of <paramref name="method"/> (to <paramref name="channel"/>, for messages) is within the limits.</summary>
    public async Task WaitAsync(string workspace, string method, string? channel, CancellationToken cancellationToken)
    {
        // A response_url is not a Web API method: Slack limits each URL (five uses in 30 minutes), not the app, and
        // each click brings its own. Pacing them as one method held a burst of 2,000 quiz clicks to 50 a minute.
        if (method == ResponseUrlMethod)
        {
            return;
        }

        await _pacer.WaitAsync($"{workspace}|{method}", TimeSpan.FromMinutes(1) / PerMinute(method), cancellationToken);
        if (method == "chat.postMessage" && channel is not null)
        {
            await _pacer.WaitAsync($"{workspace}|channel|{channel}", TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
