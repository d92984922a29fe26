using System.Net;
using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;
using CultureBot.Host.Tests.Support;
using CultureBot.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Host.Tests.Slack;

/// <summary>Signed Slack requests through the real pipeline, on a fake clock set to the captured requests' time.</summary>
public sealed class SlackEventsTests : IDisposable
{
    private const string FixtureSecret = "fixture-signing-secret-0123456789abcdef";
    private readonly FakeTimeProvider _clock = new();
    private readonly BotHostFactory _host;

    public SlackEventsTests()
    {
        _host = new BotHostFactory(
            new Dictionary<string, string?> { ["Slack:SigningSecret"] = FixtureSecret, ["Access:SlackWorkspaces:0"] = FakeSlackApi.TeamId },
            services => services.AddSingleton<TimeProvider>(_clock));
    }

    public void Dispose() => _host.Dispose();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "slack", name);

    /// <summary>The captured body and its recorded timestamp and signature (signatures.json).</summary>
    private static (byte[] Body, string Timestamp, string Signature) Signed(string file)
    {
        var requests = JsonNode.Parse(File.ReadAllText(Fixture("signatures.json")))!["requests"]!.AsArray();
        var request = requests.Single(r => r!["body_file"]!.GetValue<string>() == file)!;
        return (File.ReadAllBytes(Fixture(file)), request["headers"]!["X-Slack-Request-Timestamp"]!.GetValue<string>(), request["headers"]!["X-Slack-Signature"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string? timestamp, string? signature, string? retry = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (timestamp is not null)
        {
            request.Headers.Add(SlackRequestVerifier.TimestampHeader, timestamp);
        }

        if (signature is not null)
        {
            request.Headers.Add(SlackRequestVerifier.SignatureHeader, signature);
        }

        if (retry is not null)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry);
        }

        return await _host.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task The_url_check_is_answered_with_its_challenge()
    {
        var (body, timestamp, signature) = Signed("url_verification.json");
        _clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture)));

        var response = await PostAsync(body, timestamp, signature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonNode.Parse(body)!["challenge"]!.GetValue<string>(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forged_stale_and_unsigned_requests_get_401()
    {
        var (body, timestamp, signature) = Signed("url_verification.json");
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture));
        _clock.SetUtcNow(sentAt);
        var tampered = body.Concat("\n"u8.ToArray()).ToArray();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(tampered, timestamp, signature)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(body, null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(body, timestamp, SlackRequestVerifier.Sign("wrong-secret", timestamp, body))).StatusCode);
        _clock.SetUtcNow(sentAt.AddSeconds(301));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(body, timestamp, signature)).StatusCode);
    }

    [Fact]
    public async Task A_retried_event_is_recorded_once()
    {
        var (body, timestamp, signature) = Signed("app_mention.event_callback.json");
        _clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture)));

        var first = await PostAsync(body, timestamp, signature);
        var retry = await PostAsync(body, timestamp, signature, retry: "1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var store = _host.Services.GetRequiredService<IConversationStore>();
        var eventId = JsonNode.Parse(body)!["event_id"]!.GetValue<string>();
        var team = JsonNode.Parse(body)!["team_id"]!.GetValue<string>();
        Assert.False(await store.TryRecordInboundAsync(new OrganizationKey(Platforms.Slack, team), eventId, _clock.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task Without_slack_configured_the_endpoint_does_not_exist()
    {
        using var host = new BotHostFactory();

        var response = await host.CreateClient().PostAsync("/slack/events", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
