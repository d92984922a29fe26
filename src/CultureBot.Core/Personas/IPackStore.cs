using CultureBot.Core.Conversations;

namespace CultureBot.Core.Personas;

/// <summary>A pack as stored: its source text (re-read at start), the version of that text, when it was imported.</summary>
/// <param name="Organization">The organization's name as the pack file gives it (for people, not a key).</param>
/// <param name="Owner">The organization that imported it and alone sees it; null for a default pack, shared by all.</param>
/// <param name="Revision">The number of its newest <see cref="PackVersion"/> (0 before it is stored): an editor carries the one it opened.</param>
public sealed record StoredPack(string Slug, string? Organization, string Language, string Version, string SourceFile, string Content, DateTimeOffset ImportedAt, OrganizationKey? Owner = null, int Revision = 0);

/// <summary>One version of a pack: who stored it, when, and what changed from the one before (its whole text is kept too: <see cref="IPackStore.VersionContentAsync"/>).</summary>
/// <param name="Number">1 for the first, then one more for each change (an import, an edit, a rollback).</param>
public sealed record PackVersion(int Number, string Author, DateTimeOffset At, string Summary);

/// <summary>Who made a change and what it changed, recorded with the version it stores.</summary>
public sealed record PackChangeNote(string Author, DateTimeOffset At, string Summary);

/// <summary>What an import did.</summary>
public enum PackImportOutcome
{
    Added,
    Replaced,
    Unchanged,
}

/// <summary>The packs in the database: several per organization (one per language or business unit), and the default ones.</summary>
public interface IPackStore
{
    /// <summary>
    /// Adds the pack, or replaces the one with the same owner and slug, in one statement: readers see the old or the new
    /// pack, never a mix. A change is recorded as a new version (author <c>import</c>).
    /// </summary>
    Task<PackImportOutcome> SaveAsync(StoredPack pack, CancellationToken cancellationToken);

    /// <summary>The pack <paramref name="slug"/> of <paramref name="owner"/> (null: the default one) with its revision; null when it has none.</summary>
    Task<StoredPack?> FindAsync(OrganizationKey? owner, string slug, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="pack"/> as the new version of its owner's pack, and its version row, in one transaction, if the
    /// stored revision is still <paramref name="expectedRevision"/> (0: the owner has no such pack yet); returns the new
    /// revision. Null, storing nothing, when someone changed it since: optimistic concurrency, the editor is told and keeps their text.
    /// </summary>
    Task<int?> SaveRevisionAsync(StoredPack pack, int expectedRevision, PackChangeNote note, CancellationToken cancellationToken);

    /// <summary>The versions of the pack <paramref name="slug"/> of <paramref name="owner"/>, newest first.</summary>
    Task<IReadOnlyList<PackVersion>> VersionsAsync(OrganizationKey? owner, string slug, CancellationToken cancellationToken);

    /// <summary>The whole text of version <paramref name="number"/> of that pack; null when there is no such version.</summary>
    Task<string?> VersionContentAsync(OrganizationKey? owner, string slug, int number, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredPack>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the pack <paramref name="slug"/> of <paramref name="owner"/> (null: the default pack) and no other owner's; false when it has none.</summary>
    Task<bool> RemoveAsync(OrganizationKey? owner, string slug, CancellationToken cancellationToken);
}
