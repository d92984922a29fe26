using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Queue;
using CultureBot.Teams.Connector;
using Microsoft.Extensions.Logging;

namespace CultureBot.Teams.Adapter;

/// <summary>
/// Keeps one turn's replies within its time budget, while the connector client may insist far longer (five attempts
/// of up to 15 seconds): an invoke's answer keeps the Bot Connector waiting (it sends the invoke again after about
/// 15 seconds), and a queued turn holds its item's lease and the person's next turns. A reply is tried until the
/// budget ends, and one not through by then, or refused for a while, is put in the outbox, which keeps trying on its
/// own schedule. The turn itself succeeds, and is not run again for a reply that is only late.
/// </summary>
internal sealed partial class TeamsLateReplies(IWorkQueue outbox, ConversationKey conversation, TimeSpan budget, TimeProvider clock, ILogger logger) : IDisposable
{
    /// <summary>Cancelled when the budget ends, on the host's clock.</summary>
    private readonly CancellationTokenSource _deadline = new(budget, clock);

    /// <summary>
    /// Runs <paramref name="call"/> within the budget. Null when it did not get through (the budget ended, the Bot
    /// Connector kept failing, or the call threw): the caller then calls <see cref="DeferAsync"/>.
    /// </summary>
    public async Task<ConnectorResult?> TryAsync(Func<CancellationToken, Task<ConnectorResult>> call, CancellationToken cancellationToken)
    {
        if (_deadline.IsCancellationRequested)
        {
            return null;
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token);
        try
        {
            var result = await call(bounded.Token);
            return result.Outcome == ConnectorOutcome.Failed ? null : result;
        }
        catch (OperationCanceledException) when (_deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // A token refused (an expired secret), a bad stored URL: the outbox retries it and, failing, sets it aside for an operator.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogCallFailed(logger, e);
            return null;
        }
    }

    /// <summary>Puts <paramref name="message"/> in the outbox for this turn's conversation (replacing <paramref name="replaces"/>, when set).</summary>
    public async Task DeferAsync(BotMessage message, string? replaces, string operation)
    {
        LogDeferred(logger, operation, conversation);
        var item = new OutboxMessage(conversation, message, "reply") { Replaces = replaces };
        await outbox.EnqueueAsync(OutboxMessage.QueueName, item.Serialize(), clock.GetUtcNow(), CancellationToken.None);
    }

    public void Dispose() => _deadline.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector call failed during the turn")]
    private static partial void LogCallFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector {Operation} to {Conversation} not through within the reply budget: sent through the outbox")]
    private static partial void LogDeferred(ILogger logger, string operation, ConversationKey conversation);
}
