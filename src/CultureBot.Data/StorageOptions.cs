using Microsoft.Data.Sqlite;

namespace CultureBot.Data;

/// <summary>The <c>Storage</c> section: which database, where.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite file's name in the data directory when no connection string is set.</summary>
    public const string DefaultSqliteFile = "culturebot.db";

    /// <summary><see cref="StorageProvider.Sqlite"/> (default) or <see cref="StorageProvider.Postgres"/>.</summary>
    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    public string? ConnectionString { get; set; }

    /// <summary>
    /// Where the SQLite database lives (<c>--data DIR</c> on the command line). Unset: <see cref="DefaultDataDirectory"/>.
    /// A relative path is taken from the working directory, as any path typed on a command line.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>How often the SQLite write-ahead log is checkpointed and truncated; zero turns the periodic checkpoint off.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The per-user application data folder (<c>~/.local/share/CultureBot</c> on Linux, <c>%LOCALAPPDATA%\CultureBot</c>
    /// on Windows): the same for the server and every command, whatever the working directory, <c>dotnet run</c> or the
    /// built executable, Debug or Release, and kept when a new version is installed over the executable's folder (which
    /// a service often cannot write anyway). A user without a home folder falls back to <c>data/</c> beside the executable.
    /// </summary>
    public static string DefaultDataDirectory
    {
        get
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return string.IsNullOrEmpty(local) ? Path.Combine(AppContext.BaseDirectory, "data") : Path.Combine(local, "CultureBot");
        }
    }

    public string ResolvedDataDirectory => string.IsNullOrWhiteSpace(DataDirectory) ? DefaultDataDirectory : Path.GetFullPath(DataDirectory);

    public StorageProvider ParsedProvider =>
        Enum.TryParse<StorageProvider>(Provider, ignoreCase: true, out var provider) ? provider : throw new InvalidOperationException($"Unknown provider {Provider}.");

    /// <summary>
    /// The connection string used. SQLite: without one, <c>culturebot.db</c> in the data directory; a relative file in
    /// one is taken from the data directory too, so that no setting depends on the working directory.
    /// </summary>
    public string EffectiveConnectionString
    {
        get
        {
            if (ParsedProvider != StorageProvider.Sqlite)
            {
                return ConnectionString ?? string.Empty;
            }

            var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={DefaultSqliteFile}" : ConnectionString);
            if (!IsInMemory(builder) && !Path.IsPathRooted(builder.DataSource))
            {
                builder.DataSource = Path.Combine(ResolvedDataDirectory, builder.DataSource);
            }

            return builder.ToString();
        }
    }

    /// <summary>The SQLite file, full path; null on PostgreSQL or in memory.</summary>
    public string? SqliteFile
    {
        get
        {
            if (ParsedProvider != StorageProvider.Sqlite)
            {
                return null;
            }

            var builder = new SqliteConnectionStringBuilder(EffectiveConnectionString);
            return IsInMemory(builder) ? null : Path.GetFullPath(builder.DataSource);
        }
    }

    /// <summary>Which database and where, for the start report and the commands: the file's full path, or the server and database; never a password.</summary>
    public string Describe()
    {
        if (ParsedProvider == StorageProvider.Sqlite)
        {
            return $"SQLite, {SqliteFile ?? "in memory"}";
        }

        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(EffectiveConnectionString);
        return $"PostgreSQL, database {postgres.Database} on {postgres.Host}:{postgres.Port}";
    }

    private static bool IsInMemory(SqliteConnectionStringBuilder builder) =>
        builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory;
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
