using System.Globalization;
using System.Text.Json.Nodes;

namespace CultureBot.Core.Bot;

/// <summary>Reading values a card button carried back (client data: a number may come as text or as a number).</summary>
public static class ActionValues
{
    /// <summary>A value as text: strings as they are, numbers in invariant form, anything else as its JSON; null when absent.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<int>(out var i) => i.ToString(CultureInfo.InvariantCulture),
        JsonValue v => v.ToJsonString().Trim('"'),
        _ => null,
    };
}
