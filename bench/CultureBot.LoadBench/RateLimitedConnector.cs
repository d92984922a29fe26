using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CultureBot.LoadBench;

/// <summary>
/// A Bot Connector on loopback that enforces Teams' limits as Teams does: more than <see cref="PerSecond"/>
/// requests in any one second (per tenant: the benchmark uses one) get a 429 with <c>Retry-After: 1</c>.
/// It counts what it accepted per conversation, to find lost and duplicated messages.
/// </summary>
internal sealed class RateLimitedConnector : IAsyncDisposable
{
    public const int PerSecond = 50;

    private readonly Queue<long> _window = new();
    private readonly Lock _gate = new();
    private readonly WebApplication _app;

    private RateLimitedConnector(WebApplication app) => _app = app;

    /// <summary>Accepted messages per conversation id.</summary>
    public ConcurrentDictionary<string, int> Accepted { get; } = new(StringComparer.Ordinal);

    public int Throttled => _throttled;

    /// <summary>The span from the first accepted message to the last: the delivery rate's denominator (the worker's start-up is not delivery).</summary>
    public TimeSpan DeliverySpan => TimeSpan.FromMilliseconds(Interlocked.Read(ref _lastAccepted) - Interlocked.Read(ref _firstAccepted));

    private int _throttled;
    private long _firstAccepted = long.MaxValue;
    private long _lastAccepted;

    public string Url => _app.Urls.First();

    public static async Task<RateLimitedConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new RateLimitedConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId) =>
        {
            if (!connector.TryTake())
            {
                Interlocked.Increment(ref connector._throttled);
                return Results.Text("{\"error\":{\"code\":\"TooManyRequests\"}}", "application/json", statusCode: 429, contentEncoding: null);
            }

            connector.Accepted.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
            return Results.Json(new JsonObject { ["id"] = Guid.NewGuid().ToString("N") });
        }).AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            context.HttpContext.Response.Headers.RetryAfter = "1";
            return result;
        });
        await app.StartAsync();
        return connector;
    }

    /// <summary>A sliding one-second window over the accepted requests.</summary>
    private bool TryTake()
    {
        var now = Environment.TickCount64;
        lock (_gate)
        {
            while (_window.Count > 0 && now - _window.Peek() >= 1000)
            {
                _window.Dequeue();
            }

            if (_window.Count >= PerSecond)
            {
                return false;
            }

            _window.Enqueue(now);
            _firstAccepted = Math.Min(_firstAccepted, now);
            _lastAccepted = Math.Max(_lastAccepted, now);
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
