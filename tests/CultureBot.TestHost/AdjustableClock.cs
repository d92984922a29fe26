namespace CultureBot.TestHost;

/// <summary>
/// The clock of an end-to-end run (<c>Testing:Clock</c>): it starts at a chosen instant, runs at real speed, and an
/// end-to-end test can move it forward, never back. Everything that tells time asks the container's
/// <see cref="TimeProvider"/> — the schedulers, the outbox, and Quartz itself — so moving this clock moves them all.
/// Durations (timers, delays, stopwatches) stay real: a jump is seen at the next check, not waited for.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public AdjustableClock(DateTimeOffset start) => _offsetTicks = (start - System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock to <paramref name="instant"/> when that is ahead of it; returns the time it now reads.</summary>
    public DateTimeOffset MoveTo(DateTimeOffset instant)
    {
        while (true)
        {
            var offset = Interlocked.Read(ref _offsetTicks);
            var wanted = (instant - System.GetUtcNow()).Ticks;
            if (wanted <= offset || Interlocked.CompareExchange(ref _offsetTicks, wanted, offset) == offset)
            {
                return GetUtcNow();
            }
        }
    }
}
