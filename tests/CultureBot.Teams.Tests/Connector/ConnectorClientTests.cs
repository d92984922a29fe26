using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json.Nodes;
using CultureBot.Teams.Configuration;
using CultureBot.Teams.Connector;
using CultureBot.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CultureBot.Teams.Tests.Connector;

/// <summary>The connector client against a Bot Connector on loopback (WireMock): real HTTP, real retries, real MSAL.</summary>
public sealed class ConnectorClientTests : IDisposable
{
    private const string Conversation = "conv-1";
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Dispose();

    private string ServiceUrl => _server.Url + "/_connector";

    private static string ActivitiesPath => "/_connector/v3/conversations/" + Conversation + "/activities";

    private ServiceProvider Services(TeamsOptions? teams = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Options.Create(teams ?? new TeamsOptions()));
        services.AddTeamsConnector();
        services.Configure<ConnectorRetryOptions>(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(10);
            o.MaxAttempts = 4;
        });
        // MSAL only talks https to the real login host; route it to the fake one.
        services.AddHttpClient("CultureBot.Msal").ConfigurePrimaryHttpMessageHandler(() => new RedirectHandler(new Uri(_server.Url!)));
        return services.BuildServiceProvider();
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private void Respond(string path, params (int Status, string Body, string? RetryAfter)[] responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            var (status, body, retryAfter) = responses[i];
            var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
            if (retryAfter is not null)
            {
                response = response.WithHeader("Retry-After", retryAfter);
            }

            var given = _server.Given(Request.Create().WithPath(path).UsingAnyMethod()).InScenario(path);
            given = i == 0 ? given : given.WhenStateIs($"s{i}");
            given.WillSetStateTo($"s{i + 1}").RespondWith(response);
        }
    }

    private int Requests(string path) => _server.LogEntries.Count(e => e.RequestMessage.Path == path);

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task Sends_to_the_conversation_whatever_the_trailing_slash(string slash)
    {
        Respond(ActivitiesPath, (201, """{"id":"act-1"}""", null));
        var client = Services().GetRequiredService<IConnectorClient>();

        var result = await client.SendToConversationAsync(ServiceUrl + slash, Conversation, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal("act-1", result.Id);
        var request = Assert.Single(_server.LogEntries).RequestMessage;
        Assert.Equal("POST", request.Method);
        Assert.Equal("hi", JsonNode.Parse(request.Body!)!["text"]!.GetValue<string>());
        Assert.False(request.Headers!.ContainsKey("Authorization"), "local mode sends no token");
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "19:abc@thread.tacv2;messageid=1", null, "https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities")]
    [InlineData("http://localhost:56150/_connector", "a:1/x", "id 1", "http://localhost:56150/_connector/v3/conversations/a%3A1%2Fx/activities/id%201")]
    public void Urls_keep_the_service_path_and_escape_ids(string serviceUrl, string conversation, string? activity, string expected) =>
        Assert.Equal(expected, ConnectorClient.Url(serviceUrl, conversation, activity));

    [Fact]
    public async Task A_429_is_retried_after_its_retry_after()
    {
        Respond(ActivitiesPath + "/in-1", (429, "{}", "1"), (201, """{"id":"act-2"}""", null));
        var client = Services().GetRequiredService<IConnectorClient>();

        var clock = Stopwatch.StartNew();
        var result = await client.ReplyToActivityAsync(ServiceUrl, Conversation, "in-1", Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"waited only {clock.Elapsed}");
    }

    [Fact]
    public void Retry_after_as_seconds_or_date_is_honoured_and_capped()
    {
        var now = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now);
        using var seconds = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        seconds.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var date = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(12));
        using var none = new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway);

        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorClient.RetryAfter(seconds, clock, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(12), ConnectorClient.RetryAfter(date, clock, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(5), ConnectorClient.RetryAfter(seconds, clock, TimeSpan.FromSeconds(5)));
        Assert.Null(ConnectorClient.RetryAfter(none, clock, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Server_errors_back_off_then_succeed()
    {
        Respond(ActivitiesPath, (503, "{}", null), (502, "{}", null), (201, """{"id":"act-3"}""", null));
        var client = Services().GetRequiredService<IConnectorClient>();

        var result = await client.SendToConversationAsync(ServiceUrl, Conversation, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, Requests(ActivitiesPath));
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        Respond(ActivitiesPath, (503, "{}", null), (503, "{}", null), (503, "{}", null), (503, "{}", null), (201, "{}", null));
        var client = Services().GetRequiredService<IConnectorClient>();

        var result = await client.SendToConversationAsync(ServiceUrl, Conversation, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(4, Requests(ActivitiesPath));
    }

    [Theory]
    [InlineData(403, """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked"}}""", ConnectorOutcome.Forbidden, "MessageWritesBlocked")]
    [InlineData(404, """{"error":{"code":"ConversationNotFound","message":"gone"}}""", ConnectorOutcome.NotFound, "ConversationNotFound")]
    [InlineData(400, """{"error":{"code":"BadArgument","message":"no"}}""", ConnectorOutcome.Failed, "BadArgument")]
    public async Task Final_errors_are_typed_outcomes_and_never_retried(int status, string body, ConnectorOutcome outcome, string code)
    {
        Respond(ActivitiesPath, (status, body, null));
        var client = Services().GetRequiredService<IConnectorClient>();

        var result = await client.SendToConversationAsync(ServiceUrl, Conversation, Message("hi"), CancellationToken.None);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(code, result.ErrorCode);
        Assert.Equal(1, Requests(ActivitiesPath));
    }

    [Fact]
    public async Task Update_puts_delete_deletes_typing_posts_a_typing_activity_create_posts_conversations()
    {
        _server.Given(Request.Create().WithPath(ActivitiesPath + "/act-9").UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"act-9"}"""));
        _server.Given(Request.Create().WithPath("/_connector/v3/conversations").UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"id":"a:new-1to1","activityId":"x"}"""));
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        var client = Services().GetRequiredService<IConnectorClient>();

        var update = await client.UpdateActivityAsync(ServiceUrl, Conversation, "act-9", Message("edited"), CancellationToken.None);
        var delete = await client.DeleteActivityAsync(ServiceUrl, Conversation, "act-9", CancellationToken.None);
        var typing = await client.SendTypingAsync(ServiceUrl, Conversation, CancellationToken.None);
        var created = await client.CreateConversationAsync(ServiceUrl, new ConversationParameters { Members = [new ChannelAccount { Id = "29:user" }], TenantId = "t" }, CancellationToken.None);

        Assert.True(update.Succeeded && delete.Succeeded && typing.Succeeded && created.Succeeded);
        Assert.Null(typing.Id);
        Assert.Equal("a:new-1to1", created.Id);
        var methods = _server.LogEntries.Select(e => (e.RequestMessage.Method, e.RequestMessage.Path)).ToList();
        Assert.Contains(("PUT", ActivitiesPath + "/act-9"), methods);
        Assert.Contains(("DELETE", ActivitiesPath + "/act-9"), methods);
        Assert.Contains(("POST", "/_connector/v3/conversations"), methods);
        var typingBody = _server.LogEntries.Single(e => e.RequestMessage.Path == ActivitiesPath).RequestMessage.Body!;
        Assert.Equal("typing", JsonNode.Parse(typingBody)!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, "botframework.com")]
    [InlineData("7e8f9a0b-1c2d-4e3f-8a9b-0c1d2e3f4a5b", "7e8f9a0b-1c2d-4e3f-8a9b-0c1d2e3f4a5b")]
    public async Task The_token_comes_from_the_right_tenant_once_and_is_reused(string? tenant, string tokenTenant)
    {
        _server.Given(Request.Create().WithPath($"/{tokenTenant}/oauth2/v2.0/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"t1"}"""));
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"id":"a"}"""));
        var teams = new TeamsOptions { AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301", AppPassword = "s3cret", TenantId = tenant };
        var client = Services(teams).GetRequiredService<IConnectorClient>();

        await client.SendToConversationAsync(ServiceUrl, Conversation, Message("one"), CancellationToken.None);
        await client.SendToConversationAsync(ServiceUrl, Conversation, Message("two"), CancellationToken.None);

        Assert.Equal(1, _server.LogEntries.Count(e => e.RequestMessage.Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)));
        var sends = _server.LogEntries.Where(e => e.RequestMessage.Path == ActivitiesPath).ToList();
        Assert.Equal(2, sends.Count);
        Assert.All(sends, s => Assert.Equal("Bearer t1", s.RequestMessage.Headers!["Authorization"].Single()));
        var form = _server.LogEntries.First(e => e.RequestMessage.Path.EndsWith("/token", StringComparison.Ordinal)).RequestMessage.Body!;
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", form, StringComparison.Ordinal);
        Assert.Contains("grant_type=client_credentials", form, StringComparison.Ordinal);
    }

    /// <summary>Sends every request to the fake server, keeping path and query (MSAL insists on https to the real host).</summary>
    private sealed class RedirectHandler(Uri target) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
