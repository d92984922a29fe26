using System.Globalization;
using System.Net;
using CultureBot.Core.Insights;

namespace CultureBot.Studio.Insights;

/// <summary>One bar of a chart and the row of its data table.</summary>
public sealed record ChartBar(string Label, double Value);

/// <summary>
/// The insights charts, drawn by ScottPlot on the server as inline SVG (no script, no canvas: it prints, scales and
/// reads in any browser). The SVG is one image to assistive technology (<c>role="img"</c> with its label); the page
/// follows each chart with its data as a table, which is what a screen reader reads.
/// </summary>
public static class InsightsCharts
{
    public const int Width = 640;
    public const int Height = 260;

    /// <summary>At most this many labels under the bars; the others are skipped (every bar stays, and the table lists them all).</summary>
    private const int MaxTickLabels = 12;

    /// <summary>A bar chart of <paramref name="bars"/> as an <c>&lt;svg role="img" aria-label="…"&gt;</c> element.</summary>
    public static string Bars(string label, IReadOnlyList<ChartBar> bars, string? valueAxis = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(bars);
        var plot = new ScottPlot.Plot();
        try
        {
            var values = bars.Select(b => b.Value).ToArray();
            if (values.Length > 0)
            {
                plot.Add.Bars(values);
            }

            var every = Math.Max(1, (int)Math.Ceiling(bars.Count / (double)MaxTickLabels));
            var ticks = Enumerable.Range(0, bars.Count).Where(i => i % every == 0).ToArray();
            plot.Axes.Bottom.SetTicks([.. ticks.Select(i => (double)i)], [.. ticks.Select(i => bars[i].Label)]);
            plot.Axes.Margins(bottom: 0);
            if (values.Length == 0 || values.Max() <= 0)
            {
                plot.Axes.SetLimitsY(0, 1);
            }

            if (valueAxis is not null)
            {
                plot.YLabel(valueAxis);
            }

            return Labelled(plot.GetSvgHtml(Width, Height), label);
        }
        finally
        {
            plot.Dispose();
        }
    }

    /// <summary>Events per day (per week for a long period: <see cref="InsightsPeriod.Weekly"/>), days without any included.</summary>
    public static IReadOnlyList<(DateOnly Start, int Events, int? People)> Activity(IReadOnlyList<DayCount> days, InsightsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(period);
        var byDay = days.ToDictionary(d => d.Day);
        if (!period.Weekly)
        {
            return [.. Enumerable.Range(0, period.To.DayNumber - period.From.DayNumber + 1)
                .Select(i => period.From.AddDays(i))
                .Select(d => byDay.TryGetValue(d, out var c) ? (d, c.Count, (int?)c.People) : (d, 0, 0))];
        }

        // Weeks start on Monday; distinct people do not add up across days, so a week shows events only.
        var firstMonday = period.From.AddDays(-(((int)period.From.DayOfWeek + 6) % 7));
        var weeks = new List<(DateOnly, int, int?)>();
        for (var monday = firstMonday; monday <= period.To; monday = monday.AddDays(7))
        {
            var start = monday;
            weeks.Add((start, days.Where(d => d.Day >= start && d.Day < start.AddDays(7)).Sum(d => d.Count), null));
        }

        return weeks;
    }

    public static string Percent(double rate) => rate.ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>ScottPlot's SVG with the attributes that make it one labelled image, and no XML prologue.</summary>
    private static string Labelled(string svg, string label)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("ScottPlot returned no <svg> element.");
        }

        return "<svg role=\"img\" aria-label=\"" + WebUtility.HtmlEncode(label) + "\" class=\"studio-chart\"" + svg[(start + 4)..];
    }
}
