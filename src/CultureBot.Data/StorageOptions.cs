namespace CultureBot.Data;

/// <summary>The <c>Storage</c> section: which database, where.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The embedded default: a SQLite file under <c>data/</c>, created on first start.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/culturebot.db";

    /// <summary><see cref="StorageProvider.Sqlite"/> (default) or <see cref="StorageProvider.Postgres"/>.</summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    public string? ConnectionString { get; set; }

    public StorageProvider ParsedProvider =>
        Enum.TryParse<StorageProvider>(Provider, ignoreCase: true, out var provider) ? provider : throw new InvalidOperationException($"Unknown provider {Provider}.");

    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && ParsedProvider == StorageProvider.Sqlite ? DefaultSqliteConnectionString : ConnectionString ?? string.Empty;

    /// <summary>Which database and where, for the start report: the file's full path, or the server and database; never a password.</summary>
    public string Describe()
    {
        if (ParsedProvider == StorageProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(EffectiveConnectionString).DataSource;
            return $"SQLite, {(file is ":memory:" or "" ? "in memory" : Path.GetFullPath(file))}";
        }

        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(EffectiveConnectionString);
        return $"PostgreSQL, database {postgres.Database} on {postgres.Host}:{postgres.Port}";
    }
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
