using CultureBot.Core.Delivery;

namespace CultureBot.Host.Web;

/// <summary>Runs the outbox dispatcher for the life of the host: a full batch is followed at once by the next, else a short pause.</summary>
internal sealed partial class OutboxWorker(OutboxDispatcher dispatcher, TimeProvider clock, ILogger<OutboxWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await dispatcher.RunOnceAsync(stoppingToken) < OutboxDispatcher.BatchSize)
                {
                    await Task.Delay(Idle, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must outlive a database hiccup; items stay in the outbox.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
                await Task.Delay(Idle * 5, clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatcher round failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
