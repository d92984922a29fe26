using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Personas;
using CultureBot.Core.Personas.Matching;
using CultureBot.Llm;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CultureBot.Llm.Tests;

/// <summary>The optional re-ranker against a local OpenAI-compatible server (WireMock), never a real one.</summary>
public sealed class OpenAiPersonaRerankerTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    private static readonly PersonaPack Pack = new()
    {
        Slug = "demo",
        Language = "fr",
        Personas =
        [
            new Persona { Id = "ana", Name = "Ana", Tagline = "Compare tout en ligne", Irritants = ["Fiches incomplètes"] },
            new Persona { Id = "bob", Name = "Bob", Tagline = "Fidèle au magasin", Irritants = ["Les automates"] },
            new Persona { Id = "cid", Name = "Cid", Tagline = "Acheteur pour un club", Irritants = ["Devis lents"] },
        ],
    };

    public void Dispose() => _server.Dispose();

    private OpenAiPersonaReranker Reranker(double timeoutSeconds = 5) => new(
        Options.Create(new LlmOptions { Endpoint = _server.Url + "/v1", ApiKey = "test-key", Model = "test-model", TimeoutSeconds = timeoutSeconds }),
        NullLogger<OpenAiPersonaReranker>.Instance);

    private void Answer(string content, int status = 200, int delayMs = 0)
    {
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["created"] = 1_763_800_000,
            ["model"] = "test-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["finish_reason"] = "stop",
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        };
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());
        if (delayMs > 0)
        {
            response = response.WithDelay(delayMs);
        }

        _server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost()).RespondWith(response);
    }

    private static MatchResult Offline() => new PersonaMatcher(Pack).Match("compare en ligne fiches");

    [Fact]
    public async Task The_model_reorders_and_explains_grounded_in_known_personas()
    {
        Answer("""{"ranking":[{"id":"cid","confidence":0.8,"reason":"Achète pour un club."},{"id":"ghost","confidence":0.5,"reason":"x"},{"id":"ana","confidence":0.2,"reason":"Compare."}]}""");

        var result = await Reranker().RerankAsync(Pack, "Il achète pour son club, écrivez-lui à jean.dupont@club.fr ou au 06 12 34 56 78", Offline(), CultureInfo.GetCultureInfo("fr"), CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal(["cid", "ana", "bob"], result.Ranked.Select(r => r.Persona.Id));
        Assert.Equal(0.8, result.Ranked[0].Confidence, 3);
        Assert.Equal(["Achète pour un club."], result.Ranked[0].Evidence[0].Words);
        var request = _server.LogEntries.Single().RequestMessage;
        Assert.Equal("Bearer test-key", request.Headers!["Authorization"].Single());
        Assert.DoesNotContain("jean.dupont@club.fr", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("06 12 34 56 78", request.Body, StringComparison.Ordinal);
        Assert.Contains("[email]", request.Body, StringComparison.Ordinal);
        Assert.Contains("Devis lents", request.Body, StringComparison.Ordinal);
        Assert.Contains("French", request.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", 200)]
    [InlineData("""{"ranking":[{"id":"ghost"}]}""", 200)]
    [InlineData("""{"something":"else"}""", 200)]
    [InlineData("{}", 500)]
    [InlineData("{}", 429)]
    public async Task Anything_unusable_falls_back_to_the_offline_match(string content, int status)
    {
        Answer(content, status);

        Assert.Null(await Reranker().RerankAsync(Pack, "client", Offline(), CultureInfo.InvariantCulture, CancellationToken.None));
    }

    [Fact]
    public async Task A_slow_model_times_out_and_the_offline_match_stands()
    {
        Answer("""{"ranking":[{"id":"cid"}]}""", delayMs: 3000);

        Assert.Null(await Reranker(timeoutSeconds: 0.5).RerankAsync(Pack, "client", Offline(), CultureInfo.InvariantCulture, CancellationToken.None));
    }

    [Fact]
    public async Task Without_configuration_it_is_off_and_calls_nothing()
    {
        var off = new OpenAiPersonaReranker(Options.Create(new LlmOptions()), NullLogger<OpenAiPersonaReranker>.Instance);

        Assert.Null(await off.RerankAsync(Pack, "client", Offline(), CultureInfo.InvariantCulture, CancellationToken.None));
        Assert.Empty(_server.LogEntries);
    }
}
