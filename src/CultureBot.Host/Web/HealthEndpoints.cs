using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CultureBot.Host.Web;

internal static class HealthEndpoints
{
    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: and its database too.</summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    }
}
