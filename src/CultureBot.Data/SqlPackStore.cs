using CultureBot.Core.Personas;
using Dapper;

namespace CultureBot.Data;

/// <summary><see cref="IPackStore"/> on SQLite or PostgreSQL: an import is one upsert, so it replaces a pack atomically.</summary>
public sealed class SqlPackStore : IPackStore
{
    private readonly Database _database;

    public SqlPackStore(Database database) => _database = database;

    public async Task<PackImportOutcome> SaveAsync(StoredPack pack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var current = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT version FROM persona_packs WHERE slug = @Slug", new { pack.Slug }, cancellationToken: cancellationToken));
        if (current == pack.Version)
        {
            return PackImportOutcome.Unchanged;
        }

        const string sql = """
            INSERT INTO persona_packs (slug, organization, language, version, source_file, content, imported_at)
            VALUES (@Slug, @Organization, @Language, @Version, @SourceFile, @Content, @ImportedAt)
            ON CONFLICT (slug) DO UPDATE SET
                organization = excluded.organization, language = excluded.language, version = excluded.version,
                source_file = excluded.source_file, content = excluded.content, imported_at = excluded.imported_at
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            pack.Slug,
            pack.Organization,
            pack.Language,
            pack.Version,
            pack.SourceFile,
            pack.Content,
            ImportedAt = _database.Timestamp(pack.ImportedAt),
        }, cancellationToken: cancellationToken));
        return current is null ? PackImportOutcome.Added : PackImportOutcome.Replaced;
    }

    public async Task<IReadOnlyList<StoredPack>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT slug AS Slug, organization AS Organization, language AS Language, version AS Version, source_file AS SourceFile, content AS Content, imported_at AS ImportedAt FROM persona_packs ORDER BY slug",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new StoredPack(r.Slug, r.Organization, r.Language, r.Version, r.SourceFile, r.Content, Timestamps.Parse(r.ImportedAt)))];
    }

    private sealed class Row
    {
        public string Slug { get; set; } = string.Empty;

        public string? Organization { get; set; }

        public string Language { get; set; } = string.Empty;

        public string Version { get; set; } = string.Empty;

        public string SourceFile { get; set; } = string.Empty;

        public string Content { get; set; } = string.Empty;

        public object ImportedAt { get; set; } = string.Empty;
    }
}
