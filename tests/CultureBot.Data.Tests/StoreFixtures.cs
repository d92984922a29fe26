using CultureBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CultureBot.Data.Tests;

/// <summary>A fresh, real database for one test: a temp SQLite file, or a private schema on the test PostgreSQL server.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _cleanup;

    private TestDatabase(Database database, Func<Task> cleanup)
    {
        Database = database;
        _cleanup = cleanup;
    }

    public Database Database { get; }

    public MigrationRunner Runner => new(Database, TimeProvider.System, NullLogger<MigrationRunner>.Instance);

    public SqlConversationStore Store => new(Database);

    public static Task<TestDatabase> CreateAsync(StorageProvider provider) =>
        provider == StorageProvider.Sqlite ? Task.FromResult(Sqlite()) : PostgresAsync();

    private static TestDatabase Sqlite()
    {
        var directory = Directory.CreateTempSubdirectory("culturebot-data-").FullName;
        var options = Options.Create(new StorageOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(directory, "nested", "test.db")}" });
        return new TestDatabase(new Database(options), () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> PostgresAsync()
    {
        var schema = await PostgresSchema.CreateAsync();
        var database = new Database(Options.Create(new StorageOptions { Provider = "Postgres", ConnectionString = schema.ConnectionString }));
        return new TestDatabase(database, async () =>
        {
            await database.DisposeAsync();
            await schema.DisposeAsync();
        });
    }

    public async ValueTask DisposeAsync() => await _cleanup();
}
