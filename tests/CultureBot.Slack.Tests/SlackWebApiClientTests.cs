using System.Diagnostics;
using System.Text.Json.Nodes;
using CultureBot.Slack;
using CultureBot.Slack.WebApi;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CultureBot.Slack.Tests;

/// <summary>The Web API client against a Slack API on loopback (WireMock).</summary>
public sealed class SlackWebApiClientTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    private SlackWebApiClient Client() => new(
        _http,
        Options.Create(new SlackOptions { ApiBaseUrl = _server.Url + "/api/" }),
        new SlackRateLimiter(TimeProvider.System),
        TimeProvider.System);

    private void Answer(string method, params (int Status, string Body, string? RetryAfter)[] answers)
    {
        for (var i = 0; i < answers.Length; i++)
        {
            var (status, body, retryAfter) = answers[i];
            var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
            if (retryAfter is not null)
            {
                response = response.WithHeader("Retry-After", retryAfter);
            }

            var given = _server.Given(Request.Create().WithPath("/api/" + method).UsingPost()).InScenario(method);
            given = i == 0 ? given : given.WhenStateIs($"s{i}");
            given.WillSetStateTo($"s{i + 1}").RespondWith(response);
        }
    }

    private static JsonObject Message(string channel = "C123") => new() { ["channel"] = channel, ["text"] = "Bonjour" };

    [Fact]
    public async Task A_message_is_posted_as_json_with_the_bot_token()
    {
        Answer("chat.postMessage", (200, """{"ok":true,"ts":"1724318855.402119"}""", null));

        var result = await Client().PostMessageAsync("xoxb-test", "T1", Message(), CancellationToken.None);

        Assert.True(result.Ok);
        Assert.Equal("1724318855.402119", result.Body!["ts"]!.GetValue<string>());
        var request = Assert.Single(_server.LogEntries).RequestMessage;
        Assert.Equal("Bearer xoxb-test", request.Headers!["Authorization"].Single());
        Assert.Equal("C123", JsonNode.Parse(request.Body!)!["channel"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not_in_channel", true, false)]
    [InlineData("channel_not_found", true, false)]
    [InlineData("invalid_auth", false, true)]
    public async Task Ok_false_is_a_typed_error_and_never_retried(string error, bool unreachable, bool auth)
    {
        Answer("chat.postMessage", (200, $$"""{"ok":false,"error":"{{error}}"}""", null));

        var result = await Client().PostMessageAsync("xoxb-test", "T1", Message(), CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal(error, result.Error);
        Assert.Equal(unreachable, result.IsUnreachable);
        Assert.Equal(auth, result.IsAuthError);
        Assert.Equal(1, result.Attempts);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task A_429_waits_its_retry_after_then_succeeds()
    {
        Answer("users.info", (429, "{}", "1"), (200, """{"ok":true,"user":{"id":"U1"}}""", null));

        var clock = Stopwatch.StartNew();
        var result = await Client().UserInfoAsync("xoxb-test", "T1", "U1", CancellationToken.None);

        Assert.True(result.Ok);
        Assert.Equal(2, result.Attempts);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"waited {clock.Elapsed}");
    }

    [Fact]
    public async Task Server_errors_back_off_a_bounded_number_of_times()
    {
        Answer("auth.test", (503, "{}", "0"), (502, "{}", "0"), (503, "{}", "0"), (500, "{}", "0"), (200, """{"ok":true}""", null));

        var result = await Client().AuthTestAsync("xoxb-test", CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal("http_500", result.Error);
        Assert.Equal(SlackWebApiClient.MaxAttempts, result.Attempts);
    }

    [Fact]
    public async Task Messages_to_one_channel_are_spaced_by_a_second()
    {
        _server.Given(Request.Create().WithPath("/api/chat.postMessage").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"ok":true}"""));
        var client = Client();

        var clock = Stopwatch.StartNew();
        await client.PostMessageAsync("xoxb-test", "T1", Message("C9"), CancellationToken.None);
        await client.PostMessageAsync("xoxb-test", "T1", Message("C9"), CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_limiter_holds_a_second_message_to_the_same_channel_until_a_second_has_passed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var limiter = new SlackRateLimiter(time);

        await limiter.WaitAsync("T1", "chat.postMessage", "C1", CancellationToken.None);
        var second = limiter.WaitAsync("T1", "chat.postMessage", "C1", CancellationToken.None);
        var otherChannel = limiter.WaitAsync("T1", "users.info", null, CancellationToken.None);

        Assert.False(second.IsCompleted);
        Assert.True(otherChannel.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Response_urls_are_called_only_on_slacks_hooks_host_or_the_configured_api_host()
    {
        _server.Given(Request.Create().WithPath("/hooks/1").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));
        var client = Client();

        var local = await client.RespondAsync(new Uri(_server.Url + "/hooks/1"), new JsonObject { ["text"] = "hi" }, CancellationToken.None);
        var elsewhere = await client.RespondAsync(new Uri("http://169.254.169.254/latest/meta-data"), new JsonObject { ["text"] = "hi" }, CancellationToken.None);
        var plainHttpSlack = await client.RespondAsync(new Uri("http://hooks.slack.com/commands/T1/1/x"), new JsonObject { ["text"] = "hi" }, CancellationToken.None);

        Assert.True(local.Ok);
        Assert.Equal("untrusted_response_url", elsewhere.Error);
        Assert.Equal("untrusted_response_url", plainHttpSlack.Error);
        Assert.Single(_server.LogEntries);
        Assert.True(client.IsTrustedResponseUrl(new Uri("https://hooks.slack.com/actions/T1/2/y")));
    }

    [Fact]
    public async Task Users_info_is_sent_as_a_form_asking_for_the_locale()
    {
        Answer("users.info", (200, """{"ok":true,"user":{"id":"U1","locale":"fr-FR","tz":"Europe/Paris"}}""", null));

        var result = await Client().UserInfoAsync("xoxb-test", "T1", "U1", CancellationToken.None);

        Assert.Equal("fr-FR", result.Body?["user"]?["locale"]?.GetValue<string>());
        var request = Assert.Single(_server.LogEntries).RequestMessage;
        Assert.Equal("user=U1&include_locale=true", request.Body);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers!["Content-Type"][0], StringComparison.Ordinal);
    }
}
