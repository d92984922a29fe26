using System.Net;
using System.Text.Json.Nodes;
using CultureBot.Core.Personas;
using CultureBot.Core.Quiz;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Quiz;

/// <summary>The quiz in Teams through the real pipeline (local mode, a fake Bot Connector): solo practice and a channel answer.</summary>
public sealed class QuizTeamsTests : IDisposable
{
    private readonly FakeConnector _connector = new();
    private readonly BotHostFactory _host = new();

    public void Dispose()
    {
        _host.Dispose();
        _connector.Dispose();
    }

    private async Task<int> RightOptionAsync(string game, int round)
    {
        var store = _host.Services.GetRequiredService<IQuizStore>();
        var stored = (await store.GetRoundAsync(game, round, CancellationToken.None))!;
        var played = (await store.GetAsync(game, CancellationToken.None))!;
        var pack = _host.Services.GetRequiredService<PersonaDirectory>().Packs.Single(p => p.Slug == played.PackSlug);
        return (await _host.Services.GetRequiredService<QuizPool>().QuestionsAsync(pack, played.Conversation.Organization, CancellationToken.None)).Single(q => q.Id == stored.QuestionId).Answer;
    }

    private static string Json(JsonNode node) =>
        node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static JsonObject AnswerData(JsonNode card, int option)
    {
        var execute = card["body"]!.AsArray().First(e => e?["type"]?.GetValue<string>() == "ActionSet")!["actions"]![option]!;
        Assert.Equal("quiz-answer", execute["verb"]!.GetValue<string>());
        return execute["data"]!.AsObject().DeepClone().AsObject();
    }

    [Fact]
    public async Task Solo_practice_reveals_each_answer_in_place_and_moves_on_to_the_next_question()
    {
        var client = _host.CreateClient();

        await Activities.PostAsync(client, Activities.Message(_connector.ServiceUrl, "quiz", "fr-FR"));

        var question = Assert.Single(_connector.Cards);
        Assert.Contains("Quiz des personas · entraînement", Json(question), StringComparison.Ordinal);
        var data = AnswerData(question, 0);
        var game = data["session"]!.GetValue<string>();
        var right = await RightOptionAsync(game, 1);
        var invoke = Activities.Invoke(_connector.ServiceUrl, "quiz-answer", AnswerData(question, right));
        invoke["locale"] = "fr-FR";
        var answer = await Activities.PostAsync(client, invoke);

        // The invoke's response is the reveal, in the player's language, with the sheet's words and the next button.
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var response = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        var reveal = Json(response["value"]!);
        Assert.True(reveal.Contains("Bravo ! +", StringComparison.Ordinal), reveal);
        Assert.Contains("Pourquoi", reveal, StringComparison.Ordinal);
        Assert.Contains("quiz-next", reveal, StringComparison.Ordinal);

        var again = await Activities.PostAsync(client, Activities.Invoke(_connector.ServiceUrl, "quiz-answer", AnswerData(question, right)));
        Assert.Contains("closed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Activities.PostAsync(client, Activities.Invoke(_connector.ServiceUrl, "quiz-next", new JsonObject { ["session"] = game }));
        Assert.Equal(2, _connector.Cards.Count);
        var next = AnswerData(_connector.Cards[1], 0);
        Assert.Equal((game, "2"), (next["session"]!.GetValue<string>(), next["question"]!.GetValue<string>()));
        var answers = await _host.Services.GetRequiredService<IQuizStore>().AnswersAsync(game, CancellationToken.None);
        Assert.True(Assert.Single(answers).Correct);
    }

    [Fact]
    public async Task In_a_channel_an_answer_is_acknowledged_to_the_clicker_only_and_counted_once()
    {
        var client = _host.CreateClient();
        var start = Activities.Message(_connector.ServiceUrl, "quiz start 3 20", conversationId: "19:quiz@thread.tacv2");
        start["conversation"]!["conversationType"] = "channel";
        await Activities.PostAsync(client, start);
        var game = (await _host.Services.GetRequiredService<IQuizStore>().RunningInAsync(
            new Core.Conversations.ConversationKey("msteams", Activities.Tenant, "19:quiz@thread.tacv2"), CancellationToken.None))!;
        Assert.Equal((3, 20), (game.Rounds, game.Seconds));

        var data = new JsonObject { ["session"] = game.Id, ["question"] = "1", ["answer"] = "2" };
        var first = await Activities.PostAsync(client, Activities.Invoke(_connector.ServiceUrl, "quiz-answer", data.DeepClone().AsObject(), "19:quiz@thread.tacv2"));
        var second = await Activities.PostAsync(client, Activities.Invoke(_connector.ServiceUrl, "quiz-answer", data.DeepClone().AsObject(), "19:quiz@thread.tacv2"));

        // A message response (shown to the clicker), not a card: the shared round card is not replaced for everyone.
        var firstBody = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", firstBody["type"]!.GetValue<string>());
        Assert.Contains("Answer C recorded", firstBody["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("already answered", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await _host.Services.GetRequiredService<IQuizStore>().CountAnswersAsync(game.Id, 1, CancellationToken.None));
    }
}
