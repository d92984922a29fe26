using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Queue;
using CultureBot.Slack.Inbound;
using CultureBot.Slack.Schema;
using CultureBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Slack.SocketMode;

/// <summary>
/// Socket Mode: Slack pushes envelopes over a WebSocket that the bot opens itself, so no public URL is needed.
/// Each envelope is stored in the durable queue before it is acknowledged; one that was not acknowledged
/// (a crash, a dropped link) is sent again by Slack. <c>disconnect</c> (refresh, warning, link disabled) and
/// lost links are followed by a new <c>apps.connections.open</c>, with backoff while it fails.
/// </summary>
public sealed partial class SlackSocketModeClient(
    SlackWebApiClient api,
    InboundQueue<SlackInbound> inbox,
    OrganizationAccess access,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SlackSocketModeClient> logger) : BackgroundService
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>Opens the WebSocket; replaceable in tests.</summary>
    internal Func<Uri, CancellationToken, Task<WebSocket>> Connect { get; set; } = async (url, cancellationToken) =>
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        await socket.ConnectAsync(url, cancellationToken);
        return socket;
    };

    /// <summary>Connections opened so far (for health and tests).</summary>
    public int Connections { get; private set; }

    /// <summary>Envelopes stored and acknowledged so far.</summary>
    public int Acknowledged { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.AppToken))
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var greeted = await RunConnectionAsync(stoppingToken);
                failures = greeted ? 0 : failures + 1;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A lost link or a refused open is retried, whatever it threw.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures++;
                LogConnectionFailed(logger, failures, e);
            }

            if (failures > 0)
            {
                var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));
                await Task.Delay(backoff, clock, stoppingToken);
            }
        }
    }

    /// <summary>One connection, from <c>apps.connections.open</c> to its end. True when Slack said hello on it.</summary>
    internal async Task<bool> RunConnectionAsync(CancellationToken cancellationToken)
    {
        var open = await api.OpenSocketConnectionAsync(options.Value.AppToken!, cancellationToken);
        if (!open.Ok || open.Read<SlackConnectionOpenResponse>()?.Url is not { } url)
        {
            throw new SlackApiException("apps.connections.open", open);
        }

        using var socket = await Connect(new Uri(url), cancellationToken);
        Connections++;
        var greeted = false;
        while (socket.State == WebSocketState.Open)
        {
            if (await ReceiveAsync(socket, cancellationToken) is not { } message)
            {
                break;
            }

            var json = StrictJson.ParseNode(Encoding.UTF8.GetBytes(message), out _) as JsonObject;

            switch (json is null ? null : SlackTypes.SocketMode.Read(json))
            {
                case SlackSocketHello:
                    greeted = true;
                    LogHello(logger);
                    break;
                case SlackSocketDisconnect disconnect:
                    // Slack asks for a new connection (refresh_requested, warning, link_disabled): open one.
                    LogDisconnect(logger, disconnect.Reason);
                    await CloseQuietlyAsync(socket);
                    return greeted;
                case SlackSocketEnvelope { EnvelopeId: { } envelopeId, Payload: { } payload } envelope when KindOf(envelope.Type) is { } kind:
                    // Stored first, acknowledged second: a crash in between means Slack sends it again, not that it is lost.
                    // A malformed payload is acknowledged (Slack would only send it again) and logged, never queued;
                    // a workspace not allowed here is acknowledged and never stored nor handled.
                    var inbound = new SlackInbound(kind, payload);
                    if (inbound.Problem() is { } problem)
                    {
                        LogMalformed(logger, kind, problem);
                    }
                    else if (access.Admit(Platforms.Slack, inbound.TeamId, $"a Slack {kind} (Socket Mode)"))
                    {
                        await inbox.AcceptAsync(inbound, cancellationToken);
                    }

                    await SendAsync(socket, new JsonObject { ["envelope_id"] = envelopeId }, cancellationToken);
                    Acknowledged++;
                    break;
                default:
                    LogUnknownEnvelope(logger);
                    break;
            }
        }

        return greeted;
    }

    private static SlackInboundKind? KindOf(string? type) => type switch
    {
        SlackSocketEnvelope.EventsApi => SlackInboundKind.Event,
        SlackSocketEnvelope.SlashCommands => SlackInboundKind.Command,
        SlackSocketEnvelope.Interactive => SlackInboundKind.Interaction,
        _ => null,
    };

    /// <summary>One whole text message, or null when the peer closed the socket.</summary>
    private static async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseQuietlyAsync(socket);
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Task SendAsync(WebSocket socket, JsonObject message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task CloseQuietlyAsync(WebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The link is already gone: nothing to close.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connected")]
    private static partial void LogHello(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode disconnect requested ({Reason}): reconnecting")]
    private static partial void LogDisconnect(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection failed ({Failures} in a row): retrying with backoff")]
    private static partial void LogConnectionFailed(ILogger logger, int failures, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode {Kind} acknowledged but not processed: {Problem}")]
    private static partial void LogMalformed(ILogger logger, SlackInboundKind kind, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack Socket Mode envelope of an unknown type ignored")]
    private static partial void LogUnknownEnvelope(ILogger logger);
}
