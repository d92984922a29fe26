using Dapper;

namespace CultureBot.Data;

/// <summary>
/// The rows of the Data Protection key ring (name → key XML). Kept in the database rather than in a folder so
/// that every instance and every restart can decrypt the tokens stored beside them; the host adapts it to
/// Data Protection's repository interface.
/// </summary>
public sealed class SqlKeyRing
{
    private readonly Database _database;
    private readonly Lazy<Task> _migrated;

    /// <param name="database">Where the keys are.</param>
    /// <param name="migrations">
    /// Data Protection loads its key ring from its own hosted service, which may start before the migrations'
    /// one: the first access brings the schema up to date itself (migrating is idempotent).
    /// </param>
    public SqlKeyRing(Database database, MigrationRunner migrations)
    {
        _database = database;
        _migrated = new Lazy<Task>(() => migrations.MigrateAsync(CancellationToken.None));
    }

    public IReadOnlyList<string> GetAll()
    {
        // Data Protection reads its repository synchronously, once per key-ring refresh (rarely).
        _migrated.Value.GetAwaiter().GetResult();
        using var connection = _database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        return [.. connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY name")];
    }

    public void Store(string name, string xml)
    {
        _migrated.Value.GetAwaiter().GetResult();
        const string sql = "INSERT INTO data_protection_keys (name, xml) VALUES (@Name, @Xml) ON CONFLICT (name) DO UPDATE SET xml = excluded.xml";
        using var connection = _database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        connection.Execute(sql, new { Name = name, Xml = xml });
    }
}
