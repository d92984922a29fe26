using System.Net;
using System.Text.Json.Nodes;
using CultureBot.Host.Tests.Support;

namespace CultureBot.Host.Tests.Conversations;

/// <summary>Conversations through the real pipeline in local mode, with a fake Bot Connector recording the replies.</summary>
public sealed class ConversationTests : IDisposable
{
    private readonly FakeConnector _connector = new();
    private readonly BotHostFactory _host = new();

    public void Dispose()
    {
        _host.Dispose();
        _connector.Dispose();
    }

    private static string Texts(JsonNode card) => string.Join(" | ", card.ToJsonString());

    [Fact]
    public async Task Help_answers_with_the_help_card_threaded_under_the_message()
    {
        var client = _host.CreateClient();
        var message = Activities.Message(_connector.ServiceUrl, "help");

        var response = await Activities.PostAsync(client, message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_connector.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/_connector/v3/conversations/conv-1/activities/{message["id"]}", call.Path);
        Assert.Null(call.Authorization);
        var card = Assert.Single(_connector.Cards);
        Assert.Equal("AdaptiveCard", card["type"]?.GetValue<string>());
        Assert.Contains("CultureBot commands", Texts(card), StringComparison.Ordinal);
        Assert.Contains("about", Texts(card), StringComparison.Ordinal);
        Assert.Equal("00000000-0000-0000-0000-00000000000011", call.Body?["from"]?["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_french_user_gets_french_cards()
    {
        var client = _host.CreateClient();

        await Activities.PostAsync(client, Activities.Message(_connector.ServiceUrl, "aide", locale: "fr-FR"));
        await Activities.PostAsync(client, Activities.Message(_connector.ServiceUrl, "À PROPOS", locale: "fr-FR"));

        Assert.Contains("Les commandes de CultureBot", Texts(_connector.Cards[0]), StringComparison.Ordinal);
        Assert.Contains("Lister les commandes", Texts(_connector.Cards[0]), StringComparison.Ordinal);
        Assert.Contains("propos de CultureBot", Texts(_connector.Cards[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_welcome_card_is_sent_once_per_conversation()
    {
        var client = _host.CreateClient();

        await Activities.PostAsync(client, Activities.Install(_connector.ServiceUrl));
        await Activities.PostAsync(client, Activities.Install(_connector.ServiceUrl));
        await Activities.PostAsync(client, Activities.Install(_connector.ServiceUrl, conversationId: "conv-2"));

        Assert.Equal(2, _connector.Cards.Count);
        Assert.All(_connector.Cards, card => Assert.Contains("Welcome to CultureBot", Texts(card), StringComparison.Ordinal));
        Assert.Contains(_connector.Calls, c => c.Path == "/_connector/v3/conversations/conv-2/activities");
    }

    [Fact]
    public async Task A_retried_activity_is_processed_once()
    {
        var client = _host.CreateClient();
        var message = Activities.Message(_connector.ServiceUrl, "help");

        await Activities.PostAsync(client, message);
        var retry = await Activities.PostAsync(client, message);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task An_action_execute_on_a_command_verb_answers_in_the_invoke_response()
    {
        var client = _host.CreateClient();

        var response = await Activities.PostAsync(client, Activities.Invoke(_connector.ServiceUrl, "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]?.GetValue<int>());
        // The help route posts a new card; the invoke itself is acknowledged.
        Assert.Single(_connector.Cards);
    }

    [Fact]
    public async Task Not_this_one_on_a_finder_result_answers_with_the_next_persona_in_the_invoke_response()
    {
        var client = _host.CreateClient();
        var session = "usage=0;expectation=0;channel=0";

        var response = await Activities.PostAsync(client, Activities.Invoke(_connector.ServiceUrl, "finder-reject", new JsonObject { ["session"] = session, ["args"] = "camille" }));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]?.GetValue<string>());
        var text = body["value"]!.ToJsonString();
        Assert.DoesNotContain("#1 · Camille", text, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"finder-reject\"", text, StringComparison.Ordinal);
        Assert.Contains($"\"session\":\"{session};!camille\"", text, StringComparison.Ordinal);
        Assert.Single(_connector.Cards); // the new leader's sheet, below the result
    }

    [Fact]
    public async Task Unknown_activity_types_and_unknown_actions_are_tolerated()
    {
        var client = _host.CreateClient();
        var reaction = Activities.Base("messageReaction", _connector.ServiceUrl, "conv-1", "en-US", new JsonObject { ["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" }) });
        var future = Activities.Base("somethingNew", _connector.ServiceUrl, "conv-1", "en-US", []);

        Assert.Equal(HttpStatusCode.OK, (await Activities.PostAsync(client, reaction)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Activities.PostAsync(client, future)).StatusCode);
        var unknownVerb = await Activities.PostAsync(client, Activities.Invoke(_connector.ServiceUrl, "no-such-verb"));
        Assert.Equal(HttpStatusCode.OK, unknownVerb.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task Malformed_bodies_are_bad_requests()
    {
        var client = _host.CreateClient();
        using var broken = new StringContent("{\"type\": \"message\", ", System.Text.Encoding.UTF8, "application/json");
        using var noConversation = new StringContent("{\"type\": \"message\", \"text\": \"help\"}", System.Text.Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/messages", broken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/messages", noConversation)).StatusCode);
    }

    [Fact]
    public async Task The_map_card_carries_the_map_and_the_host_serves_it()
    {
        var client = _host.CreateClient();

        await Activities.PostAsync(client, Activities.Message(_connector.ServiceUrl, "map"));
        var png = await client.GetAsync("/packs/velo-vert-en/map.png");
        var missing = await client.GetAsync("/packs/no-such-pack/map.png");

        var card = Assert.Single(_connector.Cards);
        Assert.StartsWith("data:image/png;base64,", card["body"]![2]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Health_and_readiness_answer()
    {
        var client = _host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task In_teams_the_verbatim_form_submits_its_inputs_and_the_verbatim_is_stored_in_the_users_language()
    {
        var client = _host.CreateClient();

        await Activities.PostAsync(client, Activities.Message(_connector.ServiceUrl, "ajouter un verbatim", locale: "fr-FR"));
        var submit = Activities.Base("message", _connector.ServiceUrl, "conv-1", "fr-FR", new JsonObject
        {
            ["value"] = new JsonObject { ["verb"] = "verbatim-save", ["text"] = "Écrivez-moi à claire@example.fr, le vélo grince.", ["kind"] = "irritant", ["source"] = "call" },
        });
        await Activities.PostAsync(client, submit);

        var form = _connector.Cards[0];
        Assert.Contains("Ajouter un verbatim client", Texts(form), StringComparison.Ordinal);
        Assert.Contains("Input.Text", Texts(form), StringComparison.Ordinal);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var stored = (await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CultureBot.Core.Verbatims.IVerbatimStore>(_host.Services)
            .ListAsync(new CultureBot.Core.Conversations.OrganizationKey("msteams", Activities.Tenant), "fr", today, today, CancellationToken.None)).Single(v => v.Text.Contains("grince", StringComparison.Ordinal));
        Assert.Equal("Écrivez-moi à [email], le vélo grince.", stored.Text);
        Assert.Equal((CultureBot.Core.Verbatims.VerbatimKind.Irritant, CultureBot.Core.Verbatims.VerbatimSource.Call), (stored.Kind!.Value, stored.Source!.Value));
        Assert.Contains(_connector.Calls, c => c.Body?["text"]?.GetValue<string>()?.StartsWith("Verbatim enregistré", StringComparison.Ordinal) == true);
    }
}
