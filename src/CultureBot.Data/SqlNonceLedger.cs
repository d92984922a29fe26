using CultureBot.Core.Installations;
using Dapper;

namespace CultureBot.Data;

/// <summary><see cref="INonceLedger"/> on SQLite or PostgreSQL: the primary key decides which use is first (insert-or-ignore, never check-then-insert).</summary>
public sealed class SqlNonceLedger(Database database) : INonceLedger
{
    public async Task<bool> TryUseAsync(string nonce, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM used_nonces WHERE expires_at < @Now", new { Now = database.Timestamp(now) }, cancellationToken: cancellationToken));
        const string sql = "INSERT INTO used_nonces (nonce, expires_at) VALUES (@Nonce, @ExpiresAt) ON CONFLICT (nonce) DO NOTHING";
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { Nonce = nonce, ExpiresAt = database.Timestamp(expiresAt) }, cancellationToken: cancellationToken)) == 1;
    }
}
