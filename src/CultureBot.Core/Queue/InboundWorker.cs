using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CultureBot.Core.Queue;

/// <summary>How every inbound worker claims, paces and retries.</summary>
public static class InboundWork
{
    /// <summary>A payload that failed this many times is set aside for an operator (<c>culturebot queue list</c>).</summary>
    public const int MaxAttempts = 5;

    public const int BatchSize = 50;

    /// <summary>How many people's payloads are processed side by side.</summary>
    public const int Parallelism = 8;

    /// <summary>How long a claim holds: an item whose worker died is taken again after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How often the worker looks anyway, when nothing woke it (items due again after a retry, items left by a crash).</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: 5 s, 20 s, 80 s, 320 s.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(5 * Math.Pow(4, attempts - 1));
}

/// <summary>
/// Works through one platform's inbound queue: woken at once by each accepted payload, and every few seconds anyway
/// (items left by a crash come back when their lease ends). A failure is retried with backoff; a permanent one
/// (unreadable, a refused token, refused content) or the last allowed failure is set aside with its error, never lost silently.
/// </summary>
public sealed class InboundWorker<TItem>(
    IInboundPlatform<TItem> platform,
    IInboundHandler<TItem> handler,
    IWorkQueue queue,
    InboundQueue<TItem> door,
    TimeProvider clock,
    ILogger<InboundWorker<TItem>> logger) : BackgroundService
    where TItem : class
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!platform.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) == 0)
                {
                    await door.WaitForWorkAsync(InboundWork.PollEvery, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must outlive a database hiccup; the next round tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                InboundLog.LoopFailed(logger, platform.QueueName, e);
                await Task.Delay(InboundWork.PollEvery, clock, stoppingToken);
            }
        }
    }

    /// <summary>Claims and processes one batch. Returns how many items it took.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var items = await queue.ClaimAsync(platform.QueueName, InboundWork.BatchSize, clock.GetUtcNow(), InboundWork.Lease, cancellationToken);

        // One person's payloads in order (two clicks of one user), different people side by side: a burst of 2,000
        // quiz answers in one channel is not processed one by one behind each other's round trips. An item whose
        // sender cannot be told is a group of its own.
        var bySender = items
            .Select(item => (Item: item, Read: TryRead(item)))
            .GroupBy(i => (i.Read is { } read ? platform.SenderOf(read) : null) ?? $"item:{i.Item.Id}", StringComparer.Ordinal);
        await Parallel.ForEachAsync(bySender, new ParallelOptions { MaxDegreeOfParallelism = InboundWork.Parallelism, CancellationToken = cancellationToken }, async (group, token) =>
        {
            foreach (var (item, read) in group.OrderBy(i => i.Item.Id))
            {
                await ProcessAsync(item, read, token);
            }
        });

        return items.Count;
    }

    /// <summary>An item read once; null when it cannot be (processing then fails it with the reader's error).</summary>
    private TItem? TryRead(WorkItem item)
    {
        try
        {
            return platform.Deserialize(item.Payload);
        }
#pragma warning disable CA1031 // Whatever the reader throws, processing reads the item again and records that error.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private async Task ProcessAsync(WorkItem item, TItem? read, CancellationToken cancellationToken)
    {
        try
        {
            // An unreadable item is read again here so that its error is the one recorded.
            await handler.ProcessAsync(read ?? platform.Deserialize(item.Payload), cancellationToken);
            await queue.CompleteAsync(item.Id, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the item is taken again at the next start.
            throw;
        }
#pragma warning disable CA1031 // Whatever a handler throws, the item is kept with its error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // An item that cannot be read never will be, nor content a handler cannot parse: set aside at once, with the error.
            var permanent = read is null || e is FormatException or System.Text.Json.JsonException || handler.IsPermanent(e);
            if (permanent || item.Attempts >= InboundWork.MaxAttempts)
            {
                InboundLog.GaveUp(logger, platform.QueueName, item.Id, item.Attempts, e);
                await queue.FailAsync(item.Id, e.Message, clock.GetUtcNow(), CancellationToken.None);
                return;
            }

            var delay = InboundWork.Backoff(item.Attempts);
            InboundLog.Retrying(logger, platform.QueueName, item.Id, item.Attempts, delay, e);
            await queue.RetryAsync(item.Id, clock.GetUtcNow() + delay, e.Message, CancellationToken.None);
        }
    }
}

/// <summary>The logs of the inbound door and workers (source-generated logging wants a non-generic class).</summary>
internal static partial class InboundLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Queue}: {Key} seen before: acknowledged, not processed again")]
    public static partial void Duplicate(ILogger logger, string queue, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Queue} worker loop failed; trying again shortly")]
    public static partial void LoopFailed(ILogger logger, string queue, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue} item {Id} failed (attempt {Attempt}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string queue, long id, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Queue} item {Id} set aside after {Attempts} attempt(s)")]
    public static partial void GaveUp(ILogger logger, string queue, long id, int attempts, Exception exception);
}
