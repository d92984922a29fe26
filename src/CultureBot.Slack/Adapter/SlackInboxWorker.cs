using CultureBot.Core.Queue;
using CultureBot.Slack.Inbound;
using CultureBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Slack.Adapter;

/// <summary>
/// Works through the Slack inbound queue: woken at once by each accepted payload, and every few seconds anyway
/// (items left by a crash come back when their lease ends). A failure is retried with backoff; a permanent one
/// (bad token, refused content) or the fifth failure is set aside with its error, never lost silently.
/// </summary>
public sealed partial class SlackInboxWorker(
    IOptions<SlackOptions> options,
    IWorkQueue queue,
    SlackInboundQueue inbox,
    SlackBotAdapter adapter,
    TimeProvider clock,
    ILogger<SlackInboxWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) == 0)
                {
                    await inbox.WaitForWorkAsync(PollEvery, stoppingToken);
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
                LogLoopFailed(logger, e);
                await Task.Delay(PollEvery, clock, stoppingToken);
            }
        }
    }

    public const int BatchSize = 50;
    public const int Parallelism = 8;

    /// <summary>An item read once; null when it cannot be (processing then fails it with the reader's error).</summary>
    private static SlackInbound? TryRead(WorkItem item)
    {
        try
        {
            return SlackInbound.Deserialize(item.Payload);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whose payload an item is, or the item itself when it cannot be told. Never throws: the payload is client data
    /// (a <c>user</c> that is a string, an <c>event</c> that is not an object), and a throw here would stop the whole
    /// batch before any item's own error handling.
    /// </summary>
    internal static string UserOf(WorkItem item, SlackInbound? inbound) => inbound?.UserId ?? $"item:{item.Id}";

    /// <summary>Claims and processes one batch. Returns how many items it took.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var items = await queue.ClaimAsync(SlackInboundQueue.QueueName, BatchSize, clock.GetUtcNow(), Lease, cancellationToken);

        // One person's payloads in order (two clicks of one user), different people side by side: a burst of 2,000
        // quiz answers in one channel is not processed one by one behind each other's response_url round trips.
        var byUser = items.Select(item => (Item: item, Inbound: TryRead(item))).GroupBy(i => UserOf(i.Item, i.Inbound), StringComparer.Ordinal);
        await Parallel.ForEachAsync(byUser, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (group, token) =>
        {
            foreach (var (item, inbound) in group.OrderBy(i => i.Item.Id))
            {
                await ProcessAsync(item, inbound, token);
            }
        });

        return items.Count;
    }

    private async Task ProcessAsync(WorkItem item, SlackInbound? inbound, CancellationToken cancellationToken)
    {
        try
        {
            // An unreadable item is read again here so that its error is the one recorded.
            await adapter.ProcessAsync(inbound ?? SlackInbound.Deserialize(item.Payload), cancellationToken);
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
            // An item that cannot be read never will be: set aside at once, with the reader's error.
            var permanent = inbound is null || e is FormatException or System.Text.Json.JsonException || (e is SlackApiException { IsPermanent: true });
            if (permanent || item.Attempts >= MaxAttempts)
            {
                LogGaveUp(logger, item.Id, item.Attempts, e);
                await queue.FailAsync(item.Id, e.Message, clock.GetUtcNow(), CancellationToken.None);
                return;
            }

            var delay = TimeSpan.FromSeconds(5 * Math.Pow(4, item.Attempts - 1));
            LogRetrying(logger, item.Id, item.Attempts, delay, e);
            await queue.RetryAsync(item.Id, clock.GetUtcNow() + delay, e.Message, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack inbound worker loop failed; trying again shortly")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack inbound item {Id} failed (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, long id, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack inbound item {Id} set aside after {Attempts} attempt(s)")]
    private static partial void LogGaveUp(ILogger logger, long id, int attempts, Exception exception);
}
