using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Host.Tests.Support;

/// <summary>
/// The host's workers (the Slack inbox, the outbox, the platform pacers) wait on the fake clock between rounds: a test
/// waiting for what they do moves the clock on by <c>step</c> and lets real time pass (<c>pause</c>) between looks.
/// </summary>
public static class FakeClockWait
{
    /// <summary>Returns the first non-null value <paramref name="probe"/> gives; throws with <paramref name="failure"/>'s words after <paramref name="attempts"/> looks.</summary>
    public static async Task<T> UntilAsync<T>(FakeTimeProvider clock, Func<Task<T?>> probe, TimeSpan step, TimeSpan pause, int attempts, Func<string> failure)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(failure);
        for (var i = 0; i < attempts; i++)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            clock.Advance(step);
            await Task.Delay(pause);
        }

        throw new TimeoutException(failure());
    }

    public static Task<T> UntilAsync<T>(FakeTimeProvider clock, Func<T?> probe, TimeSpan step, TimeSpan pause, int attempts, Func<string> failure)
        where T : class =>
        UntilAsync(clock, () => Task.FromResult(probe()), step, pause, attempts, failure);
}
