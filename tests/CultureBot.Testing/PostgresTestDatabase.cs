using Xunit;
namespace CultureBot.Testing;

/// <summary>
/// The PostgreSQL server the tests use: <c>CULTUREBOT_TEST_POSTGRES</c> holds an Npgsql connection string
/// to a database the tests may create schemas in (.ci/run starts Debian's postgresql and sets it).
/// Without it the PostgreSQL tests are skipped, except in CI where that is a failure.
/// </summary>
public static class PostgresTestDatabase
{
    public const string Variable = "CULTUREBOT_TEST_POSTGRES";

    public static string RequireConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (PeerTools.InCi)
        {
            throw new InvalidOperationException($"CI must test PostgreSQL for real, but {Variable} is not set.");
        }

        Skip.If(true, $"{Variable} is not set: no PostgreSQL server to test against (scripts/test-deps.sh starts one)");
        return string.Empty;
    }
}
