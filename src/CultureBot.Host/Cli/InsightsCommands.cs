using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Core.Insights;

namespace CultureBot.Host.Cli;

/// <summary>
/// <c>culturebot insights [--from DATE] [--to DATE] [--org teams:T|slack:T] [--conversation ID] [--json]</c>: is the culture spreading?
/// How many people used the bot, what they did and when, which personas they asked about, which ones the quiz shows
/// are least known, and the customer descriptions no persona fitted (what the culture may be missing). Counts only,
/// from pseudonymous events: no one is named.
/// </summary>
internal static class InsightsCommands
{
    /// <summary>Without <c>--from</c>, the report covers this many days up to <c>--to</c>.</summary>
    private const int DefaultDays = 30;

    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = $"The first day (yyyy-MM-dd, UTC). Default: {DefaultDays} days before --to." };
        var to = new Option<string>("--to") { Description = "The last day, included (yyyy-MM-dd, UTC). Default: today." };
        var organization = CliDatabase.OrganizationOption("Without it, every organization together.");
        var json = new Option<bool>("--json") { Description = "One JSON object, for scripts and dashboards." };
        var conversation = new Option<string>("--conversation") { Description = "One team channel or chat (its conversation id, as the studio's filter lists them). Needs --org." };
        var insights = new Command("insights", "Is the culture spreading? Reach, activity per kind and per day, personas asked about, quiz accuracy, descriptions no persona fitted.")
        {
            from, to, organization, conversation, json,
        };
        insights.SetAction(async (parse, cancellationToken) =>
        {
            var (valid, owner) = await CliDatabase.ReadOrganizationAsync(parse, organization);
            if (!valid || !TryReadDay(parse.GetValue(to), "--to", out var last) || !TryReadDay(parse.GetValue(from), "--from", out var first))
            {
                return 2;
            }

            var lastDay = last ?? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            var firstDay = first ?? lastDay.AddDays(1 - DefaultDays);
            if (firstDay > lastDay)
            {
                await Console.Error.WriteLineAsync($"--from {Day(firstDay)} is after --to {Day(lastDay)}.");
                return 2;
            }

            var only = parse.GetValue(conversation);
            if (only is not null && owner is null)
            {
                await Console.Error.WriteLineAsync("--conversation needs --org: a conversation id is one organization's.");
                return 2;
            }

            await using var database = await CliDatabase.OpenAsync(cancellationToken);
            var report = await database.Get<IEngagementStore>().ReportAsync(new EngagementQuery(owner, Start(firstDay), Start(lastDay.AddDays(1)), only), cancellationToken);
            var scope = owner?.ToString() ?? "all organizations";
            Console.WriteLine(parse.GetValue(json) ? Json(report, firstDay, lastDay, owner?.ToString(), only) : Table(report, firstDay, lastDay, only is null ? scope : $"{scope}, {only}"));
            return 0;
        });
        return insights;
    }

    private static bool TryReadDay(string? text, string option, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        Console.Error.WriteLine($"{option} '{text}' is not a day: write yyyy-MM-dd (2026-12-07).");
        return false;
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Table(EngagementReport report, DateOnly first, DateOnly last, string scope)
    {
        var text = new System.Text.StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Insights {Day(first)} to {Day(last)} ({scope}): {report.People} people reached.");
        Section("Events per kind", report.Kinds.Select(k => $"{k.Kind,-28} {k.Count,7}"));
        Section("Events per day", report.Days.Select(d => $"{Day(d.Day),-28} {d.Count,7}"));
        Section("Personas asked about (sheets and matches)", report.PersonasAskedAbout.Select(p => $"{p.PersonaId,-28} {p.Count,7}"));
        Section("Quiz accuracy per persona (least known first)",
            report.QuizAccuracy.Select(q => string.Create(invariant, $"{q.PersonaId,-28} {q.Correct,3}/{q.Answers,-3} {q.Rate,5:P0}")));
        Section("Onboarding (newcomers)", [$"started {report.Onboarding.Started}, progressed {report.Onboarding.Progressed}, completed {report.Onboarding.Completed}"]);
        Section("Digests", [$"delivered {report.Digests.Delivered}, read {report.Digests.Read} (read receipts: Teams personal chats only)"]);
        Section("What the culture is missing (low-confidence texts grouped by a shared word)",
            report.Missing.Select(g => string.Create(invariant, $"{g.Count,4}  {g.Label}  (nearest: {g.NearestPersonaId ?? "-"})")));
        Section("Descriptions no persona fitted well (confidence below 0.5)",
            report.LowConfidenceDescriptions.Select(d => string.Create(invariant, $"{Day(DateOnly.FromDateTime(d.OccurredAt.UtcDateTime))}  {d.PersonaId ?? "-",-12} {d.Confidence ?? 0,4:0.00}  {d.Text.ReplaceLineEndings(" ")}")));
        return text.ToString().TrimEnd();

        void Section(string title, IEnumerable<string> lines)
        {
            text.AppendLine().AppendLine(title);
            var any = false;
            foreach (var line in lines)
            {
                text.Append("  ").AppendLine(line);
                any = true;
            }

            if (!any)
            {
                text.AppendLine("  (none)");
            }
        }
    }

    private static string Json(EngagementReport report, DateOnly first, DateOnly last, string? organization, string? conversation)
    {
        var json = new JsonObject
        {
            ["from"] = Day(first),
            ["to"] = Day(last),
            ["organization"] = organization,
            ["conversation"] = conversation,
            ["people"] = report.People,
            ["kinds"] = new JsonObject(report.Kinds.Select(k => KeyValuePair.Create(k.Kind, (JsonNode?)k.Count))),
            ["days"] = new JsonArray([.. report.Days.Select(d => (JsonNode)new JsonObject { ["day"] = Day(d.Day), ["events"] = d.Count, ["people"] = d.People })]),
            ["personas"] = new JsonArray([.. report.PersonasAskedAbout.Select(p => (JsonNode)new JsonObject { ["persona"] = p.PersonaId, ["asked"] = p.Count })]),
            ["quiz"] = new JsonArray([.. report.QuizAccuracy.Select(q => (JsonNode)new JsonObject
            {
                ["persona"] = q.PersonaId, ["answers"] = q.Answers, ["correct"] = q.Correct, ["rate"] = Math.Round(q.Rate, 3),
            })]),
            ["onboarding"] = new JsonObject
            {
                ["started"] = report.Onboarding.Started, ["progressed"] = report.Onboarding.Progressed, ["completed"] = report.Onboarding.Completed,
            },
            ["digests"] = new JsonObject
            {
                ["delivered"] = report.Digests.Delivered,
                ["read"] = report.Digests.Read,
                ["conversations"] = new JsonArray([.. report.Digests.PerConversation.Select(c => (JsonNode)new JsonObject
                {
                    ["conversation"] = c.ConversationId, ["delivered"] = c.Delivered, ["read"] = c.Read,
                })]),
            },
            ["missing"] = new JsonArray([.. report.Missing.Select(g => (JsonNode)new JsonObject
            {
                ["label"] = g.Label,
                ["count"] = g.Count,
                ["nearestPersona"] = g.NearestPersonaId,
                ["examples"] = new JsonArray([.. g.Examples.Select(e => (JsonNode?)e)]),
            })]),
            ["lowConfidence"] = new JsonArray([.. report.LowConfidenceDescriptions.Select(d => (JsonNode)new JsonObject
            {
                ["at"] = d.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["persona"] = d.PersonaId,
                ["confidence"] = d.Confidence,
                ["kind"] = d.Kind,
                ["text"] = d.Text,
            })]),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
