using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CultureBot.Slack;

namespace CultureBot.Host.Tests.Support;

/// <summary>Sends what Slack sends, signed with the app's signing secret at the clock's time: slash commands, events, button clicks.</summary>
public sealed class SignedSlack(HttpClient client, string secret, TimeProvider clock)
{
    public async Task PostAsync(string path, string body, string contentType) =>
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(path, Encoding.UTF8.GetBytes(body), contentType)).StatusCode);

    /// <summary>Sends the request signed and returns Slack's answer, whatever its status.</summary>
    public Task<HttpResponseMessage> SendAsync(string path, string body, string contentType) => SendAsync(path, Encoding.UTF8.GetBytes(body), contentType);

    /// <summary>Any bytes, correctly signed (the fuzz tests send what Slack never would, with Slack's signature).</summary>
    public async Task<HttpResponseMessage> SendAsync(string path, byte[] body, string contentType)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType, "utf-8");
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(secret, timestamp, body));
        return await client.SendAsync(request);
    }

    /// <summary><c>/culturebot TEXT</c> typed by <paramref name="user"/> in <paramref name="channel"/>; the answer goes to <paramref name="responseUrl"/>.</summary>
    public Task CommandAsync(string channel, string user, string text, string responseUrl) =>
        PostAsync("/slack/commands", Form(new()
        {
            ["team_id"] = FakeSlackApi.TeamId,
            ["channel_id"] = channel,
            ["user_id"] = user,
            ["command"] = "/culturebot",
            ["text"] = text,
            ["response_url"] = responseUrl,
            ["trigger_id"] = Guid.NewGuid().ToString("N"),
        }), "application/x-www-form-urlencoded");

    public Task EventAsync(JsonObject ev, string eventId) =>
        PostAsync("/slack/events", new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = FakeSlackApi.TeamId,
            ["event_id"] = eventId,
            ["event_time"] = 1724318855,
            ["event"] = ev,
        }.ToJsonString(), "application/json");

    /// <summary>A <c>block_actions</c> click on a button of a message in <paramref name="channel"/>; <paramref name="state"/> is the message's inputs (<c>state.values</c>).</summary>
    public Task ClickAsync(string channel, string user, string name, string actionId, string? value, string blockId, string responseUrl, bool ephemeral = false, JsonObject? state = null) =>
        PostAsync("/slack/interactions", Form(new()
        {
            ["payload"] = new JsonObject
            {
                ["type"] = "block_actions",
                ["user"] = new JsonObject { ["id"] = user, ["name"] = name, ["team_id"] = FakeSlackApi.TeamId },
                ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
                ["channel"] = new JsonObject { ["id"] = channel },
                ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1724319999.000100", ["channel_id"] = channel, ["is_ephemeral"] = ephemeral },
                ["response_url"] = responseUrl,
                ["trigger_id"] = Guid.NewGuid().ToString("N"),
                ["state"] = state is null ? null : new JsonObject { ["values"] = state },
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["action_id"] = actionId,
                    ["block_id"] = blockId,
                    ["value"] = value,
                    ["type"] = "button",
                    ["action_ts"] = $"{clock.GetUtcNow().ToUnixTimeSeconds()}.{Guid.NewGuid().ToString("N")[..6]}",
                }),
            }.ToJsonString(),
        }), "application/x-www-form-urlencoded");

    /// <summary>A message as JSON text with its accents and quotes readable, for assertions on what users see.</summary>
    public static string Text(JsonNode message) =>
        message.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Form(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}
