using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Localization;

namespace CultureBot.Core.Quiz;

/// <summary>
/// The quiz's cards (<c>quiz-round</c>, <c>quiz-reveal</c>, <c>quiz-scores</c>) as view-models. A round lists its
/// options in full, lettered, and the buttons carry the letters: a posture does not fit on a button, and four short
/// buttons stay on one line on a phone.
/// </summary>
public static class QuizCards
{
    public const string RoundCard = "quiz-round";
    public const string RevealCard = "quiz-reveal";
    public const string ScoresCard = "quiz-scores";

    /// <summary>A round's card: open with answer buttons and the live count, or closed with the right answer.</summary>
    public static BotMessage Round(QuizGame game, QuizRound round, QuizQuestion question, int answers, bool open, StringTable strings, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(question);
        var prompt = QuizPrompts.Prompt(question, strings, culture);
        var data = new JsonObject
        {
            ["solo"] = game.Mode == QuizMode.Solo,
            ["open"] = open,
            ["game"] = game.Id,
            ["round"] = round.Number,
            ["rounds"] = game.Rounds,
            ["seconds"] = game.Seconds,
            ["prompt"] = prompt,
            ["options"] = new JsonArray([.. question.Options.Select((o, i) => (JsonNode)new JsonObject
            {
                ["index"] = i,
                ["letter"] = Letter(i),
                ["text"] = o,
            })]),
            ["answers"] = answers,
            ["answer"] = $"{Letter(question.Answer)}. {question.Options[question.Answer]}",
        };
        return BotMessage.FromCard(RoundCard, data, prompt);
    }

    /// <summary>
    /// The answer explained with the sheet's words; in a team game, who was right and the round's best scores; in
    /// solo practice, the player's verdict and the next question's button.
    /// </summary>
    public static BotMessage Reveal(
        QuizGame game, QuizRound round, QuizQuestion question, StringTable strings, CultureInfo culture,
        IReadOnlyList<(string Name, int Points)> right, int answered, bool? soloCorrect = null, int soloPoints = 0)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(right);
        var answer = $"{Letter(question.Answer)}. {question.Options[question.Answer]}";
        const int named = 10;
        var winners = right.Count == 0
            ? strings.Get("quizNobodyRight", culture)
            : string.Join(", ", right.Take(named).Select(r => $"{r.Name} (+{r.Points.ToString(culture)})"))
              + (right.Count > named ? " " + strings.Format("quizAndOthers", culture, right.Count - named) : string.Empty);
        var data = new JsonObject
        {
            ["solo"] = game.Mode == QuizMode.Solo,
            ["game"] = game.Id,
            ["round"] = round.Number,
            ["rounds"] = game.Rounds,
            ["prompt"] = QuizPrompts.Prompt(question, strings, culture),
            ["answer"] = answer,
            ["explanation"] = new JsonArray([.. QuizPrompts.Explanation(question, strings, culture).Select(e => (JsonNode)JsonValue.Create(e))]),
            ["tally"] = strings.Format("quizTally", culture, right.Count, answered),
            ["winners"] = winners,
            ["verdict"] = soloCorrect is null ? string.Empty
                : soloCorrect.Value ? strings.Format("quizRight", culture, soloPoints) : strings.Get("quizWrong", culture),
            ["correct"] = soloCorrect ?? false,
        };
        return BotMessage.FromCard(RevealCard, data, answer);
    }

    /// <summary>A scoreboard (a game's end) or a leaderboard, with bars for the chart.</summary>
    public static BotMessage Scores(string title, string subtitle, IReadOnlyList<QuizScore> scores, Func<QuizScore, string> name, StringTable strings, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(name);
        const int width = 16;
        var best = Math.Max(1, scores.Count == 0 ? 1 : scores.Max(s => s.Points));
        var rows = new JsonArray([.. scores.Select((s, i) => (JsonNode)new JsonObject
        {
            ["rank"] = i + 1,
            ["name"] = name(s),
            ["points"] = s.Points,
            ["detail"] = strings.Format("quizRightOf", culture, s.Correct, s.Answered),
            ["bar"] = new string('█', Math.Max(1, (int)Math.Round(width * (double)s.Points / best))),
        })]);
        var data = new JsonObject { ["title"] = title, ["subtitle"] = subtitle, ["rows"] = rows, ["empty"] = scores.Count == 0 };
        return BotMessage.FromCard(ScoresCard, data, title);
    }

    public static string Letter(int index) => ((char)('A' + index)).ToString();
}
