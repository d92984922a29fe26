using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Teams.Schema;

namespace CultureBot.Teams.Inbound;

/// <summary>One authenticated, checked activity, as queued for the worker.</summary>
/// <param name="Activity">The activity as the Bot Connector sent it (unknown fields kept).</param>
/// <param name="ReceivedAt">When the bot stored it: the moment that counts (a quiz answer submitted before the bell), however long it waited.</param>
public sealed record TeamsInbound(Activity Activity, DateTimeOffset? ReceivedAt = null)
{
    public string Serialize() => new JsonObject
    {
        ["received"] = ReceivedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["activity"] = JsonSerializer.SerializeToNode(Activity, TeamsJsonContext.Default.Activity),
    }.ToJsonString();

    public static TeamsInbound Deserialize(string stored)
    {
        using var document = JsonDocument.Parse(stored);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("activity", out var activity) || activity.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("A queued Teams item has no activity.");
        }

        return new TeamsInbound(
            activity.Deserialize(TeamsJsonContext.Default.Activity) ?? throw new FormatException("A queued Teams item has no activity."),
            root.TryGetProperty("received", out var received) && received.ValueKind == JsonValueKind.String ? received.GetDateTimeOffset() : null);
    }
}
