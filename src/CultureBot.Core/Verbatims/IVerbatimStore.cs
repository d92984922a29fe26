namespace CultureBot.Core.Verbatims;

/// <summary>The verbatims of the organization.</summary>
public interface IVerbatimStore
{
    /// <summary>Stores the verbatims not stored yet (by <see cref="Verbatim.Fingerprint"/>). Returns how many were added.</summary>
    Task<int> AddAsync(IReadOnlyList<Verbatim> verbatims, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Verbatims said between <paramref name="from"/> and <paramref name="to"/> (inclusive; undated ones count as said when added), in one language.</summary>
    Task<IReadOnlyList<Verbatim>> ListAsync(string language, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);
}
