using CultureBot.Core.Conversations;
using CultureBot.Core.Verbatims;
using Dapper;

namespace CultureBot.Data;

/// <summary><see cref="IVerbatimStore"/> on SQLite or PostgreSQL; duplicates fall on the fingerprint, unique per organization (insert-or-ignore).</summary>
public sealed class SqlVerbatimStore : IVerbatimStore
{
    private readonly Database _database;

    public SqlVerbatimStore(Database database) => _database = database;

    private const string Columns = """
        id AS Id, text AS Text, persona_id AS PersonaId, kind AS Kind, stage AS Stage, source AS Source,
        said_on AS SaidOn, dated AS Dated, channel AS Channel, language AS Language
        """;

    /// <summary>The rows an organization sees: its own and the samples.</summary>
    private const string Visible = "((platform = @Platform AND tenant_id = @TenantId) OR (platform = @SamplesPlatform AND tenant_id = @SamplesTenant))";

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
            WHERE platform = @Platform AND tenant_id = @TenantId
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
    }
}
