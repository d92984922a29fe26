using CultureBot.Core.Installations;
using Dapper;

namespace CultureBot.Data;

/// <summary><see cref="IInstallationStore"/> on SQLite or PostgreSQL. Tokens arrive encrypted and are stored as given.</summary>
public sealed class SqlInstallationStore : IInstallationStore
{
    private readonly Database _database;

    public SqlInstallationStore(Database database) => _database = database;

    public async Task SaveAsync(Installation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        const string sql = """
            INSERT INTO installations (platform, tenant_id, bot_user_id, token, installed_at)
            VALUES (@Platform, @TenantId, @BotUserId, @Token, @InstalledAt)
            ON CONFLICT (platform, tenant_id) DO UPDATE SET
                bot_user_id = excluded.bot_user_id, token = excluded.token, installed_at = excluded.installed_at
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            installation.Platform,
            installation.TenantId,
            installation.BotUserId,
            Token = installation.ProtectedToken,
            InstalledAt = _database.Timestamp(installation.InstalledAt),
        }, cancellationToken: cancellationToken));
    }

    public async Task<Installation?> GetAsync(string platform, string tenantId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT bot_user_id AS BotUserId, token AS Token, installed_at AS InstalledAt
            FROM installations WHERE platform = @Platform AND tenant_id = @TenantId
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { Platform = platform, TenantId = tenantId }, cancellationToken: cancellationToken));
        return row is null ? null : new Installation(platform, tenantId, row.BotUserId, row.Token, Timestamps.Parse(row.InstalledAt));
    }

    public async Task<bool> DeleteAsync(string platform, string tenantId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM installations WHERE platform = @Platform AND tenant_id = @TenantId";
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { Platform = platform, TenantId = tenantId }, cancellationToken: cancellationToken)) > 0;
    }

    private sealed class Row
    {
        public string? BotUserId { get; set; }

        public string Token { get; set; } = string.Empty;

        public object InstalledAt { get; set; } = string.Empty;
    }
}
