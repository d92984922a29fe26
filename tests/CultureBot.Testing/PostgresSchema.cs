using Npgsql;

namespace CultureBot.Testing;

/// <summary>A private schema on the test PostgreSQL server for one test, dropped with everything in it afterwards.</summary>
public sealed class PostgresSchema : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private PostgresSchema(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ConnectionString;
    }

    /// <summary>The server's connection string with the schema as its search path: everything created lands in it.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the schema (skips the test, or fails it in CI, when no server is configured).</summary>
    public static async Task<PostgresSchema> CreateAsync()
    {
        var server = PostgresTestDatabase.RequireConnectionString();
        var schema = new PostgresSchema(server, "test_" + Guid.NewGuid().ToString("N"));
        await schema.ExecuteAsync($"CREATE SCHEMA {schema._name}");
        return schema;
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP SCHEMA {_name} CASCADE");

    private async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
