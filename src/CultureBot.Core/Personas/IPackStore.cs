namespace CultureBot.Core.Personas;

/// <summary>A pack as stored: its source text (re-read at start), the version of that text, when it was imported.</summary>
public sealed record StoredPack(string Slug, string? Organization, string Language, string Version, string SourceFile, string Content, DateTimeOffset ImportedAt);

/// <summary>What an import did.</summary>
public enum PackImportOutcome
{
    Added,
    Replaced,
    Unchanged,
}

/// <summary>The packs of the organization, in the database: several per organization (one per language or business unit).</summary>
public interface IPackStore
{
    /// <summary>Adds the pack, or replaces the one with the same slug, in one statement: readers see the old or the new pack, never a mix.</summary>
    Task<PackImportOutcome> SaveAsync(StoredPack pack, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredPack>> ListAsync(CancellationToken cancellationToken);
}
