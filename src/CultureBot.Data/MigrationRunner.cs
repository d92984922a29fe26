using System.Data.Common;
using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CultureBot.Data;

/// <summary>
/// Applies the provider's schema scripts (embedded <c>Migrations/&lt;Provider&gt;/NNNN_name.sql</c>) that the
/// database has not seen, in order, each in its own transaction with its row in <c>schema_migrations</c>.
/// On PostgreSQL an advisory lock keeps hosts starting together from racing.
/// </summary>
public sealed partial class MigrationRunner
{
    /// <summary>An arbitrary constant: CultureBot's key in PostgreSQL's advisory lock space.</summary>
    private const long AdvisoryLockKey = 0x43756C74757265;

    private readonly Database _database;
    private readonly TimeProvider _clock;
    private readonly ILogger<MigrationRunner> _logger;

    public MigrationRunner(Database database, TimeProvider clock, ILogger<MigrationRunner> logger)
    {
        _database = database;
        _clock = clock;
        _logger = logger;
    }

    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>The scripts shipped for a provider, in version order.</summary>
    public static IReadOnlyList<Migration> Scripts(StorageProvider provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{provider}.";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n, n[prefix.Length..^4]))
            .OrderBy(m => m.Version)];
    }

    /// <summary>Applies what is missing; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var postgres = _database.Provider == StorageProvider.Postgres;
        await connection.ExecuteAsync(new CommandDefinition(
            postgres
                ? "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            cancellationToken: cancellationToken));

        if (postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        }

        try
        {
            var applied = (await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
            var now = new List<int>();
            foreach (var migration in Scripts(_database.Provider).Where(m => !applied.Contains(m.Version)))
            {
                await ApplyAsync(connection, migration, postgres, cancellationToken);
                now.Add(migration.Version);
            }

            return now;
        }
        finally
        {
            if (postgres)
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
            }
        }
    }

    private async Task ApplyAsync(DbConnection connection, Migration migration, bool postgres, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            var appliedAt = _clock.GetUtcNow();
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = postgres ? (object)appliedAt : Timestamps.ToText(appliedAt) },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            LogApplied(_logger, migration.Version, migration.Name);
        }
        catch (DbException e)
        {
            throw new InvalidOperationException($"Migration {migration.Version:D4}_{migration.Name}.sql failed for {_database.Provider}: {e.Message}", e);
        }
    }

    private static Migration Read(Assembly assembly, string resource, string fileName)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName[..separator], System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration script {fileName}.sql must be named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version:D4} {Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
