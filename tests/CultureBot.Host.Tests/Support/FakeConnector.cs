using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CultureBot.Host.Tests.Support;

/// <summary>A Bot Connector on loopback that accepts every activity and records what the bot sent.</summary>
public sealed class FakeConnector : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private int _next = 1000;

    public FakeConnector()
    {
        // Creating a conversation (a one-to-one chat with a newcomer) answers its new id.
        _server
            .Given(Request.Create().WithPath("/_connector/v3/conversations").UsingPost())
            .RespondWith(Response.Create().WithCallback(_ => new WireMock.ResponseMessage
            {
                StatusCode = 201,
                BodyData = new WireMock.Util.BodyData
                {
                    BodyAsString = $"{{\"id\":\"a:1on1-{Interlocked.Increment(ref _next)}\"}}",
                    DetectedBodyType = WireMock.Types.BodyType.String,
                },
                Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
            }));
        _server
            .Given(Request.Create().WithPath("/_connector/v3/conversations/*").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(201).WithCallback(_ => new WireMock.ResponseMessage
            {
                StatusCode = 201,
                BodyData = new WireMock.Util.BodyData
                {
                    BodyAsString = $"{{\"id\":\"{Interlocked.Increment(ref _next)}\"}}",
                    DetectedBodyType = WireMock.Types.BodyType.String,
                },
                Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
            }));
    }

    /// <summary>
    /// From now on, a reply to an activity (<c>POST …/activities/{id}</c>) gets no answer for <paramref name="delay"/>,
    /// as a Bot Connector region in trouble; posting to the conversation still answers at once.
    /// </summary>
    public void HoldReplies(TimeSpan delay) =>
        _server.Given(Request.Create().WithPath("/_connector/v3/conversations/*/activities/*").UsingPost()).AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"late\"}").WithDelay(delay));

    /// <summary>The serviceUrl activities carry, as the playground sends it (no trailing slash).</summary>
    public string ServiceUrl => _server.Url + "/_connector";

    /// <summary>Each call the bot made: method, path and JSON body.</summary>
    public IReadOnlyList<(string Method, string Path, JsonNode? Body, string? Authorization)> Calls =>
        [.. _server.LogEntries.Select(e => (
            e.RequestMessage.Method,
            e.RequestMessage.Path,
            e.RequestMessage.Body is { Length: > 0 } body ? JsonNode.Parse(body) : null,
            e.RequestMessage.Headers?.TryGetValue("Authorization", out var auth) == true ? auth.FirstOrDefault() : null))];

    /// <summary>The Adaptive Cards the bot posted, in order.</summary>
    public IReadOnlyList<JsonNode> Cards =>
        [.. Calls.Where(c => c.Method == "POST" && c.Body?["attachments"] is JsonArray).Select(c => c.Body!["attachments"]![0]!["content"]!)];

    public void Dispose() => _server.Dispose();
}
