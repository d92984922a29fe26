namespace CultureBot.Data.Tests;

/// <summary>One data location whatever the working directory; the start report says which database and where, never its password.</summary>
public class StorageOptionsTests
{
    [Fact]
    public void The_default_database_is_in_the_per_user_data_folder_by_its_full_path()
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "CultureBot");

        Assert.Equal(folder, StorageOptions.DefaultDataDirectory);
        Assert.Equal($"SQLite, {Path.Combine(folder, "culturebot.db")}", new StorageOptions().Describe());
    }

    [Fact]
    public void The_data_directory_holds_the_default_file_and_any_relative_file_of_a_connection_string()
    {
        var directory = Path.Combine(Path.GetTempPath(), "culturebot-elsewhere");

        Assert.Equal(Path.Combine(directory, "culturebot.db"), new StorageOptions { DataDirectory = directory }.SqliteFile);
        Assert.Equal(Path.Combine(directory, "named.db"), new StorageOptions { DataDirectory = directory, ConnectionString = "Data Source=named.db;Cache=Shared" }.SqliteFile);
        Assert.Equal(Path.Combine(directory, "sub", "x.db"), new StorageOptions { DataDirectory = directory, ConnectionString = "Data Source=sub/x.db" }.SqliteFile);
    }

    [Fact]
    public void An_absolute_file_or_an_in_memory_database_is_left_as_written()
    {
        var file = Path.Combine(Path.GetTempPath(), "culturebot-absolute.db");

        Assert.Equal(file, new StorageOptions { DataDirectory = "/elsewhere", ConnectionString = $"Data Source={file}" }.SqliteFile);
        Assert.Equal("SQLite, in memory", new StorageOptions { ConnectionString = "Data Source=:memory:" }.Describe());
    }

    [Fact]
    public void A_postgres_database_is_named_by_server_and_database_without_its_password()
    {
        var described = new StorageOptions { Provider = "Postgres", ConnectionString = "Host=db.internal;Port=5433;Username=culturebot;Password=hunter2-secret;Database=culture" }.Describe();

        Assert.Equal("PostgreSQL, database culture on db.internal:5433", described);
        Assert.DoesNotContain("hunter2", described, StringComparison.Ordinal);
    }
}
