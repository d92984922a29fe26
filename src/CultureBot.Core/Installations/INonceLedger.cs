namespace CultureBot.Core.Installations;

/// <summary>
/// Values that may be used once, such as an OAuth <c>state</c>: the first use wins, on every host sharing the
/// database, and a replay of the same value is refused.
/// </summary>
public interface INonceLedger
{
    /// <summary>Records the nonce as used until it expires; false when it was already used. Forgets expired ones.</summary>
    Task<bool> TryUseAsync(string nonce, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken);
}
