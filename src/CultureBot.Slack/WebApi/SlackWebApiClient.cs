using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    public Task<SlackApiResult> UserInfoAsync(string token, string workspace, string userId, CancellationToken cancellationToken) =>
        CallAsync("users.info", token, workspace, new JsonObject { ["user"] = userId }, cancellationToken);

    public Task<SlackApiResult> AuthTestAsync(string token, CancellationToken cancellationToken) =>
        CallAsync("auth.test", token, "auth", [], cancellationToken);

    /// <summary>Any method with a JSON body (Slack accepts JSON for write methods and most read ones).</summary>
    public async Task<SlackApiResult> CallAsync(string method, string token, string workspace, JsonObject payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var channel = payload["channel"]?.GetValue<string>();
        var url = options.Value.ApiBaseUrl.TrimEnd('/') + "/" + method;
        var body = payload.ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            await limiter.WaitAsync(workspace, method, channel, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
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

            if (!response.IsSuccessStatusCode || answer is null)
            {
                return new SlackApiResult(false, $"http_{(int)response.StatusCode}", answer, attempt);
            }

            var ok = answer["ok"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
            return new SlackApiResult(ok, ok ? null : answer["error"]?.GetValue<string>() ?? "unknown_error", answer, attempt);
        }
    }
}
