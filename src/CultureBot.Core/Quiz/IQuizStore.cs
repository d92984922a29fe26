using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;

namespace CultureBot.Core.Quiz;

/// <summary>Games, rounds, answers, what each conversation has seen, and who prefers not to be named.</summary>
public interface IQuizStore
{
    /// <summary>
    /// Starts a game with its first round, marks the question seen and queues the round's card, in one transaction.
    /// Returns false when a game is already running in that conversation (one at a time).
    /// </summary>
    Task<bool> StartAsync(QuizGame game, QuizRound first, OutboxMessage? card, CancellationToken cancellationToken);

    Task<QuizGame?> GetAsync(string gameId, CancellationToken cancellationToken);

    Task<QuizGame?> RunningInAsync(ConversationKey conversation, CancellationToken cancellationToken);

    Task<QuizRound?> GetRoundAsync(string gameId, int round, CancellationToken cancellationToken);

    /// <summary>Records an answer unless the player already answered this round. Returns false for a second answer.</summary>
    Task<bool> AnswerAsync(QuizAnswer answer, CancellationToken cancellationToken);

    Task<int> CountAnswersAsync(string gameId, int round, CancellationToken cancellationToken);

    /// <summary>Every answer of a game, all rounds.</summary>
    Task<IReadOnlyList<QuizAnswer>> AnswersAsync(string gameId, CancellationToken cancellationToken);

    /// <summary>
    /// Closes a round once: sets its points, queues its messages (reveal, next round or final scoreboard) and, when
    /// there is one, opens the next round — in one transaction, conditional on the round being still open, so that
    /// the timer, the sweep and a second host close it once. Returns false when it was already closed.
    /// </summary>
    Task<bool> CloseRoundAsync(QuizRoundClosing closing, CancellationToken cancellationToken);

    /// <summary>Records where a round's card was posted, to update it later.</summary>
    Task SetMessageIdAsync(string gameId, int round, string messageId, CancellationToken cancellationToken);

    /// <summary>Rounds still open after <paramref name="before"/>: the timer missed them (a crash between start and scheduling).</summary>
    Task<IReadOnlyList<QuizRound>> OverdueRoundsAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Stops a running game: no more rounds. Returns false when none was running.</summary>
    Task<bool> StopAsync(string gameId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The questions a conversation has been asked in the current pass over the pool.</summary>
    Task<IReadOnlySet<string>> SeenAsync(ConversationKey conversation, CancellationToken cancellationToken);

    /// <summary>Forgets what a conversation has seen: the pool is exhausted, a new pass begins.</summary>
    Task ResetSeenAsync(ConversationKey conversation, CancellationToken cancellationToken);

    /// <summary>Solo: opens the next round and marks its question seen.</summary>
    Task OpenRoundAsync(QuizRound round, ConversationKey conversation, CancellationToken cancellationToken);

    /// <summary>Solo: a player's right and wrong answers in an organization's games, by question id (the pool knows each question's persona).</summary>
    Task<IReadOnlyDictionary<string, (int Right, int Wrong)>> ResultsByQuestionAsync(OrganizationKey organization, string playerId, CancellationToken cancellationToken);

    /// <summary>Points since <paramref name="since"/> (null: all time) in a conversation or an organization, best first.</summary>
    Task<IReadOnlyList<QuizScore>> LeaderboardAsync(ConversationKey conversation, QuizScope scope, DateTimeOffset? since, int top, CancellationToken cancellationToken);

    /// <summary>A player who prefers not to appear by name on an organization's scoreboards.</summary>
    Task SetHiddenAsync(OrganizationKey organization, string playerId, bool hidden, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> HiddenAmongAsync(OrganizationKey organization, IEnumerable<string> playerIds, CancellationToken cancellationToken);
}

/// <summary>What closing a round writes: the points of its answers, its messages, and the next round if any.</summary>
public sealed record QuizRoundClosing(
    string GameId,
    int Round,
    DateTimeOffset At,
    IReadOnlyList<(string PlayerId, int Points)> Points,
    IReadOnlyList<OutboxMessage> Messages,
    QuizRound? Next,
    bool Finished);
