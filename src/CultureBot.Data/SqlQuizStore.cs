using System.Data.Common;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Quiz;
using Dapper;

namespace CultureBot.Data;

/// <summary><see cref="IQuizStore"/> on SQLite or PostgreSQL.</summary>
public sealed class SqlQuizStore(Database database) : IQuizStore
{
    private const string GameColumns = """
        id AS Id, platform AS Platform, tenant_id AS TenantId, conversation_id AS ConversationId, mode AS Mode, pack_slug AS PackSlug,
        language AS Language, rounds AS Rounds, seconds AS Seconds, current_round AS CurrentRound, status AS Status,
        started_by AS StartedBy, started_at AS StartedAt
        """;

    private const string RoundColumns = """
        game_id AS GameId, round AS Number, question_id AS QuestionId, opened_at AS OpenedAt, closes_at AS ClosesAt,
        closed_at AS ClosedAt, message_id AS MessageId
        """;

    private const string AnswerColumns = """
        game_id AS GameId, round AS Round, player_id AS PlayerId, player_name AS PlayerName, option AS Option,
        correct AS Correct, answered_at AS AnsweredAt, points AS Points
        """;

    private const string InsertRoundSql = """
        INSERT INTO quiz_rounds (game_id, round, question_id, opened_at, closes_at)
        VALUES (@GameId, @Number, @QuestionId, @OpenedAt, @ClosesAt)
        """;

    private const string InsertSeenSql = """
        INSERT INTO quiz_seen (platform, tenant_id, conversation_id, question_id) VALUES (@Platform, @TenantId, @ConversationId, @QuestionId)
        ON CONFLICT DO NOTHING
        """;

    public async Task<bool> StartAsync(QuizGame game, QuizRound first, OutboxMessage? card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(first);
        const string insertGame = """
            INSERT INTO quiz_games (id, platform, tenant_id, conversation_id, mode, pack_slug, language, rounds, seconds, current_round, status, started_by, started_at)
            VALUES (@Id, @Platform, @TenantId, @ConversationId, @Mode, @PackSlug, @Language, @Rounds, @Seconds, @CurrentRound, 'running', @StartedBy, @StartedAt)
            ON CONFLICT DO NOTHING
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(insertGame, new
        {
            game.Id,
            game.Conversation.Platform,
            game.Conversation.TenantId,
            game.Conversation.ConversationId,
            Mode = Name(game.Mode),
            game.PackSlug,
            game.Language,
            game.Rounds,
            game.Seconds,
            game.CurrentRound,
            game.StartedBy,
            StartedAt = database.Timestamp(game.StartedAt),
        }, transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            return false;
        }

        await InsertRoundAsync(connection, transaction, first, game.Conversation, cancellationToken);
        if (card is not null)
        {
            await SqlWorkQueue.EnqueueOutboxAsync(database, connection, transaction, card, game.StartedAt, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<QuizGame?> GetAsync(string gameId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<GameRow>(new CommandDefinition($"SELECT {GameColumns} FROM quiz_games WHERE id = @Id", new { Id = gameId }, cancellationToken: cancellationToken));
        return row?.ToGame();
    }

    public async Task<QuizGame?> RunningInAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var sql = $"SELECT {GameColumns} FROM quiz_games WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId AND status = 'running'";
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<GameRow>(new CommandDefinition(sql, new { conversation.Platform, conversation.TenantId, conversation.ConversationId }, cancellationToken: cancellationToken));
        return row?.ToGame();
    }

    public async Task<QuizRound?> GetRoundAsync(string gameId, int round, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition(
            $"SELECT {RoundColumns} FROM quiz_rounds WHERE game_id = @GameId AND round = @Round", new { GameId = gameId, Round = round }, cancellationToken: cancellationToken));
        return row?.ToRound();
    }

    public async Task<bool> AnswerAsync(QuizAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        const string sql = """
            INSERT INTO quiz_answers (game_id, round, player_id, player_name, option, correct, answered_at, points)
            VALUES (@GameId, @Round, @PlayerId, @PlayerName, @Option, @Correct, @AnsweredAt, @Points)
            ON CONFLICT (game_id, round, player_id) DO NOTHING
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            answer.GameId,
            answer.Round,
            answer.PlayerId,
            answer.PlayerName,
            answer.Option,
            answer.Correct,
            AnsweredAt = database.Timestamp(answer.AnsweredAt),
            answer.Points,
        }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<int> CountAnswersAsync(string gameId, int round, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM quiz_answers WHERE game_id = @GameId AND round = @Round", new { GameId = gameId, Round = round }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<QuizAnswer>> AnswersAsync(string gameId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(
            $"SELECT {AnswerColumns} FROM quiz_answers WHERE game_id = @GameId ORDER BY round, answered_at", new { GameId = gameId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAnswer())];
    }

    public async Task<bool> CloseRoundAsync(QuizRoundClosing closing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closing);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var at = database.Timestamp(closing.At);
        var closed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_rounds SET closed_at = @At WHERE game_id = @GameId AND round = @Round AND closed_at IS NULL",
            new { At = at, closing.GameId, closing.Round }, transaction, cancellationToken: cancellationToken));
        if (closed == 0)
        {
            return false;
        }

        foreach (var (player, points) in closing.Points)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE quiz_answers SET points = @Points WHERE game_id = @GameId AND round = @Round AND player_id = @Player",
                new { Points = points, closing.GameId, closing.Round, Player = player }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var message in closing.Messages)
        {
            await SqlWorkQueue.EnqueueOutboxAsync(database, connection, transaction, message, closing.At, cancellationToken);
        }

        if (closing.Next is { } next)
        {
            var game = await connection.QuerySingleAsync<GameRow>(new CommandDefinition($"SELECT {GameColumns} FROM quiz_games WHERE id = @Id", new { Id = closing.GameId }, transaction, cancellationToken: cancellationToken));
            await InsertRoundAsync(connection, transaction, next, game.ToGame().Conversation, cancellationToken);
        }

        if (closing.Finished)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE quiz_games SET status = 'finished', ended_at = @At WHERE id = @GameId AND status <> 'finished'",
                new { At = at, closing.GameId }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task SetMessageIdAsync(string gameId, int round, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_rounds SET message_id = @MessageId WHERE game_id = @GameId AND round = @Round",
            new { MessageId = messageId, GameId = gameId, Round = round }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<QuizRound>> OverdueRoundsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RoundRow>(new CommandDefinition(
            $"SELECT {RoundColumns} FROM quiz_rounds WHERE closed_at IS NULL AND closes_at < @Before ORDER BY closes_at",
            new { Before = database.Timestamp(before) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRound())];
    }

    public async Task<bool> StopAsync(string gameId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stopped = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_games SET status = 'stopped', ended_at = @At WHERE id = @GameId AND status = 'running'",
            new { At = database.Timestamp(at), GameId = gameId }, transaction, cancellationToken: cancellationToken));

        // A solo round waits for nobody: closed with the game. A team round closes at its time, with its reveal.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_rounds SET closed_at = @At WHERE game_id = @GameId AND closed_at IS NULL AND game_id IN (SELECT id FROM quiz_games WHERE id = @GameId AND mode = 'solo')",
            new { At = database.Timestamp(at), GameId = gameId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return stopped == 1;
    }

    public async Task<IReadOnlySet<string>> SeenAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT question_id FROM quiz_seen WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId",
            new { conversation.Platform, conversation.TenantId, conversation.ConversationId }, cancellationToken: cancellationToken));
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    public async Task ResetSeenAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM quiz_seen WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId",
            new { conversation.Platform, conversation.TenantId, conversation.ConversationId }, cancellationToken: cancellationToken));
    }

    public async Task OpenRoundAsync(QuizRound round, ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertRoundAsync(connection, transaction, round, conversation, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, (int Right, int Wrong)>> ResultsByQuestionAsync(OrganizationKey organization, string playerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        const string sql = """
            SELECT r.question_id AS QuestionId, a.correct AS Correct
            FROM quiz_answers a
            JOIN quiz_rounds r ON r.game_id = a.game_id AND r.round = a.round
            JOIN quiz_games g ON g.id = a.game_id
            WHERE a.player_id = @PlayerId AND g.platform = @Platform AND g.tenant_id = @TenantId
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string QuestionId, object Correct)>(new CommandDefinition(sql, new { PlayerId = playerId, organization.Platform, organization.TenantId }, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.QuestionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(r => Convert.ToBoolean(r.Correct, System.Globalization.CultureInfo.InvariantCulture)), g.Count(r => !Convert.ToBoolean(r.Correct, System.Globalization.CultureInfo.InvariantCulture))), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<QuizScore>> LeaderboardAsync(ConversationKey conversation, QuizScope scope, DateTimeOffset? since, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var where = scope == QuizScope.Conversation
            ? "g.platform = @Platform AND g.tenant_id = @TenantId AND g.conversation_id = @ConversationId"
            : "g.platform = @Platform AND g.tenant_id = @TenantId";
        var period = since is null ? string.Empty : " AND a.answered_at >= @Since";
        var sql = $"""
            SELECT a.player_id AS PlayerId, MAX(a.player_name) AS PlayerName, SUM(a.points) AS Points,
                   SUM(CASE WHEN a.correct THEN 1 ELSE 0 END) AS Correct, COUNT(*) AS Answered
            FROM quiz_answers a JOIN quiz_games g ON g.id = a.game_id
            WHERE {where} AND g.mode = 'team'{period}
            GROUP BY a.player_id
            ORDER BY SUM(a.points) DESC, MAX(a.player_name)
            LIMIT @Top
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScoreRow>(new CommandDefinition(sql, new
        {
            conversation.Platform,
            conversation.TenantId,
            conversation.ConversationId,
            Since = since is { } s ? database.Timestamp(s) : null,
            Top = top,
        }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new QuizScore(r.PlayerId, r.PlayerName, (int)r.Points, (int)r.Correct, (int)r.Answered))];
    }

    public async Task SetHiddenAsync(OrganizationKey organization, string playerId, bool hidden, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var sql = hidden
            ? "INSERT INTO quiz_hidden_players (platform, tenant_id, player_id) VALUES (@Platform, @TenantId, @PlayerId) ON CONFLICT DO NOTHING"
            : "DELETE FROM quiz_hidden_players WHERE platform = @Platform AND tenant_id = @TenantId AND player_id = @PlayerId";
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { organization.Platform, organization.TenantId, PlayerId = playerId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlySet<string>> HiddenAmongAsync(OrganizationKey organization, IEnumerable<string> playerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var ids = playerIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new HashSet<string>();
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            var names = string.Join(", ", chunk.Select((_, i) => $"@p{i}"));
            var parameters = new DynamicParameters(new { organization.Platform, organization.TenantId });
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add($"p{i}", chunk[i]);
            }

            hidden.UnionWith(await connection.QueryAsync<string>(new CommandDefinition($"SELECT player_id FROM quiz_hidden_players WHERE platform = @Platform AND tenant_id = @TenantId AND player_id IN ({names})", parameters, cancellationToken: cancellationToken)));
        }

        return hidden;
    }

    private async Task InsertRoundAsync(DbConnection connection, DbTransaction transaction, QuizRound round, ConversationKey conversation, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(InsertRoundSql, new
        {
            round.GameId,
            round.Number,
            round.QuestionId,
            OpenedAt = database.Timestamp(round.OpenedAt),
            ClosesAt = database.Timestamp(round.ClosesAt),
        }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE quiz_games SET current_round = @Number WHERE id = @GameId AND current_round < @Number",
            new { round.Number, round.GameId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertSeenSql, new
        {
            conversation.Platform,
            conversation.TenantId,
            conversation.ConversationId,
            round.QuestionId,
        }, transaction, cancellationToken: cancellationToken));
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private sealed class GameRow
    {
        public string Id { get; set; } = string.Empty;

        public string Platform { get; set; } = string.Empty;

        public string TenantId { get; set; } = string.Empty;

        public string ConversationId { get; set; } = string.Empty;

        public string Mode { get; set; } = "team";

        public string PackSlug { get; set; } = string.Empty;

        public string Language { get; set; } = "en";

        public long Rounds { get; set; }

        public long Seconds { get; set; }

        public long CurrentRound { get; set; }

        public string Status { get; set; } = "running";

        public string? StartedBy { get; set; }

        public object StartedAt { get; set; } = string.Empty;

        public QuizGame ToGame() => new(
            Id, new ConversationKey(Platform, TenantId, ConversationId), Enum.Parse<QuizMode>(Mode, ignoreCase: true), PackSlug, Language,
            (int)Rounds, (int)Seconds, (int)CurrentRound, Enum.Parse<QuizGameStatus>(Status, ignoreCase: true), StartedBy, Timestamps.Parse(StartedAt));
    }

    private sealed class RoundRow
    {
        public string GameId { get; set; } = string.Empty;

        public long Number { get; set; }

        public string QuestionId { get; set; } = string.Empty;

        public object OpenedAt { get; set; } = string.Empty;

        public object ClosesAt { get; set; } = string.Empty;

        public object? ClosedAt { get; set; }

        public string? MessageId { get; set; }

        public QuizRound ToRound() => new(
            GameId, (int)Number, QuestionId, Timestamps.Parse(OpenedAt), Timestamps.Parse(ClosesAt), ClosedAt is null ? null : Timestamps.Parse(ClosedAt), MessageId);
    }

    private sealed class AnswerRow
    {
        public string GameId { get; set; } = string.Empty;

        public long Round { get; set; }

        public string PlayerId { get; set; } = string.Empty;

        public string? PlayerName { get; set; }

        public long Option { get; set; }

        public object Correct { get; set; } = false;

        public object AnsweredAt { get; set; } = string.Empty;

        public long Points { get; set; }

        public QuizAnswer ToAnswer() => new(
            GameId, (int)Round, PlayerId, PlayerName, (int)Option, Convert.ToBoolean(Correct, System.Globalization.CultureInfo.InvariantCulture),
            Timestamps.Parse(AnsweredAt), (int)Points);
    }

    private sealed class ScoreRow
    {
        public string PlayerId { get; set; } = string.Empty;

        public string? PlayerName { get; set; }

        public long Points { get; set; }

        public long Correct { get; set; }

        public long Answered { get; set; }
    }
}
