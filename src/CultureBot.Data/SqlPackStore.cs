using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;
using Dapper;

namespace CultureBot.Data;

/// <summary>
/// <see cref="IPackStore"/> on SQLite or PostgreSQL: an import is one upsert, so it replaces a pack atomically. A pack is
/// keyed by its owner and slug; the default packs have an empty platform and tenant (a key column cannot be null).
/// </summary>
public sealed class SqlPackStore : IPackStore
{
    private readonly Database _database;

    public SqlPackStore(Database database) => _database = database;

    public async Task<PackImportOutcome> SaveAsync(StoredPack pack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var platform = pack.Owner?.Platform ?? string.Empty;
        var tenantId = pack.Owner?.TenantId ?? string.Empty;
        await using var connection = await _database.OpenAsync(cancellationToken);
        var current = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT version FROM persona_packs WHERE platform = @Platform AND tenant_id = @TenantId AND slug = @Slug",
            new { Platform = platform, TenantId = tenantId, pack.Slug },
            cancellationToken: cancellationToken));
        if (current == pack.Version)
        {
            return PackImportOutcome.Unchanged;
        }

        const string sql = """
            INSERT INTO persona_packs (platform, tenant_id, slug, organization, language, version, source_file, content, imported_at)
            VALUES (@Platform, @TenantId, @Slug, @Organization, @Language, @Version, @SourceFile, @Content, @ImportedAt)
            ON CONFLICT (platform, tenant_id, slug) DO UPDATE SET
                organization = excluded.organization, language = excluded.language, version = excluded.version,
                source_file = excluded.source_file, content = excluded.content, imported_at = excluded.imported_at
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            Platform = platform,
            TenantId = tenantId,
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
            """
            SELECT platform AS Platform, tenant_id AS TenantId, slug AS Slug, organization AS Organization, language AS Language,
                   version AS Version, source_file AS SourceFile, content AS Content, imported_at AS ImportedAt
            FROM persona_packs ORDER BY platform, tenant_id, slug
            """,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new StoredPack(
            r.Slug, r.Organization, r.Language, r.Version, r.SourceFile, r.Content, Timestamps.Parse(r.ImportedAt),
            r.Platform.Length == 0 ? null : new OrganizationKey(r.Platform, r.TenantId)))];
    }

    public async Task<bool> RemoveAsync(OrganizationKey? owner, string slug, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM persona_packs WHERE platform = @Platform AND tenant_id = @TenantId AND slug = @Slug",
            new { Platform = owner?.Platform ?? string.Empty, TenantId = owner?.TenantId ?? string.Empty, Slug = slug },
            cancellationToken: cancellationToken)) > 0;
    }

    private sealed class Row
    {
        public string Platform { get; set; } = string.Empty;

        public string TenantId { get; set; } = string.Empty;

        public string Slug { get; set; } = string.Empty;

        public string? Organization { get; set; }

        public string Language { get; set; } = string.Empty;

        public string Version { get; set; } = string.Empty;

        public string SourceFile { get; set; } = string.Empty;

        public string Content { get; set; } = string.Empty;

        public object ImportedAt { get; set; } = string.Empty;
    }
}
