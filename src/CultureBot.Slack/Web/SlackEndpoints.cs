using System.Net;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Queue;
using CultureBot.Web;
using CultureBot.Slack.Inbound;
using CultureBot.Slack.Installations;
using CultureBot.Slack.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Slack.Web;

/// <summary>
/// Slack's HTTP endpoints, mapped when Slack is on. Every request is verified on its raw body (capped before
/// buffering), and a forged or stale one gets 401 before anything reads it. A verified payload is stored in
/// the durable queue (once, by its id) and acknowledged at once; the worker answers through the Web API or the
/// payload's <c>response_url</c>, well within Slack's 3 seconds whatever the work costs.
/// </summary>
public static partial class SlackEndpoints
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Slack's endpoints (<c>/slack/events</c>, <c>/slack/commands</c>, <c>/slack/interactions</c>, and the OAuth install when a client id is set), when Slack is on.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var slack = app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!slack.Enabled)
        {
            return app;
        }

        app.MapPost("/slack/events", HandleEventsAsync);
        app.MapPost("/slack/commands", (HttpContext http, CancellationToken ct) => HandleFormAsync(http, SlackInboundKind.Command, ct));
        app.MapPost("/slack/interactions", (HttpContext http, CancellationToken ct) => HandleFormAsync(http, SlackInboundKind.Interaction, ct));
        if (!string.IsNullOrWhiteSpace(slack.ClientId))
        {
            app.MapGet("/slack/install", BeginInstall);
            app.MapGet("/slack/oauth/callback", CompleteInstallAsync);
        }

        return app;
    }

    private static async Task<IResult> HandleEventsAsync(HttpContext http, InboundQueue<SlackInbound> inbox, CancellationToken cancellationToken)
    {
        var (body, refusal) = await ReadVerifiedAsync(http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (StrictJson.ParseNode(body, out var problem) is not JsonObject payload)
        {
            return MalformedInput.Answer(http, problem is null ? "The event is not a JSON object." : $"The event is {problem}.");
        }

        switch (SlackTypes.EventsApi.Read(payload))
        {
            case SlackUrlVerification verification:
                return Results.Text(verification.Challenge ?? string.Empty, "text/plain");
            case SlackEventCallback { Event: not null }:
                var inbound = new SlackInbound(SlackInboundKind.Event, payload);
                if (inbound.Problem() is { } wrong)
                {
                    return MalformedInput.Answer(http, wrong);
                }

                // A workspace not allowed: acknowledged (an error would make Slack retry, then turn the app's events off), never stored.
                if (SlackAccess.Admit(http, inbound))
                {
                    await inbox.AcceptAsync(inbound, cancellationToken);
                }

                return Results.Ok();
            case SlackEventCallback:
                return MalformedInput.Answer(http, "The event_callback has no 'event' object.");
            case { Type: null }:
                return MalformedInput.Answer(http, "The event has no 'type'.");
            default:
                // app_rate_limited and types Slack may add: acknowledged, nothing to do.
                return Results.Ok();
        }
    }

    private static async Task<IResult> HandleFormAsync(HttpContext http, SlackInboundKind kind, CancellationToken cancellationToken)
    {
        var (body, refusal) = await ReadVerifiedAsync(http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        string? problem = null;
        var payload = kind == SlackInboundKind.Command ? SlackFormPayloads.Command(body) : SlackFormPayloads.Interaction(body, out problem);
        var inbound = payload is null ? null : new SlackInbound(kind, payload);
        if (inbound is null || (kind == SlackInboundKind.Command && (inbound.Typed as SlackSlashCommand)?.Command is null))
        {
            return MalformedInput.Answer(http, problem ?? "The slash command has no 'command' field.");
        }

        if (inbound.Problem() is { } wrong)
        {
            return MalformedInput.Answer(http, wrong);
        }

        if (!SlackAccess.Admit(http, inbound))
        {
            return SlackAccess.Refusal(http, kind);
        }

        await http.RequestServices.GetRequiredService<InboundQueue<SlackInbound>>().AcceptAsync(inbound, cancellationToken);

        // An empty 200: Slack shows nothing yet, and the answer follows through response_url within a second or so.
        return Results.Ok();
    }

    private static IResult BeginInstall(HttpContext http, SlackOAuthFlow oauth)
    {
        var (url, nonce) = oauth.Begin(CallbackUrl(http));
        http.Response.Cookies.Append(SlackOAuthFlow.CookieName, nonce, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = SlackOAuthFlow.StateLifetime,
            Path = "/slack/oauth",
        });
        return Results.Redirect(url);
    }

    private static async Task<IResult> CompleteInstallAsync(HttpContext http, SlackOAuthFlow oauth, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var result = await oauth.CompleteAsync(query["code"], query["state"], query["error"], http.Request.Cookies[SlackOAuthFlow.CookieName], CallbackUrl(http), cancellationToken);
        http.Response.Cookies.Delete(SlackOAuthFlow.CookieName, new CookieOptions { Path = "/slack/oauth" });
        if (result.Error == SlackOAuthFlow.NotAllowed)
        {
            return Results.Content(Page("CultureBot is not enabled for this workspace", $"This CultureBot is not open to {result.TeamName ?? result.TeamId} ({result.TeamId}): nothing was installed. Ask the people who run it to allow this workspace."), "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!result.Ok)
        {
            var status = result.Error == "invalid_state" ? StatusCodes.Status400BadRequest : StatusCodes.Status502BadGateway;
            return Results.Content(Page("CultureBot was not installed", $"Slack said: {result.Error}. Start again from the install link."), "text/html; charset=utf-8", statusCode: status);
        }

        return Results.Content(Page("CultureBot is installed", $"CultureBot is now in {result.TeamName ?? result.TeamId}. Open Slack and write “help” to CultureBot."), "text/html; charset=utf-8");
    }

    /// <summary>The callback URL: <c>Slack:OAuthRedirectUrl</c> when set (behind a proxy), else this request's own origin.</summary>
    private static string CallbackUrl(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<SlackOptions>>().Value.OAuthRedirectUrl
        ?? $"{http.Request.Scheme}://{http.Request.Host}/slack/oauth/callback";

    private static string Page(string title, string text) =>
        $"<!doctype html><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p>";

    /// <summary>The raw body when the request is Slack's; otherwise the answer to give (401, 413).</summary>
    private static async Task<(byte[] Body, IResult? Refusal)> ReadVerifiedAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (await CappedBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var verdict = SlackRequestVerifier.Verify(
            http.RequestServices.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret!,
            http.Request.Headers[SlackRequestVerifier.TimestampHeader],
            body,
            http.Request.Headers[SlackRequestVerifier.SignatureHeader],
            http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        if (verdict != SlackVerification.Valid)
        {
            LogRefused(http.RequestServices.GetRequiredService<ILogger<SlackOptions>>(), http.Request.Path, verdict);
            return ([], Results.Unauthorized());
        }

        return (body, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request to {Path} refused: {Verdict}")]
    private static partial void LogRefused(ILogger logger, PathString path, SlackVerification verdict);
}
