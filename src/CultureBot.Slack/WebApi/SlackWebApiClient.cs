using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Slack.Schema;
using Microsoft.Extensions.Options;

namespace CultureBot.Slack.WebApi;

/// <summary>
/// Slack's Web API as CultureBot uses it. Within the rate limits before sending; on 429 it waits the
/// <c>Retry-After</c> Slack gives and tries again, on 5xx it backs off, both a bounded number of times; an
/// <c>ok: false</c> answer comes back as a result with Slack's error code, never retried.
/// </summary>
public sealed class SlackWebApiClient(HttpClient http, IOptions<SlackOptions> options, SlackRateLimiter limiter, TimeProvider clock)
{
    public const int MaxAttempts = 4;

    public Task<SlackApiResult> PostMessageAsync(string token, string workspace, JsonObject message, CancellationToken cancellationToken) =>
        CallAsync("chat.postMessage", token, workspace, message, cancellationToken);

    public Task<SlackApiResult> UpdateAsync(string token, string workspace, JsonObject message, CancellationToken cancellationToken) =>
        CallAsync("chat.update", token, workspace, message, cancellationToken);

    public Task<SlackApiResult> PostEphemeralAsync(string token, string workspace, JsonObject message, CancellationToken cancellationToken) =>
        CallAsync("chat.postEphemeral", token, workspace, message, cancellationToken);

    public Task<SlackApiResult> OpenConversationAsync(string token, string workspace, string users, CancellationToken cancellationToken) =>
        CallAsync("conversations.open", token, workspace, new JsonObject { ["users"] = users }, cancellationToken);

    public Task<SlackApiResult> PublishViewAsync(string token, string workspace, string userId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.publish", token, workspace, new JsonObject { ["user_id"] = userId, ["view"] = view }, cancellationToken);

    /// <summary>The error of a call not made because its rate limit had no free slot and the caller would not wait.</summary>
    public const string WouldWait = "would_wait";

    /// <summary>
    /// A user, with their locale (<c>include_locale</c>) and time zone. A read method: sent as a form, which every read
    /// method takes. With <paramref name="maxWait"/>, a call that would wait longer for users.info's rate limit is not
    /// made: the result is <see cref="WouldWait"/>.
    /// </summary>
    public async Task<SlackApiResult> UserInfoAsync(string token, string workspace, string userId, CancellationToken cancellationToken, TimeSpan? maxWait = null)
    {
        if (maxWait is { } most && !await limiter.TryWaitAsync(workspace, "users.info", most, cancellationToken))
        {
            return new SlackApiResult(false, WouldWait, null, 0);
        }

        return await SendAsync("users.info", workspace, null, paced: maxWait is not null, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, MethodUrl("users.info"))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = userId, ["include_locale"] = "true" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }, cancellationToken);
    }

    public Task<SlackApiResult> AuthTestAsync(string token, CancellationToken cancellationToken) =>
        CallAsync("auth.test", token, "auth", [], cancellationToken);

    /// <summary>Opens a Socket Mode connection with the app-level token; the answer's <c>url</c> is the WebSocket to use.</summary>
    public Task<SlackApiResult> OpenSocketConnectionAsync(string appToken, CancellationToken cancellationToken) =>
        CallAsync("apps.connections.open", appToken, "socket", [], cancellationToken);

    /// <summary>Exchanges an OAuth code for the workspace's bot token (client credentials in the form, as Slack documents).</summary>
    public Task<SlackApiResult> OAuthAccessAsync(string clientId, string clientSecret, string code, string? redirectUri, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = clientSecret, ["code"] = code };
        if (redirectUri is not null)
        {
            fields["redirect_uri"] = redirectUri;
        }

        return SendAsync(
            "oauth.v2.access",
            "oauth",
            null,
            () => new HttpRequestMessage(HttpMethod.Post, MethodUrl("oauth.v2.access")) { Content = new FormUrlEncodedContent(fields) },
            cancellationToken);
    }

    /// <summary>
    /// Answers through a slash command's or an interaction's <c>response_url</c> (ephemeral messages, replacing the
    /// clicked message). Only Slack's own hooks host, or the configured API host, is called: the URL comes from a payload.
    /// </summary>
    public Task<SlackApiResult> RespondAsync(Uri responseUrl, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentNullException.ThrowIfNull(message);
        if (!IsTrustedResponseUrl(responseUrl))
        {
            return Task.FromResult(new SlackApiResult(false, "untrusted_response_url", null, 0));
        }

        var body = message.ToJsonString();
        return SendAsync(
            SlackRateLimiter.ResponseUrlMethod,
            responseUrl.Host,
            null,
            () => new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") },
            cancellationToken);
    }

    /// <summary>Any method with a JSON body (Slack accepts JSON for write methods and most read ones).</summary>
    public Task<SlackApiResult> CallAsync(string method, string token, string workspace, JsonObject payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var channel = payload["channel"] is JsonValue c && c.TryGetValue<string>(out var id) ? id : null;
        var body = payload.ToJsonString();
        return SendAsync(method, workspace, channel, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, MethodUrl(method)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }, cancellationToken);
    }

    internal bool IsTrustedResponseUrl(Uri url) =>
        url.IsAbsoluteUri
        && ((url.Scheme == Uri.UriSchemeHttps && url.Host.Equals("hooks.slack.com", StringComparison.OrdinalIgnoreCase))
            || (Uri.TryCreate(options.Value.ApiBaseUrl, UriKind.Absolute, out var api) && url.Scheme == api.Scheme && url.Authority.Equals(api.Authority, StringComparison.OrdinalIgnoreCase)));

    private string MethodUrl(string method) => options.Value.ApiBaseUrl.TrimEnd('/') + "/" + method;

    private Task<SlackApiResult> SendAsync(string method, string workspace, string? channel, Func<HttpRequestMessage> newRequest, CancellationToken cancellationToken) =>
        SendAsync(method, workspace, channel, paced: false, newRequest, cancellationToken);

    /// <param name="paced">The caller already waited for the first attempt's slot (<see cref="SlackRateLimiter.TryWaitAsync"/>).</param>
    private async Task<SlackApiResult> SendAsync(string method, string workspace, string? channel, bool paced, Func<HttpRequestMessage> newRequest, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1 || !paced)
            {
                await limiter.WaitAsync(workspace, method, channel, cancellationToken);
            }

            using var request = newRequest();
            using var response = await http.SendAsync(request, cancellationToken);

            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                if (attempt == MaxAttempts)
                {
                    return new SlackApiResult(false, response.StatusCode == HttpStatusCode.TooManyRequests ? "ratelimited" : $"http_{(int)response.StatusCode}", null, attempt);
                }

                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt - 1));
                await Task.Delay(wait > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : wait, clock, cancellationToken);
                continue;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonObject? answer;
            try
            {
                answer = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                answer = null;
            }

            // response_url answers "ok" as plain text rather than JSON.
            if (response.IsSuccessStatusCode && answer is null && method == "response_url")
            {
                return new SlackApiResult(true, null, null, attempt);
            }

            if (!response.IsSuccessStatusCode || answer is null)
            {
                return new SlackApiResult(false, $"http_{(int)response.StatusCode}", answer, attempt);
            }

            var status = SlackJson.Read<SlackApiResponse>(answer);
            var ok = status.Ok == true;
            return new SlackApiResult(ok, ok ? null : status.Error ?? "unknown_error", answer, attempt);
        }
    }
}
