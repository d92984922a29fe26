using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CultureBot.Data;

/// <summary>Ready when the database answers <c>SELECT 1</c>.</summary>
public sealed class DatabaseHealthCheck : IHealthCheck
{
    private readonly Database _database;

    public DatabaseHealthCheck(Database database) => _database = database;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy($"{_database.Provider} answers");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception type only: messages may carry host names or credentials.
            return HealthCheckResult.Unhealthy($"{_database.Provider} does not answer ({e.GetType().Name})");
        }
    }
}
