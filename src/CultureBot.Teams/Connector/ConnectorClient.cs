using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CultureBot.Teams.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CultureBot.Teams.Connector;

/// <summary>
/// Calls the Bot Connector at the activity's serviceUrl. Retries 429, 412, 502, 503, 504, network errors and
/// timeouts — after <c>Retry-After</c> when the service gives one, else with exponential backoff and jitter —
/// a bounded number of times; 403 and 404 come back at once as typed outcomes.
/// </summary>
public sealed partial class ConnectorClient : IConnectorClient
{
    private readonly HttpClient _http;
    private readonly IBotTokenProvider _tokens;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger<ConnectorClient> _logger;
    private readonly TimeProvider _clock;
    private readonly ConnectorRetryOptions _retry;

    public ConnectorClient(HttpClient http, IBotTokenProvider tokens, IOptions<ConnectorRetryOptions> retry, TimeProvider clock, ILogger<ConnectorClient> logger)
    {
        ArgumentNullException.ThrowIfNull(retry);
        _http = http;
        _tokens = tokens;
        _logger = logger;
        _clock = clock;
        _retry = retry.Value;
        _pipeline = BuildPipeline(retry.Value, clock, logger);
    }

    public Task<ConnectorResult> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, conversationId), activity, cancellationToken);

    public Task<ConnectorResult> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, conversationId, replyToId), activity, cancellationToken);

    public Task<ConnectorResult> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, Url(serviceUrl, conversationId, activityId), activity, cancellationToken);

    public Task<ConnectorResult> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, Url(serviceUrl, conversationId, activityId), null, cancellationToken);

    public Task<ConnectorResult> SendTypingAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, conversationId), new Activity { Type = ActivityTypes.Typing }, cancellationToken);

    public async Task<ConnectorResult> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(parameters, TeamsJsonContext.Default.ConversationParameters);
        return await CallAsync(HttpMethod.Post, BaseUrl(serviceUrl) + "v3/conversations", body, ReadConversationId, cancellationToken);
    }

    /// <summary>
    /// The serviceUrl is a base: Teams' end with '/', the Agents Playground's do not, and
    /// <c>new Uri(base, relative)</c> would drop its last segment. Normalize to exactly one slash.
    /// </summary>
    internal static string BaseUrl(string serviceUrl) => serviceUrl.TrimEnd('/') + "/";

    internal static string Url(string serviceUrl, string conversationId, string? activityId = null) =>
        BaseUrl(serviceUrl) + "v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities"
        + (activityId is null ? string.Empty : "/" + Uri.EscapeDataString(activityId));

    private Task<ConnectorResult> SendAsync(HttpMethod method, string url, Activity? activity, CancellationToken cancellationToken)
    {
        var body = activity is null ? null : JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity);
        return CallAsync(method, url, body, ReadActivityId, cancellationToken);
    }

    private async Task<ConnectorResult> CallAsync(HttpMethod method, string url, string? body, Func<string, string?> readId, CancellationToken cancellationToken)
    {
        var attempts = 0;
        HttpResponseMessage? response = null;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    using var request = new HttpRequestMessage(method, url);
                    if (body is not null)
                    {
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    }

                    if (await _tokens.GetTokenAsync(token) is { } bearer)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                    }

                    return await _http.SendAsync(request, token);
                },
                cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            LogGaveUp(_logger, method.Method, null, attempts);
            return new ConnectorResult(ConnectorOutcome.Failed, null, null, null, attempts);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new ConnectorResult(ConnectorOutcome.Succeeded, status, text.Length == 0 ? null : readId(text), null, attempts);
            }

            var outcome = response.StatusCode switch
            {
                HttpStatusCode.Forbidden => ConnectorOutcome.Forbidden,
                HttpStatusCode.NotFound => ConnectorOutcome.NotFound,
                _ => ConnectorOutcome.Failed,
            };
            if (outcome == ConnectorOutcome.Failed)
            {
                LogGaveUp(_logger, method.Method, status, attempts);
            }

            return new ConnectorResult(outcome, status, null, ReadErrorCode(text), attempts) { RetryAfter = RetryAfter(response, _clock, _retry.MaxRetryAfter) };
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(ConnectorRetryOptions options, TimeProvider clock, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };

        // One attempt (the outbox's client: it retries through its own queue) means no retry strategy at all.
        return options.MaxAttempts <= 1 ? builder.AddTimeout(options.AttemptTimeout).Build() : builder
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => IsTransient(r.StatusCode)),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, clock, options.MaxRetryAfter)),
                OnRetry = args =>
                {
                    LogRetry(logger, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    private static bool IsTransient(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The service's own <c>Retry-After</c> (seconds or a date), capped; null lets the backoff decide.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        if (delay is null)
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > cap ? cap : delay;
    }

    private static string? ReadActivityId(string json) => TryRead(json, TeamsJsonContext.Default.ResourceResponse)?.Id;

    private static string? ReadConversationId(string json) => TryRead(json, TeamsJsonContext.Default.ConversationResourceResponse)?.Id;

    private static string? ReadErrorCode(string json) => TryRead(json, TeamsJsonContext.Default.ErrorResponse)?.Error?.Code;

    private static T? TryRead<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector attempt failed (status {Status}, error {Error}); attempt {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int? status, string? error, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Connector {Method} gave up with status {Status} after {Attempts} attempt(s)")]
    private static partial void LogGaveUp(ILogger logger, string method, int? status, int attempts);
}
