using System.Data.Common;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;
using Dapper;

namespace CultureBot.Data;

/// <summary>
/// <see cref="IPackStore"/> on SQLite or PostgreSQL: an import is one upsert, so it replaces a pack atomically. A pack is
/// keyed by its owner and slug; the default packs have an empty platform and tenant (a key column cannot be null).
/// Each change also adds a row to <c>persona_pack_versions</c>, in the same transaction, numbered by the pack's revision.
/// </summary>
public sealed class SqlPackStore : IPackStore
{
    private readonly Database _database;

    public SqlPackStore(Database database) => _database = database;

    public async Task<PackImportOutcome> SaveAsync(StoredPack pack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.QuerySingleOrDefaultAsync<CurrentRow>(new CommandDefinition(
            "SELECT version AS Version, revision AS Revision FROM persona_packs WHERE platform = @Platform AND tenant_id = @TenantId AND slug = @Slug",
            Key(pack.Owner, pack.Slug),
            transaction,
            cancellationToken: cancellationToken));
        if (current?.Version == pack.Version)
        {
            return PackImportOutcome.Unchanged;
        }

        var revision = (current?.Revision ?? await LastVersionAsync(connection, transaction, pack, cancellationToken)) + 1;
        await UpsertAsync(connection, transaction, pack, revision, cancellationToken);
        await AddVersionAsync(connection, transaction, pack, revision, new PackChangeNote("import", pack.ImportedAt, "imported from " + pack.SourceFile), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return current is null ? PackImportOutcome.Added : PackImportOutcome.Replaced;
    }

    public async Task<int?> SaveRevisionAsync(StoredPack pack, int expectedRevision, PackChangeNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(note);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // A pack removed and stored again goes on from its last version: its history stays whole.
        var revision = (expectedRevision == 0 ? await LastVersionAsync(connection, transaction, pack, cancellationToken) : expectedRevision) + 1;

        // The check and the write are one statement, so two editors saving at once cannot both pass it: the second
        // finds the revision the first wrote (or the row the first inserted) and changes nothing.
        var written = expectedRevision == 0
            ? await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO persona_packs (platform, tenant_id, slug, organization, language, version, source_file, content, imported_at, revision)
                VALUES (@Platform, @TenantId, @Slug, @Organization, @Language, @Version, @SourceFile, @Content, @ImportedAt, @Revision)
                ON CONFLICT (platform, tenant_id, slug) DO NOTHING
                """,
                Row.Parameters(_database, pack, revision),
                transaction,
                cancellationToken: cancellationToken))
            : await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE persona_packs SET organization = @Organization, language = @Language, version = @Version, source_file = @SourceFile,
                       content = @Content, imported_at = @ImportedAt, revision = @Revision
                WHERE platform = @Platform AND tenant_id = @TenantId AND slug = @Slug AND revision = @Expected
                """,
                Merged(Row.Parameters(_database, pack, revision), new { Expected = expectedRevision }),
                transaction,
                cancellationToken: cancellationToken));
        if (written == 0)
        {
            return null;
        }

        await AddVersionAsync(connection, transaction, pack, revision, note, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return revision;
    }

    public async Task<StoredPack?> FindAsync(OrganizationKey? owner, string slug, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Row.Select + " WHERE platform = @Platform AND tenant_id = @TenantId AND slug = @Slug",
            Key(owner, slug),
            cancellationToken: cancellationToken));
        return row?.ToPack();
    }

    public async Task<IReadOnlyList<PackVersion>> VersionsAsync(OrganizationKey? owner, string slug, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            """
            SELECT number AS Number, author AS Author, created_at AS CreatedAt, summary AS Summary FROM persona_pack_versions
            WHERE platform = @Platform AND tenant_id = @TenantId AND slug = @Slug ORDER BY number DESC
            """,
            Key(owner, slug),
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PackVersion(r.Number, r.Author, Timestamps.Parse(r.CreatedAt), r.Summary))];
    }

    public async Task<string?> VersionContentAsync(OrganizationKey? owner, string slug, int number, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT content FROM persona_pack_versions WHERE platform = @Platform AND tenant_id = @TenantId AND slug = @Slug AND number = @Number",
            Key(owner, slug, new { Number = number }),
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StoredPack>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Row.Select + " ORDER BY platform, tenant_id, slug", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToPack())];
    }

    public async Task<bool> RemoveAsync(OrganizationKey? owner, string slug, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM persona_packs WHERE platform = @Platform AND tenant_id = @TenantId AND slug = @Slug",
            new { Platform = owner?.Platform ?? string.Empty, TenantId = owner?.TenantId ?? string.Empty, Slug = slug },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>A pack's key as query parameters: the default packs have an empty platform and tenant.</summary>
    private static DynamicParameters Key(OrganizationKey? owner, string slug, object? more = null) =>
        Merged(new { Platform = owner?.Platform ?? string.Empty, TenantId = owner?.TenantId ?? string.Empty, Slug = slug }, more);

    private static DynamicParameters Merged(object parameters, object? more)
    {
        var merged = new DynamicParameters(parameters);
        if (more is not null)
        {
            merged.AddDynamicParams(more);
        }

        return merged;
    }

    private async Task UpsertAsync(DbConnection connection, DbTransaction transaction, StoredPack pack, int revision, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO persona_packs (platform, tenant_id, slug, organization, language, version, source_file, content, imported_at, revision)
            VALUES (@Platform, @TenantId, @Slug, @Organization, @Language, @Version, @SourceFile, @Content, @ImportedAt, @Revision)
            ON CONFLICT (platform, tenant_id, slug) DO UPDATE SET
                organization = excluded.organization, language = excluded.language, version = excluded.version,
                source_file = excluded.source_file, content = excluded.content, imported_at = excluded.imported_at, revision = excluded.revision
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, Row.Parameters(_database, pack, revision), transaction, cancellationToken: cancellationToken));
    }

    private static async Task<int> LastVersionAsync(DbConnection connection, DbTransaction transaction, StoredPack pack, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT MAX(number) FROM persona_pack_versions WHERE platform = @Platform AND tenant_id = @TenantId AND slug = @Slug",
            Key(pack.Owner, pack.Slug),
            transaction,
            cancellationToken: cancellationToken)) ?? 0;

    private async Task AddVersionAsync(DbConnection connection, DbTransaction transaction, StoredPack pack, int number, PackChangeNote note, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO persona_pack_versions (platform, tenant_id, slug, number, content, author, created_at, summary)
            VALUES (@Platform, @TenantId, @Slug, @Number, @Content, @Author, @CreatedAt, @Summary)
            """,
            Key(pack.Owner, pack.Slug, new { Number = number, pack.Content, note.Author, CreatedAt = _database.Timestamp(note.At), note.Summary }),
            transaction,
            cancellationToken: cancellationToken));
    }

    private sealed class CurrentRow
    {
        public string Version { get; set; } = string.Empty;

        public int Revision { get; set; }
    }

    private sealed class VersionRow
    {
        public int Number { get; set; }

        public string Author { get; set; } = string.Empty;

        public object CreatedAt { get; set; } = string.Empty;

        public string Summary { get; set; } = string.Empty;
    }

    private sealed class Row
    {
        public const string Select = """
            SELECT platform AS Platform, tenant_id AS TenantId, slug AS Slug, organization AS Organization, language AS Language,
                   version AS Version, source_file AS SourceFile, content AS Content, imported_at AS ImportedAt, revision AS Revision
            FROM persona_packs
            """;

        public string Platform { get; set; } = string.Empty;

        public string TenantId { get; set; } = string.Empty;

        public string Slug { get; set; } = string.Empty;

        public string? Organization { get; set; }

        public string Language { get; set; } = string.Empty;

        public string Version { get; set; } = string.Empty;

        public string SourceFile { get; set; } = string.Empty;

        public string Content { get; set; } = string.Empty;

        public object ImportedAt { get; set; } = string.Empty;

        public int Revision { get; set; }

        public static object Parameters(Database database, StoredPack pack, int revision) => new
        {
            Platform = pack.Owner?.Platform ?? string.Empty,
            TenantId = pack.Owner?.TenantId ?? string.Empty,
            pack.Slug,
            pack.Organization,
            pack.Language,
            pack.Version,
            pack.SourceFile,
            pack.Content,
            ImportedAt = database.Timestamp(pack.ImportedAt),
            Revision = revision,
        };

        public StoredPack ToPack() => new(
            Slug, Organization, Language, Version, SourceFile, Content, Timestamps.Parse(ImportedAt),
            Platform.Length == 0 ? null : new OrganizationKey(Platform, TenantId), Revision);
    }
}
