using System.Text.Json;
using CultureBot.Core.Conversations;
using CultureBot.Slack;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Web;

/// <summary>
/// <c>POST /slack/events</c>, mapped when Slack is on. Every request is verified on its raw body (capped before
/// buffering) and a forged or stale one gets 401 before anything reads it; the URL check is answered; each
/// event is recorded once by its <c>event_id</c>, so Slack's retries (X-Slack-Retry-Num) are acknowledged, not redone.
/// </summary>
internal static partial class SlackEndpoints
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static void MapSlackEndpoints(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SlackOptions>>().Value.Enabled)
        {
            app.MapPost("/slack/events", HandleEventsAsync);
        }
    }

    private static async Task<IResult> HandleEventsAsync(
        HttpContext http,
        IOptions<SlackOptions> options,
        IConversationStore store,
        TimeProvider clock,
        ILogger<SlackOptions> logger,
        CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync(http.Request, cancellationToken) is not { } body)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var verdict = SlackRequestVerifier.Verify(
            options.Value.SigningSecret!,
            http.Request.Headers[SlackRequestVerifier.TimestampHeader],
            body,
            http.Request.Headers[SlackRequestVerifier.SignatureHeader],
            clock.GetUtcNow());
        if (verdict != SlackVerification.Valid)
        {
            LogRefused(logger, verdict);
            return Results.Unauthorized();
        }

        JsonElement payload;
        try
        {
            payload = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        switch (payload.TryGetProperty("type", out var type) ? type.GetString() : null)
        {
            case "url_verification":
                return Results.Text(payload.TryGetProperty("challenge", out var challenge) ? challenge.GetString() : string.Empty, "text/plain");
            case "event_callback" when payload.TryGetProperty("event_id", out var eventId) && eventId.GetString() is { Length: > 0 } id:
                var first = await store.TryRecordInboundAsync(Platforms.Slack, id, clock.GetUtcNow(), cancellationToken);
                string? retry = http.Request.Headers["X-Slack-Retry-Num"];
                LogEvent(logger, id, first ? "new" : "retry, already recorded", retry);
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    /// <summary>The raw body, or null when it is larger than <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request refused: {Verdict}")]
    private static partial void LogRefused(ILogger logger, SlackVerification verdict);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack event {EventId}: {State} (retry {Retry})")]
    private static partial void LogEvent(ILogger logger, string eventId, string state, string? retry);
}
