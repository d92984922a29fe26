using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CultureBot.Host.Tests.Support;

/// <summary>
/// Slack's Web API and response_url hooks on loopback (WireMock), answering as Slack does, recording what the bot sends.
/// Users whose id starts with UFR speak French.
/// </summary>
public sealed class FakeSlackApi : IDisposable
{
    public const string TeamId = "T04QZ7K1B2M";
    public const string BotUserId = "U07BOTHLP01";

    private readonly WireMockServer _server = WireMockServer.Start();

    public FakeSlackApi()
    {
        Answer("auth.test", new JsonObject { ["ok"] = true, ["team_id"] = TeamId, ["user_id"] = BotUserId, ["team"] = "Acme" });
        Answer("chat.postMessage", new JsonObject { ["ok"] = true, ["ts"] = "1724319999.000100" });
        Answer("chat.update", new JsonObject { ["ok"] = true });
        Answer("views.publish", new JsonObject { ["ok"] = true });
        Answer("conversations.open", new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D0NEWCOMER1" } });
        Answer("oauth.v2.access", new JsonObject
        {
            ["ok"] = true,
            ["access_token"] = "xoxb-oauth-installed-token",
            ["bot_user_id"] = "U0OAUTHBOT1",
            ["team"] = new JsonObject { ["id"] = "T0INSTALLED", ["name"] = "Installed Co" },
        });
        _server.Given(Request.Create().WithPath("/api/users.info").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            var user = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.Body ?? string.Empty)["user"].ToString();
            var french = user.StartsWith("UFR", StringComparison.Ordinal);
            var body = new JsonObject
            {
                ["ok"] = true,
                ["user"] = new JsonObject { ["id"] = user, ["locale"] = french ? "fr-FR" : "en-US", ["tz"] = french ? "Europe/Paris" : "America/New_York" },
            };
            return new WireMock.ResponseMessage { StatusCode = 200, BodyData = new WireMock.Util.BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = WireMock.Types.BodyType.String } };
        }));
        _server.Given(Request.Create().WithPath("/hooks/*").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));
    }

    public string ApiBaseUrl => _server.Url + "/api/";

    public string ResponseUrl(string name) => _server.Url + "/hooks/" + name;

    public void Answer(string method, JsonObject body) =>
        _server.Given(Request.Create().WithPath("/api/" + method).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString()));

    /// <summary>From now on, <paramref name="method"/> answers <c>ok: false</c> with <paramref name="error"/>.</summary>
    public void Refuse(string method, string error) =>
        _server.Given(Request.Create().WithPath("/api/" + method).UsingPost()).AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(new JsonObject { ["ok"] = false, ["error"] = error }.ToJsonString()));

    /// <summary>The JSON bodies the bot sent to <paramref name="path"/> (a method name, or hooks/NAME).</summary>
    public IReadOnlyList<JsonObject> Calls(string path) =>
        [.. _server.LogEntries
            .Where(e => e.RequestMessage.Path == (path.StartsWith("hooks/", StringComparison.Ordinal) ? "/" + path : "/api/" + path))
            .Select(e => e.RequestMessage.Body is { Length: > 0 } body && body.TrimStart().StartsWith('{') ? JsonNode.Parse(body)!.AsObject() : new JsonObject())];

    /// <summary>How many calls reached <paramref name="path"/>, without reading their bodies (cheap enough to poll while thousands arrive).</summary>
    public int CountCalls(string path) =>
        _server.LogEntries.Count(e => e.RequestMessage.Path == (path.StartsWith("hooks/", StringComparison.Ordinal) ? "/" + path : "/api/" + path));

    /// <summary>Waits (up to 15 s, the worker runs in the background) until <paramref name="count"/> calls to <paramref name="path"/> arrived.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForAsync(string path, int count = 1)
    {
        for (var i = 0; i < 150; i++)
        {
            if (Calls(path) is { } calls && calls.Count >= count)
            {
                return calls;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Expected {count} call(s) to {path}; got {Calls(path).Count}. Calls: {string.Join(", ", _server.LogEntries.Select(e => e.RequestMessage.Path))}");
    }

    public void Dispose() => _server.Dispose();
}
