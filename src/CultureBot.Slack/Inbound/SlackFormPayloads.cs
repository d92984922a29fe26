using System.Text;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using Microsoft.AspNetCore.WebUtilities;

namespace CultureBot.Slack.Inbound;

/// <summary>
/// Slack's form-encoded bodies: a slash command is its form fields; an interaction is the JSON of its
/// <c>payload</c> field. Read from the raw bytes that were verified, never re-read from the request.
/// </summary>
public static class SlackFormPayloads
{
    /// <summary>The form fields of a slash command as a JSON object (each field once, as text).</summary>
    public static JsonObject Command(ReadOnlySpan<byte> body)
    {
        var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var payload = new JsonObject();
        foreach (var (name, values) in fields)
        {
            payload[name] = values.ToString();
        }

        return payload;
    }

    /// <summary>The JSON in the <c>payload</c> field, or null when there is none or it is not a strictly valid JSON object.</summary>
    public static JsonObject? Interaction(ReadOnlySpan<byte> body) => Interaction(body, out _);

    /// <summary>The JSON in the <c>payload</c> field, or null (with what is wrong) when there is none or it is not a strictly valid JSON object.</summary>
    public static JsonObject? Interaction(ReadOnlySpan<byte> body, out string? problem)
    {
        var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!fields.TryGetValue("payload", out var payload) || string.IsNullOrEmpty(payload))
        {
            problem = "The interaction has no 'payload' field.";
            return null;
        }

        if (payload.Count > 1)
        {
            problem = "The interaction has more than one 'payload' field.";
            return null;
        }

        var node = StrictJson.ParseNode(Encoding.UTF8.GetBytes(payload.ToString()), out var invalid);
        problem = invalid is not null ? $"The interaction payload is {invalid}." : node is JsonObject ? null : "The interaction payload is not a JSON object.";
        return node as JsonObject;
    }
}
