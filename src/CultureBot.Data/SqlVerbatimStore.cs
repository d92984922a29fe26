using CultureBot.Core.Conversations;
using CultureBot.Core.Verbatims;
using Dapper;

namespace CultureBot.Data;

/// <summary>
/// <see cref="IVerbatimStore"/> on SQLite or PostgreSQL; duplicates fall on the fingerprint, unique per organization
/// (insert-or-ignore). Retired rows (<c>retired_at</c> set) are read only by the studio's own methods.
/// </summary>
public sealed class SqlVerbatimStore : IVerbatimStore
{
    private readonly Database _database;

    public SqlVerbatimStore(Database database) => _database = database;

    private const string Columns = """
        id AS Id, text AS Text, persona_id AS PersonaId, kind AS Kind, stage AS Stage, source AS Source,
        said_on AS SaidOn, dated AS Dated, channel AS Channel, language AS Language
        """;

    /// <summary>The rows an organization uses: its own and the samples, not retired.</summary>
    private const string Visible = "((platform = @Platform AND tenant_id = @TenantId) OR (platform = @SamplesPlatform AND tenant_id = @SamplesTenant)) AND retired_at IS NULL";

    private const string StudioColumns = $"{Columns}, retired_at AS RetiredAt, revision AS Revision";

    public async Task<int> AddAsync(OrganizationKey organization, IReadOnlyList<Verbatim> verbatims, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(verbatims);
        const string sql = """
            INSERT INTO verbatims (platform, tenant_id, fingerprint, text, persona_id, kind, stage, source, said_on, dated, channel, language, added_at)
            VALUES (@Platform, @TenantId, @Fingerprint, @Text, @PersonaId, @Kind, @Stage, @Source, @SaidOn, @Dated, @Channel, @Language, @AddedAt)
            ON CONFLICT (platform, tenant_id, fingerprint) DO NOTHING
            """;
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = 0;
        foreach (var verbatim in verbatims)
        {
            added += await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                organization.Platform,
                organization.TenantId,
                verbatim.Fingerprint,
                verbatim.Text,
                verbatim.PersonaId,
                Kind = verbatim.Kind?.ToString(),
                verbatim.Stage,
                Source = verbatim.Source?.ToString(),
                SaidOn = _database.Date(verbatim.Date ?? today),
                Dated = verbatim.Date is not null,
                verbatim.Channel,
                verbatim.Language,
                AddedAt = _database.Timestamp(at),
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<Verbatim>> ListAsync(OrganizationKey organization, string language, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        const string sql = $"""
            SELECT {Columns}
            FROM verbatims
            WHERE {Visible} AND language = @Language AND said_on >= @From AND said_on <= @To
            ORDER BY said_on, id
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, Parameters(organization, new { Language = language, From = _database.Date(from), To = _database.Date(to) }), cancellationToken: cancellationToken));
        return [.. rows.Select(Read)];
    }

    public async Task<IReadOnlyList<Verbatim>> ListOwnAsync(OrganizationKey owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        const string sql = $"""
            SELECT {Columns}
            FROM verbatims
            WHERE platform = @Platform AND tenant_id = @TenantId AND retired_at IS NULL
            ORDER BY said_on, id
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { owner.Platform, owner.TenantId }, cancellationToken: cancellationToken));
        return [.. rows.Select(Read)];
    }

    public async Task<bool> DeleteAsync(OrganizationKey owner, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM verbatims WHERE id = @Id AND platform = @Platform AND tenant_id = @TenantId",
            new { Id = id, owner.Platform, owner.TenantId },
            transaction,
            cancellationToken: cancellationToken)) > 0;
        if (deleted)
        {
            // Digests remember what they showed by id (of this owner's verbatim, or a sample's in any organization): that memory goes with it.
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM digest_shown WHERE verbatim_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<int> CountAsync(OrganizationKey organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) FROM verbatims WHERE {Visible}", Parameters(organization, null), cancellationToken: cancellationToken));
    }

    public async Task<string> VersionAsync(OrganizationKey organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);

        // Every add, edit, retirement and restoration raises a revision or the count; a deletion lowers the count.
        await using var connection = await _database.OpenAsync(cancellationToken);
        var (count, revisions) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            $"SELECT COUNT(*), COALESCE(SUM(revision), 0) FROM verbatims WHERE {Visible}", Parameters(organization, null), cancellationToken: cancellationToken));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count}:{revisions}");
    }

    public async Task<VerbatimPage> SearchAsync(OrganizationKey owner, VerbatimQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(query);
        var (where, parameters) = Filter(owner, query);
        parameters.Add("Limit", Math.Clamp(query.Limit, 1, VerbatimQuery.MaxLimit));
        parameters.Add("Offset", Math.Max(0, query.Offset));
        await using var connection = await _database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) FROM verbatims WHERE {where}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(PageSql(where), parameters, cancellationToken: cancellationToken));
        return new VerbatimPage([.. rows.Select(ReadStored)], total);
    }

    /// <summary>A page, newest first: the order of <c>ix_verbatims_owner_said_on</c> read backwards, so no sort.</summary>
    internal static string PageSql(string where) => $"""
        SELECT {StudioColumns}
        FROM verbatims
        WHERE {where}
        ORDER BY said_on DESC, id DESC
        LIMIT @Limit OFFSET @Offset
        """;

    public async IAsyncEnumerable<Verbatim> StreamAsync(OrganizationKey owner, VerbatimQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(query);
        var (where, parameters) = Filter(owner, query);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<Row>($"SELECT {StudioColumns} FROM verbatims WHERE {where} ORDER BY said_on DESC, id DESC", parameters);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return Read(row);
        }
    }

    public async Task<StoredVerbatim?> GetAsync(OrganizationKey owner, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {StudioColumns} FROM verbatims WHERE id = @Id AND platform = @Platform AND tenant_id = @TenantId",
            new { Id = id, owner.Platform, owner.TenantId }, cancellationToken: cancellationToken));
        return row is null ? null : ReadStored(row);
    }

    public async Task<VerbatimEditOutcome> UpdateAsync(OrganizationKey owner, long id, int revision, Verbatim verbatim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(verbatim);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = new { Id = id, owner.Platform, owner.TenantId, Revision = revision, verbatim.Fingerprint };
        var current = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            "SELECT revision FROM verbatims WHERE id = @Id AND platform = @Platform AND tenant_id = @TenantId", key, transaction, cancellationToken: cancellationToken));
        if (current is null)
        {
            return VerbatimEditOutcome.NotFound;
        }

        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM verbatims WHERE platform = @Platform AND tenant_id = @TenantId AND fingerprint = @Fingerprint AND id <> @Id", key, transaction, cancellationToken: cancellationToken)) > 0)
        {
            return VerbatimEditOutcome.Duplicate;
        }

        // The revision in the WHERE makes the check and the write one step: of two editors who opened revision 3, one writes.
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE verbatims
            SET fingerprint = @Fingerprint, text = @Text, persona_id = @PersonaId, kind = @Kind, stage = @Stage, source = @Source,
                said_on = CASE WHEN @Dated THEN @SaidOn ELSE said_on END, dated = @Dated, channel = @Channel, language = @Language,
                revision = revision + 1
            WHERE id = @Id AND platform = @Platform AND tenant_id = @TenantId AND revision = @Revision
            """,
            new
            {
                Id = id,
                owner.Platform,
                owner.TenantId,
                Revision = revision,
                verbatim.Fingerprint,
                verbatim.Text,
                verbatim.PersonaId,
                Kind = verbatim.Kind?.ToString(),
                verbatim.Stage,
                Source = verbatim.Source?.ToString(),
                Dated = verbatim.Date is not null,
                SaidOn = verbatim.Date is { } date ? _database.Date(date) : null,
                verbatim.Channel,
                verbatim.Language,
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return updated > 0 ? VerbatimEditOutcome.Saved : VerbatimEditOutcome.Changed;
    }

    public async Task<VerbatimEditOutcome> SetRetiredAsync(OrganizationKey owner, long id, int revision, DateTimeOffset? retiredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE verbatims SET retired_at = @RetiredAt, revision = revision + 1 WHERE id = @Id AND platform = @Platform AND tenant_id = @TenantId AND revision = @Revision",
            new { Id = id, owner.Platform, owner.TenantId, Revision = revision, RetiredAt = retiredAt is { } at ? _database.Timestamp(at) : null },
            cancellationToken: cancellationToken));
        if (updated > 0)
        {
            return VerbatimEditOutcome.Saved;
        }

        return await GetAsync(owner, id, cancellationToken) is null ? VerbatimEditOutcome.NotFound : VerbatimEditOutcome.Changed;
    }

    /// <summary>
    /// The WHERE of a search, scoped to one owner (so <c>ix_verbatims_owner_said_on</c> serves it), and its parameters.
    /// Words are matched with LIKE (ILIKE on PostgreSQL: case ignored on both), their wildcards escaped.
    /// </summary>
    internal (string Where, DynamicParameters Parameters) Filter(OrganizationKey owner, VerbatimQuery query)
    {
        var parameters = new DynamicParameters(new { owner.Platform, owner.TenantId });
        var where = new List<string> { "platform = @Platform", "tenant_id = @TenantId" };
        void Add(string condition, string name, object? value)
        {
            where.Add(condition);
            parameters.Add(name, value);
        }

        var like = _database.Provider == StorageProvider.Postgres ? "ILIKE" : "LIKE";
        var words = query.SearchWords();
        for (var i = 0; i < words.Count; i++)
        {
            var escaped = words[i].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            Add($"text {like} @Word{i} ESCAPE '\\'", $"Word{i}", $"%{escaped}%");
        }

        if (!string.IsNullOrWhiteSpace(query.PersonaId))
        {
            Add("persona_id = @PersonaId", "PersonaId", query.PersonaId.Trim());
        }

        if (query.Kind is { } kind)
        {
            Add("kind = @Kind", "Kind", kind.ToString());
        }

        if (!string.IsNullOrWhiteSpace(query.Stage))
        {
            Add("stage = @Stage", "Stage", query.Stage.Trim());
        }

        if (query.Source is { } source)
        {
            Add("source = @Source", "Source", source.ToString());
        }

        if (query.From is { } from)
        {
            Add("said_on >= @From", "From", _database.Date(from));
        }

        if (query.To is { } to)
        {
            Add("said_on <= @To", "To", _database.Date(to));
        }

        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            Add("language = @Language", "Language", query.Language.Trim());
        }

        if (query.State != VerbatimState.All)
        {
            where.Add(query.State == VerbatimState.Retired ? "retired_at IS NOT NULL" : "retired_at IS NULL");
        }

        return (string.Join(" AND ", where), parameters);
    }

    public async Task<int> AssignUnassignedAsync(OrganizationKey organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        const string sql = """
            UPDATE verbatims SET platform = @Platform, tenant_id = @TenantId
            WHERE platform = @UnassignedPlatform AND tenant_id = @UnassignedTenant
              AND NOT EXISTS (SELECT 1 FROM verbatims own WHERE own.platform = @Platform AND own.tenant_id = @TenantId AND own.fingerprint = verbatims.fingerprint)
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            organization.Platform,
            organization.TenantId,
            UnassignedPlatform = OrganizationKey.Unassigned.Platform,
            UnassignedTenant = OrganizationKey.Unassigned.TenantId,
        }, cancellationToken: cancellationToken));
    }

    private static StoredVerbatim ReadStored(Row r) =>
        new(Read(r), r.RetiredAt is null ? null : Timestamps.Parse(r.RetiredAt), r.Revision);

    private static Verbatim Read(Row r) => new()
    {
        Id = r.Id,
        Text = r.Text,
        PersonaId = r.PersonaId,
        Kind = Enum.TryParse<VerbatimKind>(r.Kind, out var kind) ? kind : null,
        Stage = r.Stage,
        Source = Enum.TryParse<VerbatimSource>(r.Source, out var source) ? source : null,
        Date = Convert.ToBoolean(r.Dated, System.Globalization.CultureInfo.InvariantCulture) ? Database.ReadDate(r.SaidOn) : null,
        Channel = r.Channel,
        Language = r.Language,
    };

    private static DynamicParameters Parameters(OrganizationKey organization, object? more)
    {
        var parameters = new DynamicParameters(more);
        parameters.Add("Platform", organization.Platform);
        parameters.Add("TenantId", organization.TenantId);
        parameters.Add("SamplesPlatform", OrganizationKey.Samples.Platform);
        parameters.Add("SamplesTenant", OrganizationKey.Samples.TenantId);
        return parameters;
    }

    private sealed class Row
    {
        public long Id { get; set; }

        public string Text { get; set; } = string.Empty;

        public string? PersonaId { get; set; }

        public string? Kind { get; set; }

        public string? Stage { get; set; }

        public string? Source { get; set; }

        public object SaidOn { get; set; } = string.Empty;

        public object Dated { get; set; } = false;

        public string? Channel { get; set; }

        public string Language { get; set; } = "en";

        public object? RetiredAt { get; set; }

        public int Revision { get; set; }
    }
}
