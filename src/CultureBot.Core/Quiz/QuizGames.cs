using System.Globalization;
using System.Security.Cryptography;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Localization;
using CultureBot.Core.Personas;

namespace CultureBot.Core.Quiz;

/// <summary>What became of an answer click.</summary>
public enum QuizAnswerOutcome
{
    Recorded,
    AlreadyAnswered,
    Closed,
    Unknown,
}

/// <summary>
/// The game's rules: starting a game, recording answers (one per player and round), closing rounds on time with
/// points and a reveal, chaining rounds, the final scoreboard; solo practice that comes back to a player's weak
/// personas; leaderboards. Every message it decides to send goes through the outbox in the same transaction as the
/// decision; the answer count is refreshed by the host, coalesced (<see cref="QuizLiveCounts"/>).
/// </summary>
public sealed class QuizGames(
    IQuizStore store, QuizPool pool, PersonaDirectory personas, IQuizTimer timer, QuizLiveCounts live, StringTable strings, TimeProvider clock,
    IEnumerable<Queue.IInboundBacklog> backlogs, Insights.IEngagementLog? engagement = null) : IDeliveryReceipts
{
    /// <summary>How long a round's close may wait for clicks received before its bell and still queued (Slack's worker behind a burst).</summary>
    public static readonly TimeSpan MaxCloseDelay = TimeSpan.FromSeconds(20);

    public const int DefaultRounds = 5;
    public const int MaxRounds = 20;
    public const int DefaultSeconds = 30;
    public const int MinSeconds = 10;
    public const int MaxSeconds = 300;
    public const string Purpose = "quiz";
    private const string ReceiptPrefix = "quiz-round:";

    /// <summary>How long a solo round stays open before the sweep closes it silently (a player who walked away).</summary>
    private static readonly TimeSpan SoloRoundLifetime = TimeSpan.FromDays(1);

    public Random Random { get; init; } = Random.Shared;

    /// <summary>Starts a team game: its first round goes out through the outbox. Null when a game is already running there.</summary>
    public async Task<QuizGame?> StartTeamAsync(ConversationKey conversation, BotUser? by, CultureInfo culture, int rounds, int seconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(culture);
        if (personas.PackFor(conversation, culture) is not { } pack || await NextQuestionAsync(pack, conversation, null, cancellationToken) is not { } question)
        {
            throw new InvalidOperationException("No persona pack produces quiz questions.");
        }

        var now = clock.GetUtcNow();
        var game = new QuizGame(NewId(), conversation, QuizMode.Team, pack.Slug, culture.Name, Math.Clamp(rounds, 1, MaxRounds),
            Math.Clamp(seconds, MinSeconds, MaxSeconds), 1, QuizGameStatus.Running, by?.Id, now);
        var round = new QuizRound(game.Id, 1, question.Id, now, now.AddSeconds(game.Seconds), null, null);
        var card = new OutboxMessage(conversation, QuizCards.Round(game, round, question, 0, open: true, strings, culture), Purpose) { Receipt = Receipt(game.Id, 1) };
        if (!await store.StartAsync(game, round, card, cancellationToken))
        {
            return null;
        }

        await timer.ScheduleCloseAsync(game.Id, 1, round.ClosesAt, cancellationToken);
        return game;
    }

    /// <summary>
    /// Records a click, as of when it was received (<paramref name="receivedAt"/>, for a click that waited in a queue):
    /// a click before the bell counts. Team answers are scored when the round closes; a solo answer is revealed at once.
    /// A click names its game: one not played in <paramref name="from"/> (the clicker's conversation) is unknown there.
    /// </summary>
    public async Task<(QuizAnswerOutcome Outcome, BotMessage? Reveal)> AnswerAsync(
        ConversationKey from, string gameId, int roundNumber, int option, BotUser player, DateTimeOffset? receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(player);
        var now = receivedAt is { } received && received < clock.GetUtcNow() ? received : clock.GetUtcNow();
        if (await store.GetAsync(gameId, cancellationToken) is not { } game || !game.Conversation.IsSameConversation(from)
            || await store.GetRoundAsync(gameId, roundNumber, cancellationToken) is not { } round
            || await QuestionAsync(game, round, cancellationToken) is not { } question || option < 0 || option >= question.Options.Count)
        {
            return (QuizAnswerOutcome.Unknown, null);
        }

        if (round.ClosedAt is not null || now >= round.ClosesAt || game.Status != QuizGameStatus.Running)
        {
            return (QuizAnswerOutcome.Closed, null);
        }

        var correct = option == question.Answer;
        if (game.Mode == QuizMode.Team)
        {
            var recorded = await store.AnswerAsync(new QuizAnswer(gameId, roundNumber, player.Id, player.Name, option, correct, now, 0), cancellationToken);
            if (recorded)
            {
                live.Touch(gameId, roundNumber);
                await RecordAnswerAsync(from, player, question, correct, cancellationToken);
            }

            return (recorded ? QuizAnswerOutcome.Recorded : QuizAnswerOutcome.AlreadyAnswered, null);
        }

        var answers = await store.AnswersAsync(gameId, cancellationToken);
        var streak = QuizScoring.Streak(answers.Where(a => a.Correct).Select(a => a.Round).ToHashSet(), roundNumber);
        var points = QuizScoring.Points(correct, round.ClosesAt - round.OpenedAt, round.ClosesAt - round.OpenedAt, streak);
        if (!await store.AnswerAsync(new QuizAnswer(gameId, roundNumber, player.Id, player.Name, option, correct, now, points), cancellationToken))
        {
            return (QuizAnswerOutcome.AlreadyAnswered, null);
        }

        await store.CloseRoundAsync(new QuizRoundClosing(gameId, roundNumber, now, [(player.Id, points)], [], null, false), cancellationToken);
        await RecordAnswerAsync(from, player, question, correct, cancellationToken);
        var culture = CultureInfo.GetCultureInfo(game.Language);
        return (QuizAnswerOutcome.Recorded, QuizCards.Reveal(game, round, question, strings, culture, [], 1, correct, points));
    }

    /// <summary>An answer for the insights: which persona the question was about, and whether it was right (1) or not (0).</summary>
    private Task RecordAnswerAsync(ConversationKey from, BotUser player, QuizQuestion question, bool correct, CancellationToken cancellationToken) =>
        engagement?.RecordAsync(from, player.Id, Insights.EngagementKinds.QuizAnswered, question.PersonaId, correct ? 1 : 0, cancellationToken: cancellationToken) ?? Task.CompletedTask;

    /// <summary>
    /// Closes a round whose time is up (the timer, or the sweep for a timer lost in a crash): points, the card shown
    /// closed, the reveal, then the next round or the final scoreboard. Closing twice does nothing the second time.
    /// </summary>
    public async Task CloseRoundAsync(string gameId, int roundNumber, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(gameId, cancellationToken) is not { } game || await store.GetRoundAsync(gameId, roundNumber, cancellationToken) is not { } round
            || round.ClosedAt is not null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (game.Mode == QuizMode.Team && now < round.ClosesAt + MaxCloseDelay && await ClicksStillQueuedAsync(round.ClosesAt, cancellationToken))
        {
            // Clicks received before the bell are still in the queue: they count, so the round closes a moment later.
            await timer.ScheduleCloseAsync(gameId, roundNumber, now.AddSeconds(1), cancellationToken);
            return;
        }

        if (game.Mode == QuizMode.Solo || await QuestionAsync(game, round, cancellationToken) is not { } question)
        {
            // A solo round nobody answered, or a question its pack no longer has: closed, nothing to say.
            await store.CloseRoundAsync(new QuizRoundClosing(gameId, roundNumber, now, [], [], null, game.Mode == QuizMode.Team), cancellationToken);
            return;
        }

        var culture = CultureInfo.GetCultureInfo(game.Language);
        var answers = await store.AnswersAsync(gameId, cancellationToken);
        var thisRound = answers.Where(a => a.Round == roundNumber).ToList();
        var open = round.ClosesAt - round.OpenedAt;
        var points = thisRound.Select(a => (a.PlayerId, Points: QuizScoring.Points(
            a.Correct, a.AnsweredAt - round.OpenedAt, open,
            QuizScoring.Streak(answers.Where(x => x.PlayerId == a.PlayerId && x.Correct).Select(x => x.Round).ToHashSet(), roundNumber)))).ToList();
        var hidden = await store.HiddenAmongAsync(game.Conversation.Organization, thisRound.Select(a => a.PlayerId), cancellationToken);
        var right = thisRound.Zip(points).Where(p => p.First.Correct).OrderByDescending(p => p.Second.Points)
            .Select(p => (Name: Display(p.First.PlayerId, p.First.PlayerName, hidden, culture), p.Second.Points)).ToList();

        var messages = new List<OutboxMessage>
        {
            new(game.Conversation, QuizCards.Round(game, round, question, thisRound.Count, open: false, strings, culture), Purpose) { Replaces = round.MessageId },
            new(game.Conversation, QuizCards.Reveal(game, round, question, strings, culture, right, thisRound.Count), Purpose),
        };
        QuizRound? next = null;
        var finished = roundNumber >= game.Rounds || game.Status != QuizGameStatus.Running;
        if (!finished && personas.Find(OrganizationKey.Of(game.Conversation), game.PackSlug) is { } pack
            && await NextQuestionAsync(pack, game.Conversation, null, cancellationToken) is { } nextQuestion)
        {
            next = new QuizRound(gameId, roundNumber + 1, nextQuestion.Id, now, now.AddSeconds(game.Seconds), null, null);
            messages.Add(new OutboxMessage(game.Conversation, QuizCards.Round(game, next, nextQuestion, 0, open: true, strings, culture), Purpose) { Receipt = Receipt(gameId, next.Number) });
        }
        else
        {
            finished = true;
            var scored = answers.Where(a => a.Round != roundNumber).Select(a => (a.PlayerId, a.PlayerName, a.Points, a.Correct))
                .Concat(thisRound.Zip(points).Select(p => (p.First.PlayerId, p.First.PlayerName, p.Second.Points, p.First.Correct)));
            var scores = scored.GroupBy(a => a.PlayerId)
                .Select(g => new QuizScore(g.Key, g.Last().PlayerName, g.Sum(a => a.Points), g.Count(a => a.Correct), g.Count()))
                .OrderByDescending(s => s.Points).ThenBy(s => s.PlayerName, StringComparer.Ordinal).ToList();
            var everyone = await store.HiddenAmongAsync(game.Conversation.Organization, scores.Select(s => s.PlayerId), cancellationToken);
            messages.Add(new OutboxMessage(game.Conversation, QuizCards.Scores(
                strings.Get("quizFinalTitle", culture), strings.Format("quizFinalSubtitle", culture, game.Rounds), scores,
                s => Display(s.PlayerId, s.PlayerName, everyone, culture), strings, culture), Purpose));

            // And where the game leaves the conversation's week, this round's points included (they are written below).
            var roundPoints = thisRound.Zip(points).ToDictionary(p => p.First.PlayerId, p => (p.First.PlayerName, p.Second.Points), StringComparer.Ordinal);
            messages.Add(new OutboxMessage(game.Conversation, await LeaderboardAsync(game.Conversation, QuizScope.Conversation, weekly: true, culture, cancellationToken, roundPoints), Purpose));
        }

        var closing = new QuizRoundClosing(gameId, roundNumber, now, [.. points], messages, next, finished);
        if (await store.CloseRoundAsync(closing, cancellationToken) && next is not null)
        {
            await timer.ScheduleCloseAsync(gameId, next.Number, next.ClosesAt, cancellationToken);
        }
    }

    /// <summary>Closes the rounds whose timer was lost (a crash between the decision and the scheduling).</summary>
    public async Task<int> CloseOverdueAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var overdue = await store.OverdueRoundsAsync(clock.GetUtcNow() - grace, cancellationToken);
        foreach (var round in overdue)
        {
            await CloseRoundAsync(round.GameId, round.Number, cancellationToken);
        }

        return overdue.Count;
    }

    /// <summary>Solo practice: the next question for this player, in their personal chat (a game is started on first use).</summary>
    public async Task<BotMessage?> SoloNextAsync(ConversationKey conversation, BotUser player, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(player);
        ArgumentNullException.ThrowIfNull(culture);
        var now = clock.GetUtcNow();
        var game = await store.RunningInAsync(conversation, cancellationToken);
        if (game is not null && game.Mode != QuizMode.Solo)
        {
            return null;
        }

        if (personas.PackFor(conversation, culture) is not { } pack)
        {
            return null;
        }

        var byQuestion = await store.ResultsByQuestionAsync(conversation.Organization, player.Id, cancellationToken);
        var personaOf = (await pool.QuestionsAsync(pack, conversation.Organization, cancellationToken)).ToDictionary(q => q.Id, q => q.PersonaId, StringComparer.Ordinal);
        var results = byQuestion.Where(r => personaOf.ContainsKey(r.Key)).GroupBy(r => personaOf[r.Key], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Sum(r => r.Value.Right), g.Sum(r => r.Value.Wrong)), StringComparer.Ordinal);
        if (await NextQuestionAsync(pack, conversation, results, cancellationToken) is not { } question)
        {
            return null;
        }

        if (game is null)
        {
            game = new QuizGame(NewId(), conversation, QuizMode.Solo, pack.Slug, culture.Name, 0, 0, 1, QuizGameStatus.Running, player.Id, now);
            var first = new QuizRound(game.Id, 1, question.Id, now, now + SoloRoundLifetime, null, null);
            if (!await store.StartAsync(game, first, null, cancellationToken))
            {
                return null;
            }

            return QuizCards.Round(game, first, question, 0, open: true, strings, culture);
        }

        var round = new QuizRound(game.Id, game.CurrentRound + 1, question.Id, now, now + SoloRoundLifetime, null, null);
        await store.OpenRoundAsync(round, conversation, cancellationToken);
        return QuizCards.Round(game with { CurrentRound = round.Number }, round, question, 0, open: true, strings, culture);
    }

    /// <summary>Stops the game running in a conversation; its open round closes at its time (team) or at once (solo).</summary>
    public async Task<QuizGame?> StopAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        if (await store.RunningInAsync(conversation, cancellationToken) is not { } game || !await store.StopAsync(game.Id, clock.GetUtcNow(), cancellationToken))
        {
            return null;
        }

        return game;
    }

    /// <summary>A leaderboard: this conversation's or the organization's, this week's (since Monday 0:00 UTC) or all time.</summary>
    /// <param name="unsaved">Points decided but not written yet (the last round of a game that is closing), by player.</param>
    public async Task<BotMessage> LeaderboardAsync(
        ConversationKey conversation, QuizScope scope, bool weekly, CultureInfo culture, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, (string? Name, int Points)>? unsaved = null)
    {
        ArgumentNullException.ThrowIfNull(culture);
        const int top = 10;
        var now = clock.GetUtcNow();
        var monday = now.UtcDateTime.Date.AddDays(-(((int)now.UtcDateTime.DayOfWeek + 6) % 7));
        DateTimeOffset? since = weekly ? new DateTimeOffset(monday, TimeSpan.Zero) : null;
        var scores = await store.LeaderboardAsync(conversation, scope, since, unsaved is null ? top : top + unsaved.Count, cancellationToken);
        if (unsaved is not null)
        {
            var merged = scores.ToDictionary(s => s.PlayerId, StringComparer.Ordinal);
            foreach (var (player, (name, points)) in unsaved)
            {
                merged[player] = merged.TryGetValue(player, out var known) ? known with { Points = known.Points + points } : new QuizScore(player, name, points, points > 0 ? 1 : 0, 1);
            }

            scores = [.. merged.Values.OrderByDescending(s => s.Points).ThenBy(s => s.PlayerName, StringComparer.Ordinal).Take(top)];
        }

        var hidden = await store.HiddenAmongAsync(conversation.Organization, scores.Select(s => s.PlayerId), cancellationToken);
        var title = strings.Get(scope == QuizScope.Organization ? "quizBoardOrganization" : "quizBoardConversation", culture);
        var subtitle = strings.Get(weekly ? "quizBoardWeek" : "quizBoardAllTime", culture);
        return QuizCards.Scores(title, subtitle, scores, s => Display(s.PlayerId, s.PlayerName, hidden, culture), strings, culture);
    }

    /// <summary>A round's card was posted: remember where, to show its answer count and close it there.</summary>
    public async Task DeliveredAsync(string receipt, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var parts = receipt.Split(':');
        if (parts.Length == 3 && receipt.StartsWith(ReceiptPrefix, StringComparison.Ordinal) && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var round))
        {
            await store.SetMessageIdAsync(parts[1], round, messageId, cancellationToken);
        }
    }

    /// <summary>The card of an open round with its current answer count, or null when it should not be touched any more.</summary>
    public async Task<(QuizGame Game, string MessageId, BotMessage Card)?> LiveCardAsync(string gameId, int roundNumber, TimeSpan margin, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(gameId, cancellationToken) is not { } game || await store.GetRoundAsync(gameId, roundNumber, cancellationToken) is not { } round
            || round.ClosedAt is not null || round.MessageId is not { } messageId || clock.GetUtcNow() > round.ClosesAt - margin
            || await QuestionAsync(game, round, cancellationToken) is not { } question)
        {
            return null;
        }

        var count = await store.CountAnswersAsync(gameId, roundNumber, cancellationToken);
        return (game, messageId, QuizCards.Round(game, round, question, count, open: true, strings, CultureInfo.GetCultureInfo(game.Language)));
    }

    private async Task<bool> ClicksStillQueuedAsync(DateTimeOffset bell, CancellationToken cancellationToken)
    {
        foreach (var backlog in backlogs)
        {
            if (await backlog.OldestAsync(cancellationToken) is { } oldest && oldest < bell)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<QuizQuestion?> QuestionAsync(QuizGame game, QuizRound round, CancellationToken cancellationToken) =>
        personas.Find(game.Conversation.Organization, game.PackSlug) is { } pack
            ? (await pool.QuestionsAsync(pack, game.Conversation.Organization, cancellationToken)).FirstOrDefault(q => q.Id == round.QuestionId)
            : null;

    /// <summary>A question this conversation has not seen in this pass; when all have been seen, a new pass begins.</summary>
    private async Task<QuizQuestion?> NextQuestionAsync(PersonaPack pack, ConversationKey conversation, IReadOnlyDictionary<string, (int Right, int Wrong)>? results, CancellationToken cancellationToken)
    {
        var questions = await pool.QuestionsAsync(pack, conversation.Organization, cancellationToken);
        var picked = QuizPicker.Pick(questions, await store.SeenAsync(conversation, cancellationToken), Random, results);
        if (picked is null && questions.Any(q => !q.Hidden))
        {
            await store.ResetSeenAsync(conversation, cancellationToken);
            picked = QuizPicker.Pick(questions, new HashSet<string>(), Random, results);
        }

        return picked;
    }

    private string Display(string playerId, string? name, IReadOnlySet<string> hidden, CultureInfo culture) =>
        hidden.Contains(playerId) || string.IsNullOrWhiteSpace(name) ? strings.Get("quizAnonymous", culture) : name;

    private static string Receipt(string gameId, int round) => $"{ReceiptPrefix}{gameId}:{round.ToString(CultureInfo.InvariantCulture)}";

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
