using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Quiz;

namespace CultureBot.Core.Features.Quiz;

/// <summary>
/// The persona quiz in chat: <c>quiz start [rounds] [seconds]</c> (a team game in a channel or group chat; solo
/// practice in a personal chat), <c>quiz</c>, <c>quiz stop</c>, <c>quiz leaderboard [week|all] [org]</c>,
/// <c>quiz hide me</c> / <c>quiz show me</c>; answer buttons (<c>quiz-answer</c>), and in solo <c>quiz-next</c>, <c>quiz-stop</c>.
/// </summary>
public sealed class QuizFeature(QuizGames games, IQuizStore store)
{
    public const string AnswerVerb = "quiz-answer";
    public const string NextVerb = "quiz-next";

    /// <summary>The solo card's stop button: the <c>quiz stop</c> command, clicked.</summary>
    public const string StopVerb = "quiz-stop";

    public static void Map(FeatureRoutes<QuizFeature> routes) => routes
        .MapCommand("quiz", quiz => quiz.SoloOrUsageAsync)
        .MapSubCommand("quiz", "quiz-start", quiz => quiz.StartAsync)
        .MapSubCommand("quiz", StopVerb, quiz => quiz.StopAsync)
        .MapSubCommand("quiz", "quiz-leaderboard", quiz => quiz.LeaderboardAsync)
        .MapSubCommand("quiz", "quiz-hide", quiz => (context, cancellationToken) => quiz.HideAsync(context, true, cancellationToken))
        .MapSubCommand("quiz", "quiz-show", quiz => (context, cancellationToken) => quiz.HideAsync(context, false, cancellationToken))
        .MapAction(AnswerVerb, quiz => quiz.AnswerAsync)
        .MapAction(NextVerb, quiz => quiz.SoloAsync);

    /// <summary><c>quiz</c> alone (or followed by what no sub-command means): a solo question in a personal chat, else how to play.</summary>
    private Task SoloOrUsageAsync(TurnContext context, CancellationToken cancellationToken) =>
        context.Turn.Conversation.Kind == ConversationKind.Personal
            ? SoloAsync(context, cancellationToken)
            : context.SendAsync(BotMessage.FromText(context.T("quizUsage")), cancellationToken);

    private async Task StartAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (context.Turn.Conversation.Kind == ConversationKind.Personal)
        {
            await SoloAsync(context, cancellationToken);
            return;
        }

        var numbers = context.CommandArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = numbers.Select(n => int.TryParse(n.TrimEnd('s'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null).ToList();
        var rounds = values.ElementAtOrDefault(0) ?? QuizGames.DefaultRounds;
        var seconds = values.ElementAtOrDefault(1) ?? QuizGames.DefaultSeconds;
        QuizGame? game;
        try
        {
            game = await games.StartTeamAsync(context.Turn.Conversation.Key, context.Turn.From, context.Culture, rounds, seconds, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            await context.SendAsync(BotMessage.FromText(context.T("quizNoQuestions")), cancellationToken);
            return;
        }

        var text = game is null
            ? context.T("quizAlreadyRunning")
            : string.Format(context.Culture, context.T("quizStarted"), game.Rounds, game.Seconds);
        await context.SendAsync(BotMessage.FromText(text), cancellationToken);
    }

    private async Task SoloAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (context.Turn.From is not { } player)
        {
            return;
        }

        var card = await games.SoloNextAsync(context.Turn.Conversation.Key, player, context.Culture, cancellationToken);
        await context.SendAsync(card ?? BotMessage.FromText(context.T("quizNoQuestions")), cancellationToken);
    }

    private async Task AnswerAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var data = context.Turn.ActionData ?? [];
        if (context.Turn.From is not { } player || ActionValues.Text(data["session"]) is not { } gameId
            || !int.TryParse(ActionValues.Text(data["question"]), NumberStyles.None, CultureInfo.InvariantCulture, out var round)
            || !int.TryParse(ActionValues.Text(data["answer"]), NumberStyles.None, CultureInfo.InvariantCulture, out var option))
        {
            return;
        }

        var (outcome, reveal) = await games.AnswerAsync(
            context.Turn.Conversation.Key, gameId, round, option, player, context.Turn.ReceivedAt, cancellationToken);
        if (reveal is not null)
        {
            // Solo: the question card turns into its answer, with the next question's button.
            await context.Channel.UpdateActionSourceAsync(reveal, cancellationToken);
            return;
        }

        var note = outcome switch
        {
            QuizAnswerOutcome.Recorded => string.Format(context.Culture, context.T("quizAnswerRecorded"), QuizCards.Letter(option)),
            QuizAnswerOutcome.AlreadyAnswered => context.T("quizAlreadyAnswered"),
            QuizAnswerOutcome.Unknown => context.T("quizGameNotFound"),
            _ => context.T("quizRoundClosed"),
        };
        await context.Channel.NotifyActorAsync(note, cancellationToken);
    }

    private async Task StopAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var stopped = await games.StopAsync(context.Turn.Conversation.Key, cancellationToken);
        var text = stopped is null ? context.T("quizNotRunning") : context.T(stopped.Mode == QuizMode.Solo ? "quizSoloStopped" : "quizStopped");
        await context.SendAsync(BotMessage.FromText(text), cancellationToken);
    }

    private async Task LeaderboardAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var words = context.CommandArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TextMatching.Fold).ToList();
        var weekly = !words.Any(w => w is "all" or "tout" or "alltime" or "toujours");
        var scope = words.Any(w => w is "org" or "organization" or "organisation" or "company" or "entreprise") ? QuizScope.Organization : QuizScope.Conversation;
        var board = await games.LeaderboardAsync(context.Turn.Conversation.Key, scope, weekly, context.Culture, cancellationToken);
        await context.SendAsync(board, cancellationToken);
    }

    private async Task HideAsync(TurnContext context, bool hidden, CancellationToken cancellationToken)
    {
        if (context.Turn.From is not { } player)
        {
            return;
        }

        await store.SetHiddenAsync(context.Turn.Conversation.Key.Organization, player.Id, hidden, cancellationToken);
        await context.SendAsync(BotMessage.FromText(context.T(hidden ? "quizHidden" : "quizShown")), cancellationToken);
    }
}
