using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CultureBot.Data;

/// <summary>Opens connections to the configured database, with the per-connection settings each provider needs.</summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _sqlite = string.Empty;
    private readonly Lazy<DbDataSource> _dataSource;

    public Database(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Provider = options.Value.ParsedProvider;
        if (Provider == StorageProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(options.Value.EffectiveConnectionString);
            _dataSource = new(() => _postgres);
            return;
        }

        var builder = new SqliteConnectionStringBuilder(options.Value.EffectiveConnectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        // Concurrent writers wait rather than fail (requests, the dispatcher, scheduled jobs share the file).
        builder.DefaultTimeout = 30;
        builder.ForeignKeys = true;
        _sqlite = builder.ToString();
        _dataSource = new(() => SqliteFactory.Instance.CreateDataSource(_sqlite));
    }

    public StorageProvider Provider { get; }

    /// <summary>
    /// The same database for a library that opens its own connections (Quartz's job store): PostgreSQL's pooled data
    /// source; for SQLite, the connection string with its busy wait (WAL, set by <see cref="OpenAsync"/>, is kept by the file).
    /// </summary>
    public DbDataSource DataSource => _dataSource.Value;

    /// <summary>An instant as a query parameter: timestamptz on PostgreSQL, sortable ISO-8601 UTC text on SQLite.</summary>
    public object Timestamp(DateTimeOffset value) =>
        Provider == StorageProvider.Postgres ? value.ToUniversalTime() : Timestamps.ToText(value);

    /// <summary>A calendar date as a query parameter: a date on PostgreSQL (sent as a timestamp, cast on assignment), ISO text on SQLite.</summary>
    public object Date(DateOnly value) =>
        Provider == StorageProvider.Postgres
            ? value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified)
            : value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date column as read back: DateTime from PostgreSQL, text from SQLite.</summary>
    public static DateOnly ReadDate(object value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        string text => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"Not a date: {value.GetType().Name}"),
    };

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // journal_size_limit: once a checkpoint has copied the log back, the file is cut to this size rather than kept at its largest.
        pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit={WalSizeLimit};";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>The size, in bytes, the SQLite write-ahead log is cut back to after a checkpoint.</summary>
    public const long WalSizeLimit = 4 * 1024 * 1024;

    /// <summary>
    /// SQLite: copies the write-ahead log into the database and truncates it to zero, waiting (a second at most) for
    /// the readers of the moment to finish. The automatic checkpoint after each commit never waits: under steady load some
    /// reader is always inside the log, the log is never restarted from its beginning, and it grows without end.
    /// Returns whether the log was fully copied back; PostgreSQL has nothing to do.
    /// </summary>
    public async Task<bool> CheckpointAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return true;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using (var wait = connection.CreateCommand())
        {
            // It holds the write lock while it waits for readers: a second at most, so that writers never wait long
            // for it; a reader still busy then leaves the rest to the next checkpoint. (OpenAsync sets the usual wait
            // again on the pooled connection's next use.)
            wait.CommandText = "PRAGMA busy_timeout=1000;";
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await checkpoint.ExecuteReaderAsync(cancellationToken);

        // One row: busy (1 when a reader or writer stopped it), pages in the log, pages copied back.
        return await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) == 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
