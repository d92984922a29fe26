using System.Collections.Concurrent;

namespace CultureBot.Core.Delivery;

/// <summary>
/// Keeps calls under a platform's rate before the platform has to say 429: each key (a tenant, a channel, a
/// method) remembers when it may next be used, and a caller waits for its slot. Slots are handed out in order,
/// so concurrent callers are spaced too.
/// </summary>
public sealed class Pacer(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);

    /// <summary>Nobody gets <paramref name="key"/> before <paramref name="until"/> (the platform said 429: the whole key waits, not just one caller).</summary>
    public void Defer(string key, DateTimeOffset until) =>
        _next.AddOrUpdate(key, until, (_, next) => next > until ? next : until);

    /// <summary>
    /// Waits for <paramref name="key"/>'s slot if it comes within <paramref name="maxWait"/>; false (and nothing booked)
    /// when it would come later: the caller does without rather than queue behind a burst.
    /// </summary>
    public async Task<bool> TryWaitAsync(string key, TimeSpan spacing, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            var next = _next.GetOrAdd(key, now);
            var slot = next > now ? next : now;
            if (slot - now > maxWait)
            {
                return false;
            }

            if (_next.TryUpdate(key, slot + spacing, next))
            {
                if (slot > now)
                {
                    await Task.Delay(slot - now, clock, cancellationToken);
                }

                return true;
            }
        }
    }

    /// <summary>Waits until <paramref name="key"/> may be used, at most once per <paramref name="spacing"/>.</summary>
    public Task WaitAsync(string key, TimeSpan spacing, CancellationToken cancellationToken) =>
        TryWaitAsync(key, spacing, TimeSpan.MaxValue, cancellationToken);
}
