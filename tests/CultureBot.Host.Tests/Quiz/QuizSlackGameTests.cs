using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Personas;
using CultureBot.Core.Quiz;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Quiz;

/// <summary>
/// A whole team game over signed Slack requests, through the real host: start, three players answer (one twice),
/// the live count, the round closes with points and the reveal, the next round, the final scoreboard, the leaderboard.
/// The round timer is the seam (the test closes rounds when it chooses); Quartz's own timer is tested apart.
/// </summary>
public sealed class QuizSlackGameTests : IDisposable
{
    private const string Channel = "C05QUIZ0001";
    private readonly RecordingQuizTimer _timer = new();
    private readonly SlackTestHost _slack;

    public QuizSlackGameTests() =>
        _slack = new SlackTestHost(SlackTestHost.OnlyTheFakeWorkspace, services => services.AddSingleton<IQuizTimer>(_timer));

    public void Dispose() => _slack.Dispose();

    [Fact]
    public async Task A_team_game_runs_from_start_to_scoreboard_with_one_answer_per_player_and_round()
    {
        await CommandAsync("U0PLAYER001", "quiz start 2 30", "start");
        var started = await _slack.Api.WaitForAsync("hooks/start");
        Assert.Contains("2 rounds of 30 seconds", Text(started[0]), StringComparison.Ordinal);

        // Round 1 goes out through the outbox, with a button per option.
        var card = await WaitForPostAsync(c => BlockId(c) is not null, 1);
        var (game, round) = ParseBlockId(BlockId(card)!);
        Assert.Equal(1, round);
        var right = await RightOptionAsync(game, 1);
        var wrong = (right + 1) % 3;
        Assert.Equal(game, Assert.Single(_timer.Scheduled).Game);

        await ClickAsync("U0PLAYER001", "Amélie", game, 1, right, "a1");
        await ClickAsync("U0PLAYER002", "Bruno", game, 1, wrong, "b1");
        await ClickAsync("U0PLAYER003", "Chloé", game, 1, right, "c1");
        await ClickAsync("U0PLAYER001", "Amélie", game, 1, wrong, "a2");
        Assert.Contains($"Answer {QuizCards.Letter(right)} recorded", Text((await _slack.Api.WaitForAsync("hooks/a1"))[0]), StringComparison.Ordinal);
        Assert.Contains("already answered", Text((await _slack.Api.WaitForAsync("hooks/a2"))[0]), StringComparison.Ordinal);
        await _slack.Api.WaitForAsync("hooks/b1");
        await _slack.Api.WaitForAsync("hooks/c1");
        Assert.Equal(3, await Store.CountAnswersAsync(game, 1, CancellationToken.None));

        // The count on the shared card, refreshed by the host (coalesced: one update for the three clicks, or two).
        var update = await WaitForCallAsync("chat.update", c => Text(c).Contains("Answers: 3 ·", StringComparison.Ordinal));
        Assert.Equal(Channel, update["channel"]!.GetValue<string>());
        Assert.InRange(_slack.Api.Calls("chat.update").Count, 1, 3);

        // Time is up: the card closes, the reveal names who was right, round 2 opens.
        await CloseRoundAsync(game, 1);
        await Games.CloseRoundAsync(game, 1, CancellationToken.None); // the sweep, or a second host: nothing more
        var reveal = await WaitForPostAsync(c => Text(c).Contains("Who was right", StringComparison.Ordinal), 1);
        Assert.Contains("2 of 3 answered right", Text(reveal), StringComparison.Ordinal);
        Assert.Contains("Amélie (+1", Text(reveal), StringComparison.Ordinal);
        Assert.Contains("Chloé (+1", Text(reveal), StringComparison.Ordinal);
        Assert.DoesNotContain("Bruno (+", Text(reveal), StringComparison.Ordinal);
        await WaitForCallAsync("chat.update", c => Text(c).Contains("Closed. The answer:", StringComparison.Ordinal));
        var second = await WaitForPostAsync(c => BlockId(c) is { } id && ParseBlockId(id).Round == 2, 1);
        Assert.Equal(game, ParseBlockId(BlockId(second)!).Game);
        Assert.Equal(1, _slack.Api.Calls("chat.postMessage").Count(c => Text(c).Contains("Who was right", StringComparison.Ordinal)));

        // A late click on round 1 is refused; round 2: only Bruno answers, right.
        await ClickAsync("U0PLAYER003", "Chloé", game, 1, right, "late");
        Assert.Contains("closed", Text((await _slack.Api.WaitForAsync("hooks/late"))[0]), StringComparison.Ordinal);
        await ClickAsync("U0PLAYER002", "Bruno", game, 2, await RightOptionAsync(game, 2), "b2");
        await _slack.Api.WaitForAsync("hooks/b2");
        await CloseRoundAsync(game, 2);

        // The last round ends the game with the scoreboard: the three players, each with the points the store holds.
        var board = await WaitForPostAsync(c => Text(c).Contains("Final scores", StringComparison.Ordinal), 1);
        var lines = board["blocks"]!.AsArray().Select(b => b?["text"]?["text"]?.GetValue<string>() ?? string.Empty).Where(t => t.StartsWith('*')).ToList();
        var answers = await Store.AnswersAsync(game, CancellationToken.None);
        Assert.Equal(3, lines.Count);
        foreach (var (player, name) in new[] { ("U0PLAYER001", "Amélie"), ("U0PLAYER002", "Bruno"), ("U0PLAYER003", "Chloé") })
        {
            var points = answers.Where(a => a.PlayerId == player).Sum(a => a.Points);
            Assert.InRange(points, QuizScoring.Base, QuizScoring.Base + QuizScoring.MaxSpeedBonus);
            Assert.Contains(lines, l => l.Contains(name, StringComparison.Ordinal) && l.Contains($"*{points} pts*", StringComparison.Ordinal));
        }

        Assert.Null(await Store.RunningInAsync(new Core.Conversations.ConversationKey("slack", FakeSlackApi.TeamId, Channel), CancellationToken.None));

        // After the game, where it leaves the channel's week: the same points, this last round included.
        var week = Text(await WaitForPostAsync(c => Text(c).Contains("Quiz leaderboard: this conversation", StringComparison.Ordinal), 1));
        foreach (var player in new[] { "U0PLAYER001", "U0PLAYER002", "U0PLAYER003" })
        {
            Assert.Contains($"*{answers.Where(a => a.PlayerId == player).Sum(a => a.Points)} pts*", week, StringComparison.Ordinal);
        }

        // The leaderboard counts the game; a player who hides their name appears as anonymous.
        await CommandAsync("U0PLAYER002", "quiz hide me", "hide");
        await _slack.Api.WaitForAsync("hooks/hide");
        await CommandAsync("U0PLAYER001", "quiz leaderboard", "board");
        var leaderboard = Text((await _slack.Api.WaitForAsync("hooks/board"))[0]);
        Assert.Contains("Quiz leaderboard: this conversation", leaderboard, StringComparison.Ordinal);
        Assert.Contains("Amélie", leaderboard, StringComparison.Ordinal);
        Assert.Contains("Anonymous player", leaderboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Bruno", leaderboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solo_practice_in_a_direct_message_reveals_in_place_and_moves_on()
    {
        await CommandAsync("U0PLAYER009", "quiz", "solo", channel: "D0SOLO00001");
        var question = (await _slack.Api.WaitForAsync("hooks/solo"))[0];
        Assert.Equal("ephemeral", question["response_type"]!.GetValue<string>());
        Assert.Contains("Persona quiz · practice", Text(question), StringComparison.Ordinal);
        var (game, round) = ParseBlockId(BlockId(question)!);
        var right = await RightOptionAsync(game, round);

        await ClickAsync("U0PLAYER009", "Dana", game, round, right, "reveal", channel: "D0SOLO00001", ephemeral: true);
        var reveal = (await _slack.Api.WaitForAsync("hooks/reveal"))[0];
        Assert.True(reveal["replace_original"]!.GetValue<bool>());
        Assert.Contains("Right! +", Text(reveal), StringComparison.Ordinal);
        Assert.Contains("*Why*", Text(reveal), StringComparison.Ordinal);

        await ClickAsync("U0PLAYER009", "Dana", game, round, null, "next", channel: "D0SOLO00001", ephemeral: true, actionId: "quiz-next");
        var next = (await _slack.Api.WaitForAsync("hooks/next"))[0];
        Assert.Equal((game, 2), ParseBlockId(BlockId(next)!));
        Assert.Empty(_timer.Scheduled);
    }

    [Fact]
    public async Task A_second_game_cannot_start_while_one_is_running()
    {
        await CommandAsync("U0PLAYER001", "quiz start", "one");
        await _slack.Api.WaitForAsync("hooks/one");
        await CommandAsync("U0PLAYER002", "quiz démarrer", "two");

        // French words from an English user: refused in French, the language they typed.
        Assert.Contains("Une partie est déjà en cours ici", Text((await _slack.Api.WaitForAsync("hooks/two"))[0]), StringComparison.Ordinal);
        Assert.Single(_timer.Scheduled);
    }

    private QuizGames Games => _slack.Services.GetRequiredService<QuizGames>();

    private IQuizStore Store => _slack.Services.GetRequiredService<IQuizStore>();

    /// <summary>
    /// Closes a round as its timer would. A click whose answer went out may still be in the Slack inbox (the worker
    /// removes it after answering): the game then puts the close off a moment, to a timer that here never fires, so
    /// the test tries again, as the timer would, until the round is closed.
    /// </summary>
    private async Task CloseRoundAsync(string game, int round)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await Games.CloseRoundAsync(game, round, CancellationToken.None);
            if ((await Store.GetRoundAsync(game, round, CancellationToken.None))?.ClosedAt is not null)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"round {round} of {game} still open: clicks still queued in the Slack inbox");
    }

    private async Task<int> RightOptionAsync(string game, int round)
    {
        var stored = (await Store.GetRoundAsync(game, round, CancellationToken.None))!;
        var played = (await Store.GetAsync(game, CancellationToken.None))!;
        var pack = _slack.Services.GetRequiredService<PersonaDirectory>().Packs.Single(p => p.Slug == played.PackSlug);
        var questions = await _slack.Services.GetRequiredService<QuizPool>().QuestionsAsync(pack, played.Conversation.Organization, CancellationToken.None);
        return questions.Single(q => q.Id == stored.QuestionId).Answer;
    }

    private async Task<JsonObject> WaitForPostAsync(Func<JsonObject, bool> match, int count) =>
        await WaitForCallAsync("chat.postMessage", match, count);

    private async Task<JsonObject> WaitForCallAsync(string method, Func<JsonObject, bool> match, int count = 1)
    {
        for (var i = 0; i < 150; i++)
        {
            var calls = _slack.Api.Calls(method).Where(match).ToList();
            if (calls.Count >= count)
            {
                return calls[count - 1];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no matching {method}; saw: {string.Join(" | ", _slack.Api.Calls(method).Select(Text))}");
    }

    private static string? BlockId(JsonObject message) =>
        message["blocks"]?.AsArray().Select(b => b?["block_id"]?.GetValue<string>()).FirstOrDefault(id => id?.StartsWith("quiz:", StringComparison.Ordinal) == true);

    private static (string Game, int Round) ParseBlockId(string blockId)
    {
        var parts = blockId.Split(':');
        return (parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static string Text(JsonObject message) => SignedSlack.Text(message);

    private Task CommandAsync(string user, string text, string hook, string channel = Channel) =>
        _slack.Signed.CommandAsync(channel, user, text, _slack.Api.ResponseUrl(hook));

    private Task ClickAsync(string user, string name, string game, int round, int? option, string hook, string channel = Channel, bool ephemeral = false, string? actionId = null) =>
        _slack.Signed.ClickAsync(channel, user, name, actionId ?? $"quiz-answer:{option}", option?.ToString(CultureInfo.InvariantCulture) ?? game, $"quiz:{game}:{round}", _slack.Api.ResponseUrl(hook), ephemeral);
}
