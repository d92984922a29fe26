using System.Text;
using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;

namespace CultureBot.Cards;

/// <summary>
/// The platform limits an expanded card must respect, checked without the platform: Teams' card size and schema
/// version, Block Kit's documented limits, and no binding left unexpanded. (The tests also run the platforms'
/// own libraries; this check runs anywhere, including in <c>culturebot cards check</c>.)
/// </summary>
public static class CardLimits
{
    public const int TeamsMaxBytes = 28 * 1024;
    public const string TeamsMaxVersion = "1.5";

    public static IReadOnlyList<string> Check(string platform, JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var problems = new List<string>();
        Unexpanded(card, "$", problems);
        if (platform == Platforms.Teams)
        {
            CheckTeams(card, problems);
        }
        else if (platform == Platforms.Slack)
        {
            CheckSlack(card, problems);
        }

        return problems;
    }

    private static void CheckTeams(JsonNode card, List<string> problems)
    {
        var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString());
        if (bytes > TeamsMaxBytes)
        {
            problems.Add($"the card is {bytes} bytes; Teams refuses more than {TeamsMaxBytes}");
        }

        if (card["type"]?.GetValue<string>() != "AdaptiveCard")
        {
            problems.Add("the root is not an AdaptiveCard");
        }

        if (card["version"]?.GetValue<string>() is { } version && Version.TryParse(version, out var v) && v > Version.Parse(TeamsMaxVersion))
        {
            problems.Add($"version {version} is newer than {TeamsMaxVersion}, which Teams renders");
        }
    }

    private static void CheckSlack(JsonNode message, List<string> problems)
    {
        var blocks = message["blocks"]?.AsArray() ?? [];
        if (blocks.Count > 50)
        {
            problems.Add($"{blocks.Count} blocks; a message holds 50");
        }

        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i]!;
            var at = $"blocks[{i}] ({block["type"]?.GetValue<string>()})";
            Max(block["text"]?["text"], block["type"]?.GetValue<string>() == "header" ? 150 : 3000, at + ".text", problems);
            var fields = block["fields"]?.AsArray();
            if (fields is { Count: > 10 })
            {
                problems.Add($"{at}: {fields.Count} fields; a section holds 10");
            }

            foreach (var field in fields ?? [])
            {
                Max(field?["text"], 2000, at + ".fields", problems);
            }

            foreach (var element in (block["elements"]?.AsArray() ?? []).Append(block["accessory"]))
            {
                if (element?["type"]?.GetValue<string>() != "button")
                {
                    continue;
                }

                Max(element["text"]?["text"], 75, at + " button text", problems);
                Max(element["value"], 2000, at + " button value", problems);
                if (element["action_id"]?.GetValue<string>() is { } id && (id.Length > 255 || !actionIds.Add(id)))
                {
                    problems.Add($"{at}: action_id '{id}' is too long or not unique");
                }
            }
        }
    }

    private static void Max(JsonNode? text, int max, string at, List<string> problems)
    {
        if (text is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > max)
        {
            problems.Add($"{at}: {s.Length} characters; Slack allows {max}");
        }
    }

    private static void Unexpanded(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Unexpanded(value, $"{path}.{key}", problems);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Unexpanded(array[i], $"{path}[{i}]", problems);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("${", StringComparison.Ordinal):
                problems.Add($"{path}: unexpanded binding in \"{text}\"");
                break;
        }
    }
}
