using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Data.Tests;

/// <summary>
/// SQLite's write-ahead log stays bounded: a reader that stays inside the log lets it grow (what was seen under load),
/// and the checkpoint that waits for readers truncates it once they are gone.
/// </summary>
public sealed class WalCheckpointTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("culturebot-wal-").FullName;
    private readonly Database _database;
    private readonly StorageOptions _options;

    public WalCheckpointTests()
    {
        _options = new StorageOptions { DataDirectory = _directory, CheckpointInterval = TimeSpan.FromMinutes(1) };
        _database = new Database(Options.Create(_options));
    }

    private string Wal => _options.SqliteFile + "-wal";

    /// <summary>
    /// The log's size; a log SQLite has deleted (it does so when the last connection to the file closes, which a
    /// pooled connection may do at any moment) is an empty one.
    /// </summary>
    private long WalLength
    {
        get
        {
            try
            {
                return new FileInfo(Wal).Length;
            }
            catch (FileNotFoundException)
            {
                return 0;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_log_that_grew_behind_a_long_reader_is_truncated_by_the_checkpoint()
    {
        await GrowTheLogBehindAReaderAsync();
        Assert.True(WalLength > Database.WalSizeLimit, "the log should have grown past the limit while the reader held it");

        Assert.True(await _database.CheckpointAsync(CancellationToken.None));

        Assert.Equal(0, WalLength);
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM work_items";
        Assert.Equal(2000L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_reader_still_inside_the_log_leaves_the_truncation_to_the_next_checkpoint()
    {
        await new MigrationRunner(_database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        var queue = new SqlWorkQueue(_database);
        await using var reader = await _database.OpenAsync(CancellationToken.None);
        await using var transaction = ((SqliteConnection)reader).BeginTransaction(deferred: true);
        await using (var read = reader.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COUNT(*) FROM work_items";
            await read.ExecuteScalarAsync();
        }

        await queue.EnqueueAsync("wal", "{}", new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.False(await _database.CheckpointAsync(CancellationToken.None));
        await queue.EnqueueAsync("wal", "{}", new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), CancellationToken.None); // writers go on
        await transaction.RollbackAsync();
        Assert.True(await _database.CheckpointAsync(CancellationToken.None));
        Assert.Equal(0, WalLength);
    }

    [Fact]
    public async Task The_hosted_service_checkpoints_at_each_interval()
    {
        await GrowTheLogBehindAReaderAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        using var service = new WalCheckpointService(_database, Options.Create(_options), time, NullLogger<WalCheckpointService>.Instance);
        await service.StartAsync(CancellationToken.None);

        // Each advance fires the timer; wait for the outcome, not for a time (bounded, so that a broken service fails rather than hangs).
        for (var tick = 0; tick < 1000 && WalLength > 0; tick++)
        {
            time.Advance(_options.CheckpointInterval);
            await Task.Delay(50);
        }

        await service.StopAsync(CancellationToken.None);
        Assert.Equal(0, WalLength);
    }

    /// <summary>2,000 writes of 4 KB while another connection stays in a read transaction: no checkpoint can restart the log.</summary>
    private async Task GrowTheLogBehindAReaderAsync()
    {
        await new MigrationRunner(_database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        var queue = new SqlWorkQueue(_database);
        await using (var reader = await _database.OpenAsync(CancellationToken.None))
        {
            // Deferred: a read transaction, as a request reading the database holds (Microsoft.Data.Sqlite's default takes the write lock).
            await using var transaction = ((SqliteConnection)reader).BeginTransaction(deferred: true);
            await using (var read = reader.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = "SELECT COUNT(*) FROM work_items";
                await read.ExecuteScalarAsync();
            }

            var payload = "{\"text\":\"" + new string('x', 4096) + "\"}";
            for (var i = 0; i < 2000; i++)
            {
                await queue.EnqueueAsync("wal", payload, new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), CancellationToken.None);
            }
        }
    }
}
