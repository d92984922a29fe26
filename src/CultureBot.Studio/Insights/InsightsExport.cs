using System.Text;
using CultureBot.Core.Insights;
using CultureBot.Studio.Access;
using Microsoft.AspNetCore.Http;

namespace CultureBot.Studio.Insights;

/// <summary><c>GET /admin/insights/export.csv?from=&amp;to=&amp;conversation=</c>: the insights page's numbers as CSV, for a viewer or an owner.</summary>
public static class InsightsExport
{
    public const string Path = "/insights/export.csv";

    public static async Task<IResult> HandleAsync(HttpContext context, IEngagementStore store, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        if (StudioUser.From(context.User) is not { } user)
        {
            return Results.Forbid();
        }

        var query = context.Request.Query;
        var period = InsightsPeriod.Read(query["from"], query["to"], query["conversation"], DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var report = await store.ReportAsync(period.QueryFor(user), context.RequestAborted);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(InsightsCsv.Write(report, period))).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", $"insights-{InsightsPeriod.Text(period.From)}-{InsightsPeriod.Text(period.To)}.csv");
    }
}
