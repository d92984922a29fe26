using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CultureBot.Host.Tests.Support;
using CultureBot.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace CultureBot.Host.Tests.Fuzz;

/// <summary>
/// Thousands of mutated activities, drawn from the shapes the Agents Playground and Teams send, posted to
/// <c>/api/messages</c>: none may get a 5xx, and the host still answers a normal message afterwards.
/// </summary>
public sealed class TeamsFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly FakeConnector _connector = new();

    public void Dispose() => _connector.Dispose();

    /// <summary>Captured shapes: a channel message with mention and clientInfo entities, a card submit, Action.Execute invokes, installs, joins, events, reactions.</summary>
    private IReadOnlyList<JsonObject> Seeds(string tenant = Activities.Tenant) => [.. SeedsOfTheTestTenant().Select(a => Activities.OfTenant(a, tenant))];

    private IReadOnlyList<JsonObject> SeedsOfTheTestTenant()
    {
        var url = _connector.ServiceUrl;
        var channelMessage = Activities.Message(url, "<at>CultureBot</at> help", conversationId: "19:general@thread.tacv2;messageid=1700000000000");
        channelMessage["conversation"]!["conversationType"] = "channel";
        channelMessage["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2", ["name"] = "Sales" };
        channelMessage["channelData"]!["channel"] = new JsonObject { ["id"] = "19:general@thread.tacv2" };
        channelMessage["entities"] = new JsonArray(
            new JsonObject { ["type"] = "mention", ["text"] = "<at>CultureBot</at>", ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "CultureBot" } },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "fr-FR", ["country"] = "FR", ["platform"] = "Web", ["timezone"] = "Europe/Paris" });
        var submit = Activities.Message(url, string.Empty);
        submit["value"] = new JsonObject { ["verb"] = "finder-answer", ["session"] = "s1", ["question"] = "q1", ["answer"] = "a" };
        var joined = Activities.Base("conversationUpdate", url, "conv-1", "en-US", new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-id-9", ["name"] = "Newcomer", ["aadObjectId"] = "aad-9" }),
        });
        var reaction = Activities.Base("messageReaction", url, "conv-1", "en-US", new JsonObject { ["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" }), ["replyToId"] = "card-1" });
        var meetingEvent = Activities.Base("event", url, "conv-1", "en-US", new JsonObject { ["name"] = "application/vnd.microsoft.meetingStart", ["value"] = new JsonObject { ["Id"] = "m1", ["StartTime"] = "2026-11-22T12:00:00Z" } });
        return
        [
            Activities.Message(url, "help"),
            channelMessage,
            Activities.Message(url, "persona", locale: "fr-FR"),
            submit,
            Activities.Install(url),
            joined,
            reaction,
            meetingEvent,
            Activities.Invoke(url, "committee-rsvp", new JsonObject { ["args"] = "1:yes" }),
            Activities.Invoke(url, "quiz-answer", new JsonObject { ["session"] = "g1", ["question"] = "1", ["answer"] = "2" }),
            Activities.Invoke(url, "finder-answer", new JsonObject { ["session"] = "s1", ["answer"] = "a" }),
        ];
    }

    /// <summary>A mutated seed; invokes get a value of the wrong shape one time in four.</summary>
    private static FuzzInput Next(Random random, IReadOnlyList<JsonObject> seeds)
    {
        var seed = seeds[random.Next(seeds.Count)].DeepClone().AsObject();
        seed["id"] = $"fuzz-{random.Next():x8}";
        var mutator = new JsonMutator(random, "serviceUrl");
        return seed["type"]?.GetValue<string>() == "invoke" && random.Next(4) == 0
            ? mutator.Mutate(seed, "type-change", focus: "$.value") with { Mutation = "wrong-invoke-value" }
            : mutator.Mutate(seed);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request);
    }

    /// <summary>After the fuzz, a plain "help" still gets its card.</summary>
    private async Task AssertStillAnswersAsync(HttpClient client, string? authorization, string tenant = Activities.Tenant)
    {
        var before = _connector.Cards.Count;
        var help = Activities.OfTenant(Activities.Message(_connector.ServiceUrl, "help", conversationId: "after-fuzz"), tenant);
        var response = await PostAsync(client, Encoding.UTF8.GetBytes(help.ToJsonString()), authorization);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, _connector.Cards.Count);
    }

    [Fact]
    public async Task Mutated_activities_in_local_mode_never_get_a_server_error()
    {
        using var host = new BotHostFactory();
        var client = host.CreateClient();
        var run = new FuzzRun("Teams /api/messages (local mode)", 2000, output);
        var seeds = Seeds();

        await run.SendAsync(run.Inputs(random => Next(random, seeds)), input => PostAsync(client, input.Body, null));

        FuzzRun.AssertNoServerErrors(run);
        await AssertStillAnswersAsync(client, null);
    }

    [Fact]
    public async Task Mutated_activities_and_broken_tokens_with_authentication_never_get_a_server_error()
    {
        using var identity = new FakeBotFrameworkIdentity();
        using var host = new BotHostFactory(identity.SingleTenantSettings, services =>
        {
            var tokens = new Mock<IBotTokenProvider>();
            tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("outbound-token");
            services.AddSingleton(tokens.Object);
        });
        var client = host.CreateClient();
        var run = new FuzzRun("Teams /api/messages (single-tenant, authenticated)", 1500, output);
        var seeds = Seeds(FakeBotFrameworkIdentity.TenantId);
        string[] valid = ["Bearer " + identity.Token(_connector.ServiceUrl), "Bearer " + identity.Token(_connector.ServiceUrl, issuer: identity.EntraIssuer)];
        var brokenTokens = BrokenTokens(identity.Token(_connector.ServiceUrl), identity.EntraIssuer);
        var inputs = run.Inputs(random =>
        {
            if (random.Next(5) == 0)
            {
                // A well-formed activity with a broken token: refused before any handler, never a 500.
                var (name, token) = brokenTokens[random.Next(brokenTokens.Count)];
                var body = Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Count)].ToJsonString());
                return new FuzzInput(body, "bad-token:" + name, "Authorization") { Authorization = token };
            }

            return Next(random, seeds) with { Authorization = valid[random.Next(valid.Length)] };
        });

        await run.SendAsync(inputs, input => PostAsync(client, input.Body, input.Authorization));

        FuzzRun.AssertNoServerErrors(run);
        await AssertStillAnswersAsync(client, valid[0], FakeBotFrameworkIdentity.TenantId);
    }

    /// <summary>Bearer tokens that are not JWTs, or JWTs whose parts do not read: each must get 401.</summary>
    private static List<(string Name, string Header)> BrokenTokens(string valid, string entraIssuer)
    {
        static string Part(string json) => Base64UrlEncoder.Encode(json);
        var parts = valid.Split('.');
        var header = Part("""{"alg":"RS256","typ":"JWT","kid":"test-key-1"}""");
        return
        [
            ("three-dots", "Bearer a.b.c"),
            ("not-json-header", $"Bearer {Part("{")}.{parts[1]}.{parts[2]}"),
            ("not-json-payload", $"Bearer {header}.{Part("not json")}.{parts[2]}"),
            ("issuer-number", $"Bearer {header}.{Part("""{"iss":5}""")}.{parts[2]}"),
            ("issuer-array", $"Bearer {header}.{Part($$"""{"iss":["{{entraIssuer}}"]}""")}.{parts[2]}"),
            ("entra-issuer-unsigned", $"Bearer {Part("""{"alg":"none"}""")}.{Part($$"""{"iss":"{{entraIssuer}}"}""")}."),
            ("five-parts", $"Bearer {Part("""{"alg":"RSA-OAEP","enc":"A256GCM"}""")}.a.b.c.d"),
            ("five-garbage", "Bearer a.b.c.d.e"),
            ("truncated", "Bearer " + valid[..(valid.Length / 2)]),
            ("bad-base64", $"Bearer {parts[0]}!.{parts[1]}.{parts[2]}"),
            ("flipped-header", $"Bearer {Flip(parts[0])}.{parts[1]}.{parts[2]}"),
            ("flipped-payload", $"Bearer {parts[0]}.{Flip(parts[1])}.{parts[2]}"),
            ("empty", "Bearer "),
            ("spaces", "Bearer    "),
            ("long", "Bearer " + new string('a', 20_000)),
            ("lower-scheme", "bearer " + valid),
            ("two-tokens", $"Bearer {valid} {valid}"),
            ("basic", "Basic dXNlcjpwYXNz"),
        ];
    }

    private static string Flip(string segment) => segment[..5] + (segment[5] == 'A' ? 'B' : 'A') + segment[6..];
}
