namespace CultureBot.Core.Delivery;

/// <summary>
/// Proactive work decided by the clock (digests, onboarding cards, committee reminders): the scheduler runs each check
/// every minute, and each decides from the application's own tables what is due, so that a check run twice, late,
/// or on two hosts sends everything once.
/// </summary>
public interface IDueCheck
{
    /// <summary>Queues what is due at <paramref name="now"/> in the outbox; returns how many messages or decisions that made.</summary>
    Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
