using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Data;

/// <summary>
/// Keeps SQLite's write-ahead log bounded while the host serves: every <see cref="StorageOptions.CheckpointInterval"/>,
/// a checkpoint that waits for the readers of the moment and truncates the log (see <see cref="Database.CheckpointAsync"/>).
/// </summary>
public sealed partial class WalCheckpointService : BackgroundService
{
    private readonly Database _database;
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WalCheckpointService> _logger;

    public WalCheckpointService(Database database, IOptions<StorageOptions> options, TimeProvider time, ILogger<WalCheckpointService> logger)
    {
        _database = database;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_database.Provider != StorageProvider.Sqlite || _options.CheckpointInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.CheckpointInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (!await _database.CheckpointAsync(stoppingToken))
                    {
                        LogBusy(_logger);
                    }
                }
                catch (Exception e) when (e is System.Data.Common.DbException)
                {
                    LogFailed(_logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SQLite checkpoint: a reader or writer kept part of the write-ahead log; the next one will retry.")]
    private static partial void LogBusy(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed; the next one will retry.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
