using CultureBot.Core.Conversations;

namespace CultureBot.Core.Quiz;

/// <summary>A team game in a channel or group chat, or a player's solo practice in a personal chat.</summary>
public enum QuizMode
{
    Team,
    Solo,
}

public enum QuizGameStatus
{
    Running,
    Finished,
    Stopped,
}

/// <summary>A game as stored.</summary>
/// <param name="Id">Short random id, carried by the answer buttons.</param>
/// <param name="Conversation">Where it is played.</param>
/// <param name="Rounds">Team: how many rounds; solo: 0 (endless).</param>
/// <param name="Seconds">Team: how long each round stays open.</param>
/// <param name="CurrentRound">The round being played (1-based); 0 before the first.</param>
/// <param name="Language">The UI language of its cards (the starter's).</param>
public sealed record QuizGame(
    string Id,
    ConversationKey Conversation,
    QuizMode Mode,
    string PackSlug,
    string Language,
    int Rounds,
    int Seconds,
    int CurrentRound,
    QuizGameStatus Status,
    string? StartedBy,
    DateTimeOffset StartedAt);

/// <summary>One round: the question asked, when it opened and closes, the message that shows it.</summary>
public sealed record QuizRound(
    string GameId,
    int Number,
    string QuestionId,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosesAt,
    DateTimeOffset? ClosedAt,
    string? MessageId);

/// <summary>A player's answer to a round; <see cref="Points"/> is set when the round closes (team) or at once (solo).</summary>
public sealed record QuizAnswer(
    string GameId,
    int Round,
    string PlayerId,
    string? PlayerName,
    int Option,
    bool Correct,
    DateTimeOffset AnsweredAt,
    int Points);

/// <summary>A line of a scoreboard or leaderboard.</summary>
public sealed record QuizScore(string PlayerId, string? PlayerName, int Points, int Correct, int Answered);

/// <summary>Which answers a leaderboard counts.</summary>
public enum QuizScope
{
    /// <summary>The games played in one conversation.</summary>
    Conversation,

    /// <summary>All games in the organization (the Teams tenant, the Slack workspace).</summary>
    Organization,
}
