using CultureBot.Core.Audit;
using CultureBot.Core.Conversations;
using Dapper;

namespace CultureBot.Data;

/// <summary><see cref="IAuditLog"/> on SQLite or PostgreSQL: the <c>studio_audit</c> table.</summary>
public sealed class SqlAuditLog(Database database) : IAuditLog
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO studio_audit (platform, tenant_id, at, actor, action, target, summary)
            VALUES (@Platform, @TenantId, @At, @Actor, @Action, @Target, @Summary)
            """,
            new
            {
                entry.Organization.Platform,
                entry.Organization.TenantId,
                At = database.Timestamp(entry.At),
                entry.Actor,
                entry.Action,
                entry.Target,
                entry.Summary,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(OrganizationKey organization, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT at AS At, actor AS Actor, action AS Action, target AS Target, summary AS Summary
            FROM studio_audit WHERE platform = @Platform AND tenant_id = @TenantId
            ORDER BY at DESC, id DESC LIMIT @Limit
            """,
            new { organization.Platform, organization.TenantId, Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(organization, Timestamps.Parse(r.At), r.Actor, r.Action, r.Target, r.Summary))];
    }

    private sealed class Row
    {
        public object At { get; set; } = string.Empty;

        public string Actor { get; set; } = string.Empty;

        public string Action { get; set; } = string.Empty;

        public string Target { get; set; } = string.Empty;

        public string Summary { get; set; } = string.Empty;
    }
}
