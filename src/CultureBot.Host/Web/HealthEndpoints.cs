using System.Text.Json.Nodes;
using CultureBot.Core.Queue;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CultureBot.Host.Web;

internal static class HealthEndpoints
{
    /// <summary>
    /// <c>/healthz</c>: the process answers, with the queues' counts (JSON; 200 when Healthy or Degraded).
    /// <c>/readyz</c>: and its database too.
    /// </summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Name == QueueHealthCheck.Name, ResponseWriter = WriteQueuesAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    }

    /// <summary><c>{"status":"Degraded","description":"…","queues":{"outbox":{"pending":3,"failing":1,"setAside":2},…}}</c></summary>
    private static Task WriteQueuesAsync(HttpContext http, HealthReport report)
    {
        var queues = new JsonObject();
        string? description = null;
        foreach (var entry in report.Entries.Values)
        {
            description ??= entry.Description;
            foreach (var counts in entry.Data.Values.OfType<QueueCounts>())
            {
                queues[counts.Queue] = new JsonObject { ["pending"] = counts.Pending, ["failing"] = counts.Failing, ["setAside"] = counts.SetAside };
            }
        }

        var body = new JsonObject { ["status"] = report.Status.ToString(), ["description"] = description, ["queues"] = queues };
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}
