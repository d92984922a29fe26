using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Quiz;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Features.Quiz;

/// <summary>
/// The persona quiz in chat, English and French: <c>quiz start [rounds] [seconds]</c> (a team game in a channel or
/// group chat; solo practice in a personal chat), <c>quiz</c>, <c>quiz stop</c>, <c>quiz leaderboard [week|all] [org]</c>,
/// <c>quiz hide me</c> / <c>quiz show me</c>; answer buttons (<c>quiz-answer</c>), and in solo <c>quiz-next</c>, <c>quiz-stop</c>.
/// </summary>
public static class QuizFeature
{
    public const string AnswerVerb = "quiz-answer";
    public const string NextVerb = "quiz-next";
    public const string StopVerb = "quiz-stop";

    public static BotRouteBuilder MapQuiz(this BotRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes
            .MapCommand("quiz", ["persona quiz", "quiz persona", "jeu"], HandleAsync)
            .MapAction(AnswerVerb, AnswerAsync)
            .MapAction(NextVerb, (context, cancellationToken) => SoloAsync(context, cancellationToken))
            .MapAction(StopVerb, StopAsync);
    }

    private static Task HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var words = context.CommandArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TextMatching.Fold).ToList();
        var verb = words.Count == 0 ? string.Empty : words[0];
        return verb switch
        {
            "start" or "play" or "demarrer" or "lancer" or "jouer" or "solo" or "practice" or "entrainement" => StartAsync(context, words.Skip(1).ToList(), cancellationToken),
            "stop" or "end" or "arreter" or "fin" => StopAsync(context, cancellationToken),
            "leaderboard" or "scores" or "classement" or "board" => LeaderboardAsync(context, words.Skip(1).ToList(), cancellationToken),
            "hide" or "anonymous" or "masquer" or "anonyme" => HideAsync(context, true, cancellationToken),
            "show" or "unhide" or "afficher" or "montrer" => HideAsync(context, false, cancellationToken),
            _ when context.Turn.Conversation.Kind == ConversationKind.Personal => SoloAsync(context, cancellationToken),
            _ => context.SendAsync(BotMessage.FromText(context.T("quizUsage")), cancellationToken),
        };
    }

    private static async Task StartAsync(TurnContext context, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        if (context.Turn.Conversation.Kind == ConversationKind.Personal)
        {
            await SoloAsync(context, cancellationToken);
            return;
        }

        var values = numbers.Select(n => int.TryParse(n.TrimEnd('s'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null).ToList();
        var rounds = values.ElementAtOrDefault(0) ?? QuizGames.DefaultRounds;
        var seconds = values.ElementAtOrDefault(1) ?? QuizGames.DefaultSeconds;
        var games = context.Services.GetRequiredService<QuizGames>();
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

    private static async Task SoloAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (context.Turn.From is not { } player)
        {
            return;
        }

        var games = context.Services.GetRequiredService<QuizGames>();
        var card = await games.SoloNextAsync(context.Turn.Conversation.Key, player, context.Culture, cancellationToken);
        await context.SendAsync(card ?? BotMessage.FromText(context.T("quizNoQuestions")), cancellationToken);
    }

    private static async Task AnswerAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var data = context.Turn.ActionData ?? [];
        if (context.Turn.From is not { } player || ActionValues.Text(data["session"]) is not { } gameId
            || !int.TryParse(ActionValues.Text(data["question"]), NumberStyles.None, CultureInfo.InvariantCulture, out var round)
            || !int.TryParse(ActionValues.Text(data["answer"]), NumberStyles.None, CultureInfo.InvariantCulture, out var option))
        {
            return;
        }

        var (outcome, reveal) = await context.Services.GetRequiredService<QuizGames>().AnswerAsync(
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

    private static async Task StopAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var stopped = await context.Services.GetRequiredService<QuizGames>().StopAsync(context.Turn.Conversation.Key, cancellationToken);
        var text = stopped is null ? context.T("quizNotRunning") : context.T(stopped.Mode == QuizMode.Solo ? "quizSoloStopped" : "quizStopped");
        await context.SendAsync(BotMessage.FromText(text), cancellationToken);
    }

    private static async Task LeaderboardAsync(TurnContext context, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var weekly = !words.Any(w => w is "all" or "tout" or "alltime" or "toujours");
        var scope = words.Any(w => w is "org" or "organization" or "organisation" or "company" or "entreprise") ? QuizScope.Organization : QuizScope.Conversation;
        var board = await context.Services.GetRequiredService<QuizGames>().LeaderboardAsync(context.Turn.Conversation.Key, scope, weekly, context.Culture, cancellationToken);
        await context.SendAsync(board, cancellationToken);
    }

    private static async Task HideAsync(TurnContext context, bool hidden, CancellationToken cancellationToken)
    {
        if (context.Turn.From is not { } player)
        {
            return;
        }

        await context.Services.GetRequiredService<IQuizStore>().SetHiddenAsync(context.Turn.Conversation.Key.Organization, player.Id, hidden, cancellationToken);
        await context.SendAsync(BotMessage.FromText(context.T(hidden ? "quizHidden" : "quizShown")), cancellationToken);
    }
}
