namespace CultureBot.Data.Tests;

/// <summary>The start report says which database and where, and never its password.</summary>
public class StorageOptionsTests
{
    [Fact]
    public void The_embedded_default_is_named_by_its_full_path() =>
        Assert.Equal($"SQLite, {Path.GetFullPath("data/culturebot.db")}", new StorageOptions().Describe());

    [Fact]
    public void A_postgres_database_is_named_by_server_and_database_without_its_password()
    {
        var described = new StorageOptions { Provider = "Postgres", ConnectionString = "Host=db.internal;Port=5433;Username=culturebot;Password=hunter2-secret;Database=culture" }.Describe();

        Assert.Equal("PostgreSQL, database culture on db.internal:5433", described);
        Assert.DoesNotContain("hunter2", described, StringComparison.Ordinal);
    }
}
