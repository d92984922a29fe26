using CultureBot.Core.Conversations;

namespace CultureBot.Core.Personas;

/// <summary>A pack as stored: its source text (re-read at start), the version of that text, when it was imported.</summary>
/// <param name="Organization">The organization's name as the pack file gives it (for people, not a key).</param>
/// <param name="Owner">The organization that imported it and alone sees it; null for a default pack, shared by all.</param>
public sealed record StoredPack(string Slug, string? Organization, string Language, string Version, string SourceFile, string Content, DateTimeOffset ImportedAt, OrganizationKey? Owner = null);

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
    /// <summary>Adds the pack, or replaces the one with the same owner and slug, in one statement: readers see the old or the new pack, never a mix.</summary>
    Task<PackImportOutcome> SaveAsync(StoredPack pack, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredPack>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the pack <paramref name="slug"/> of <paramref name="owner"/> (null: the default pack) and no other owner's; false when it has none.</summary>
    Task<bool> RemoveAsync(OrganizationKey? owner, string slug, CancellationToken cancellationToken);
}
