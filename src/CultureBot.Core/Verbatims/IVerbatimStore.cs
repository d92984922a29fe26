using CultureBot.Core.Conversations;

namespace CultureBot.Core.Verbatims;

/// <summary>
/// The verbatims of each organization. An organization sees its own and the sample verbatims
/// (<see cref="OrganizationKey.Samples"/>), never another's; a verbatim is unique by fingerprint within its organization.
/// A retired verbatim is kept (the studio can restore it) but the readers that use verbatims (<see cref="ListAsync"/>,
/// <see cref="CountAsync"/>, <see cref="VersionAsync"/>) never see it.
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
    /// A value that changes whenever the verbatims <paramref name="organization"/> sees change (added, edited, retired,
    /// restored, deleted): what is generated from them (the quiz's questions) is generated again when it does.
    /// </summary>
    Task<string> VersionAsync(OrganizationKey organization, CancellationToken cancellationToken);

    /// <summary>One page of <paramref name="owner"/>'s own verbatims matching <paramref name="query"/>, newest first, retired ones included as the query says.</summary>
    Task<VerbatimPage> SearchAsync(OrganizationKey owner, VerbatimQuery query, CancellationToken cancellationToken);

    /// <summary>Every verbatim of <paramref name="owner"/> matching <paramref name="query"/> (its paging ignored), newest first: what an export writes.</summary>
    IAsyncEnumerable<Verbatim> StreamAsync(OrganizationKey owner, VerbatimQuery query, CancellationToken cancellationToken);

    /// <summary><paramref name="owner"/>'s own verbatim <paramref name="id"/>, retired or not; null when it holds none with that id.</summary>
    Task<StoredVerbatim?> GetAsync(OrganizationKey owner, long id, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the fields of <paramref name="owner"/>'s verbatim <paramref name="id"/> with <paramref name="verbatim"/>'s
    /// (personal data already removed by the caller) if it is still at <paramref name="revision"/>.
    /// </summary>
    Task<VerbatimEditOutcome> UpdateAsync(OrganizationKey owner, long id, int revision, Verbatim verbatim, CancellationToken cancellationToken);

    /// <summary>
    /// Retires <paramref name="owner"/>'s verbatim <paramref name="id"/> as of <paramref name="retiredAt"/>, or restores it
    /// (null), if it is still at <paramref name="revision"/>.
    /// </summary>
    Task<VerbatimEditOutcome> SetRetiredAsync(OrganizationKey owner, long id, int revision, DateTimeOffset? retiredAt, CancellationToken cancellationToken);

    /// <summary>
    /// Hands the verbatims whose organization is not known (<see cref="OrganizationKey.Unassigned"/>, stored before
    /// organizations were kept apart) to <paramref name="organization"/>; those it already has stay unassigned. Returns how many moved.
    /// </summary>
    Task<int> AssignUnassignedAsync(OrganizationKey organization, CancellationToken cancellationToken);

    /// <summary>
    /// The verbatims <paramref name="owner"/> itself holds (not the samples it also sees: an operator lists, deletes
    /// and exports one owner's rows), in every language, oldest first; not the retired ones, which the studio keeps to
    /// restore (an export imported back would bring them back to the digests and the quiz).
    /// </summary>
    Task<IReadOnlyList<Verbatim>> ListOwnAsync(OrganizationKey owner, CancellationToken cancellationToken);

    /// <summary>Deletes verbatim <paramref name="id"/> if <paramref name="owner"/> holds it; false otherwise (another owner's is never touched).</summary>
    Task<bool> DeleteAsync(OrganizationKey owner, long id, CancellationToken cancellationToken);
}
