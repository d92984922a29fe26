using System.Globalization;
using System.Text;
using CultureBot.Core.Insights;

namespace CultureBot.Studio.Insights;

/// <summary>
/// The insights page as CSV, the numbers exactly as the page and <c>culturebot insights --json</c> show them, one
/// figure per row: <c>section,item,count,of,text</c> (<c>of</c>: the total a count is out of, as quiz answers;
/// <c>text</c>: a day, a description). UTF-8 with a byte order mark so that spreadsheets read accents.
/// </summary>
public static class InsightsCsv
{
    public const string Header = "section,item,count,of,text";

    public static string Write(EngagementReport report, InsightsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(period);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        Row("period", "from", null, null, InsightsPeriod.Text(period.From));
        Row("period", "to", null, null, InsightsPeriod.Text(period.To));
        Row("period", "conversation", null, null, period.ConversationId);
        Row("reach", "people", report.People);
        foreach (var kind in report.Kinds)
        {
            Row("events", kind.Kind, kind.Count);
        }

        foreach (var day in report.Days)
        {
            Row("day", InsightsPeriod.Text(day.Day), day.Count, null, "events");
            Row("day", InsightsPeriod.Text(day.Day), day.People, null, "people");
        }

        foreach (var persona in report.PersonasAskedAbout)
        {
            Row("persona-asked", persona.PersonaId, persona.Count);
        }

        foreach (var quiz in report.QuizAccuracy)
        {
            Row("quiz-correct", quiz.PersonaId, quiz.Correct, quiz.Answers);
        }

        Row("onboarding", "started", report.Onboarding.Started);
        Row("onboarding", "progressed", report.Onboarding.Progressed, report.Onboarding.Started);
        Row("onboarding", "completed", report.Onboarding.Completed, report.Onboarding.Started);
        Row("digests", "delivered", report.Digests.Delivered);
        Row("digests", "read", report.Digests.Read, report.Digests.Delivered);
        foreach (var conversation in report.Digests.PerConversation)
        {
            Row("digests-read", conversation.ConversationId, conversation.Read, conversation.Delivered);
        }

        foreach (var group in report.Missing)
        {
            Row("missing", group.Label, group.Count, null, string.Join(" | ", group.Examples));
        }

        foreach (var text in report.LowConfidenceDescriptions)
        {
            Row("low-confidence", text.PersonaId ?? string.Empty, null, null, text.Text);
        }

        return csv.ToString();

        void Row(string section, string item, int? count, int? of = null, string? text = null) =>
            csv.Append(section).Append(',').Append(Field(item)).Append(',')
                .Append(count?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(of?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(text ?? string.Empty)).Append("\r\n");
    }

    /// <summary>
    /// One field, quoted when it must be; a text a spreadsheet would run as a formula (<c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c> first: these are customers' words) gets a leading apostrophe.
    /// </summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
