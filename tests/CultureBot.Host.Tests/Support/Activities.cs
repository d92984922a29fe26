using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CultureBot.Host.Tests.Support;

/// <summary>Builds inbound activities shaped like the Agents Playground's.</summary>
public static class Activities
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";
    public const string BotId = "00000000-0000-0000-0000-00000000000011";

    public static JsonObject Message(string serviceUrl, string text, string locale = "en-US", string conversationId = "conv-1") =>
        Base("message", serviceUrl, conversationId, locale, new JsonObject { ["text"] = text, ["textFormat"] = "plain" });

    public static JsonObject Install(string serviceUrl, string conversationId = "conv-1") =>
        Base("installationUpdate", serviceUrl, conversationId, "en-US", new JsonObject { ["action"] = "add" });

    public static JsonObject Invoke(string serviceUrl, string verb, JsonObject? data = null, string conversationId = "conv-1") =>
        Base("invoke", serviceUrl, conversationId, "en-US", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["replyToId"] = "card-1",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? [] } },
        });

    /// <summary>The activity as it comes from another tenant (conversation and channel data say the same).</summary>
    public static JsonObject OfTenant(JsonObject activity, string tenant)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity["conversation"] is JsonObject conversation)
        {
            conversation["tenantId"] = tenant;
        }

        if (activity["channelData"] is not JsonObject channelData)
        {
            activity["channelData"] = channelData = [];
        }

        channelData["tenant"] = new JsonObject { ["id"] = tenant };
        return activity;
    }

    public static JsonObject Base(string type, string serviceUrl, string conversationId, string locale, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = "2026-11-22T12:00:00.000Z",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "user-id-0", ["name"] = "Alex Wilber" },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CultureBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
            ["locale"] = locale,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        };
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            activity[key] = value;
        }

        return activity;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(bearer);
        }

        return await client.SendAsync(request);
    }
}
