using CultureBot.Core.Conversations;

namespace CultureBot.Core.Verbatims;

/// <summary>
/// The verbatims of each organization. An organization sees its own and the sample verbatims
/// (<see cref="OrganizationKey.Samples"/>), never another's; a verbatim is unique by fingerprint within its organization.
/// </summary>
public interface IVerbatimStore
{
    /// <summary>Stores for <paramref name="organization"/> the verbatims it does not have yet (by <see cref="Verbatim.Fingerprint"/>). Returns how many were added.</summary>
    Task<int> AddAsync(OrganizationKey organization, IReadOnlyList<Verbatim> verbatims, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// The verbatims <paramref name="organization"/> sees (its own and the samples) said between <paramref name="from"/> and
    /// <paramref name="to"/> (inclusive; undated ones count as said when added), in one language.
    /// </summary>
    Task<IReadOnlyList<Verbatim>> ListAsync(OrganizationKey organization, string language, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>How many verbatims <paramref name="organization"/> sees (its own and the samples).</summary>
    Task<int> CountAsync(OrganizationKey organization, CancellationToken cancellationToken);

    /// <summary>
    /// Hands the verbatims whose organization is not known (<see cref="OrganizationKey.Unassigned"/>, stored before
    /// organizations were kept apart) to <paramref name="organization"/>; those it already has stay unassigned. Returns how many moved.
    /// </summary>
    Task<int> AssignUnassignedAsync(OrganizationKey organization, CancellationToken cancellationToken);

    /// <summary>
    /// The verbatims <paramref name="owner"/> itself holds (not the samples it also sees: an operator lists, deletes
    /// and exports one owner's rows), in every language, oldest first.
    /// </summary>
    Task<IReadOnlyList<Verbatim>> ListOwnAsync(OrganizationKey owner, CancellationToken cancellationToken);

    /// <summary>Deletes verbatim <paramref name="id"/> if <paramref name="owner"/> holds it; false otherwise (another owner's is never touched).</summary>
    Task<bool> DeleteAsync(OrganizationKey owner, long id, CancellationToken cancellationToken);
}
