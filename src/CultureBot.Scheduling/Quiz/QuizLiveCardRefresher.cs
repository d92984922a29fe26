using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Quiz;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CultureBot.Scheduling.Quiz;

/// <summary>
/// Refreshes the answer count on open round cards: at most once a second per round however many players click, so
/// a 2,000-player round costs one card update a second, inside Teams' 7 per second per conversation. The count is
/// cosmetic: an update lost to a crash is simply not shown; the reveal goes through the outbox. No update is sent
/// in a round's last two seconds, so that none can land after the card is closed.
/// </summary>
internal sealed partial class QuizLiveCardRefresher(
    QuizLiveCounts live, QuizGames games, IConversationStore conversations, IEnumerable<IProactiveSender> senders, TimeProvider clock, ILogger<QuizLiveCardRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, IProactiveSender> _senders = senders.ToDictionary(s => s.Platform, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Period, clock, stoppingToken);
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A refresh that fails is only a count not shown; the loop goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }
        }
    }

    /// <summary>One pass: each round answered since the last pass gets its card updated once.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var (gameId, round) in live.Drain())
        {
            if (await games.LiveCardAsync(gameId, round, Margin, cancellationToken) is not { } card
                || !_senders.TryGetValue(card.Game.Conversation.Platform, out var sender)
                || await conversations.GetReferenceAsync(card.Game.Conversation, cancellationToken) is not { } reference)
            {
                continue;
            }

            var result = await sender.UpdateAsync(reference, card.MessageId, card.Card, cancellationToken);
            if (result.Outcome != DeliveryOutcome.Sent)
            {
                LogNotUpdated(logger, gameId, round, result.Reason);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quiz card refresh failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quiz {Game} round {Round}: answer count not updated ({Reason})")]
    private static partial void LogNotUpdated(ILogger logger, string game, int round, string? reason);
}
