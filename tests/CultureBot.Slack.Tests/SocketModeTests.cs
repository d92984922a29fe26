using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;
using CultureBot.Core.Queue;
using CultureBot.Slack.Inbound;
using CultureBot.Slack.SocketMode;
using CultureBot.Slack.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CultureBot.Slack.Tests;

/// <summary>
/// Socket Mode against a local server that speaks Slack's envelope protocol: apps.connections.open over HTTP,
/// then hello, envelopes, acknowledgements, a disconnect request, and a link dropped mid-stream.
/// </summary>
public sealed class SocketModeTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly OrganizationAccess AnyOrganization = Access("T04QZ7K1B2M");
    private readonly ConcurrentQueue<(int Connection, string EnvelopeId)> _acks = new();
    private readonly WebApplication _server;
    private int _opens;
    private int _connections;

    public SocketModeTests()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.UseWebSockets();
        _server.MapPost("/api/apps.connections.open", (HttpContext http) =>
        {
            Interlocked.Increment(ref _opens);
            var authorized = http.Request.Headers.Authorization.ToString() == "Bearer xapp-test-token";
            var url = _server.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + "/link";
            return Results.Text(
                (authorized ? new JsonObject { ["ok"] = true, ["url"] = url } : new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" }).ToJsonString(),
                "application/json");
        });
        _server.Map("/link", async (HttpContext http) =>
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await ScriptAsync(Interlocked.Increment(ref _connections), socket);
        });
        _server.StartAsync().GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "slack", name));

    private static JsonObject Envelope(string fixture, string id)
    {
        var envelope = JsonNode.Parse(Fixture(fixture))!.AsObject();
        envelope["envelope_id"] = id;
        return envelope;
    }

    private static JsonObject Interactive(string id)
    {
        var payload = JsonNode.Parse(Fixture("block_actions.button.json"))!;
        return new JsonObject { ["envelope_id"] = id, ["type"] = "interactive", ["payload"] = payload, ["accepts_response_payload"] = false };
    }

    /// <summary>What Slack does on each connection.</summary>
    private async Task ScriptAsync(int connection, WebSocket socket)
    {
        await SendAsync(socket, JsonNode.Parse(Fixture("socket_mode.hello.json"))!.AsObject());
        switch (connection)
        {
            case 1:
                // An event, acknowledged; then Slack asks for a fresh connection.
                await SendAsync(socket, Envelope("socket_mode.events_api.envelope.json", "env-A"));
                await ExpectAckAsync(connection, socket);
                await SendAsync(socket, JsonNode.Parse(Fixture("socket_mode.disconnect.json"))!.AsObject());
                await DrainAsync(socket);
                break;
            case 2:
                // A command, acknowledged; then a click, and the link drops before any acknowledgement can arrive.
                await SendAsync(socket, Envelope("socket_mode.slash_commands.envelope.json", "env-B"));
                await ExpectAckAsync(connection, socket);
                await SendAsync(socket, Interactive("env-C"));
                socket.Abort();
                break;
            default:
                // Slack sends again what was not acknowledged.
                await SendAsync(socket, Interactive("env-C"));
                await ExpectAckAsync(connection, socket);
                await DrainAsync(socket);
                break;
        }
    }

    private async Task ExpectAckAsync(int connection, WebSocket socket)
    {
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
        var ack = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!;
        _acks.Enqueue((connection, ack["envelope_id"]!.GetValue<string>()));
    }

    private static async Task DrainAsync(WebSocket socket)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open && (await socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (WebSocketException)
        {
            // The client went away: the script is over.
        }
    }

    private static Task SendAsync(WebSocket socket, JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    [Fact]
    public async Task Envelopes_are_stored_then_acknowledged_across_a_refresh_and_a_dropped_link_and_none_is_lost_or_doubled()
    {
        var queue = new InMemoryWorkQueue();
        var options = Options.Create(new SlackOptions { AppToken = "xapp-test-token", SigningSecret = "s", ApiBaseUrl = _server.Urls.First() + "/api/" });
        using var http = new HttpClient();
        var api = new SlackWebApiClient(http, options, new SlackRateLimiter(TimeProvider.System), TimeProvider.System);
        using var inbox = new InboundQueue<SlackInbound>(new SlackInboundPlatform(options), queue, TimeProvider.System, NullLogger<InboundQueue<SlackInbound>>.Instance);
        using var client = new SlackSocketModeClient(api, inbox, AnyOrganization, options, TimeProvider.System, NullLogger<SlackSocketModeClient>.Instance);

        await client.StartAsync(CancellationToken.None);
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (!_acks.Any(a => a.EnvelopeId == "env-C") && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(50);
        }

        await client.StopAsync(CancellationToken.None);

        Assert.Equal([(1, "env-A"), (2, "env-B"), (3, "env-C")], _acks.ToArray());
        Assert.Equal(3, _opens);
        Assert.Equal(3, client.Connections);
        var stored = queue.Items.Select(i => SlackInbound.Deserialize(i.Payload)).ToList();
        Assert.Equal([SlackInboundKind.Event, SlackInboundKind.Command, SlackInboundKind.Interaction], stored.Select(s => s.Kind));
        Assert.Equal("Ev07K2M9QX4T", stored[0].DedupeKey);
    }

    [Fact]
    public async Task Envelopes_from_a_workspace_not_allowed_are_acknowledged_and_never_stored()
    {
        var queue = new InMemoryWorkQueue();
        var options = Options.Create(new SlackOptions { AppToken = "xapp-test-token", SigningSecret = "s", ApiBaseUrl = _server.Urls.First() + "/api/" });
        using var http = new HttpClient();
        var api = new SlackWebApiClient(http, options, new SlackRateLimiter(TimeProvider.System), TimeProvider.System);
        using var inbox = new InboundQueue<SlackInbound>(new SlackInboundPlatform(options), queue, TimeProvider.System, NullLogger<InboundQueue<SlackInbound>>.Instance);
        using var client = new SlackSocketModeClient(api, inbox, Access("T0SOMEONEELSE"), options, TimeProvider.System, NullLogger<SlackSocketModeClient>.Instance);

        await client.StartAsync(CancellationToken.None);
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (!_acks.Any(a => a.EnvelopeId == "env-C") && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(50);
        }

        await client.StopAsync(CancellationToken.None);

        Assert.Equal(["env-A", "env-B", "env-C"], _acks.Select(a => a.EnvelopeId));
        Assert.Empty(queue.Items);
    }

    private static OrganizationAccess Access(string workspace) =>
        new(anyOrganization: false, teamsTenants: [], slackWorkspaces: [workspace], teamsLocalMode: false, NullLogger<OrganizationAccess>.Instance);

    [Fact]
    public async Task A_refused_app_token_is_retried_with_backoff_not_in_a_tight_loop()
    {
        var queue = new InMemoryWorkQueue();
        var options = Options.Create(new SlackOptions { AppToken = "xapp-wrong", SigningSecret = "s", ApiBaseUrl = _server.Urls.First() + "/api/" });
        using var http = new HttpClient();
        var api = new SlackWebApiClient(http, options, new SlackRateLimiter(TimeProvider.System), TimeProvider.System);
        using var inbox = new InboundQueue<SlackInbound>(new SlackInboundPlatform(options), queue, TimeProvider.System, NullLogger<InboundQueue<SlackInbound>>.Instance);
        using var client = new SlackSocketModeClient(api, inbox, AnyOrganization, options, TimeProvider.System, NullLogger<SlackSocketModeClient>.Instance);

        await client.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await client.StopAsync(CancellationToken.None);

        // Backoff of 1 s then 2 s: two or three attempts in 2.5 s, where a tight loop would make hundreds.
        Assert.InRange(_opens, 1, 3);
        Assert.Equal(0, client.Connections);
    }
}
