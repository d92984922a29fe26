using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using CultureBot.Slack.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Slack.Web;

/// <summary>The allow-list at Slack's HTTP door: asked once a request is verified, before its payload is stored.</summary>
internal static class SlackAccess
{
    public static bool Admit(HttpContext http, SlackInbound inbound) =>
        http.RequestServices.GetRequiredService<OrganizationAccess>().Admit(Platforms.Slack, inbound.TeamId, $"a Slack {inbound.Kind}");

    /// <summary>
    /// The answer to a refused request, always a 200 (anything else makes Slack retry): for a slash command, a message
    /// only its author sees, in English and French (a command does not carry the user's language); else nothing.
    /// </summary>
    public static IResult Refusal(HttpContext http, SlackInboundKind kind)
    {
        if (kind != SlackInboundKind.Command)
        {
            return Results.Ok();
        }

        var strings = http.RequestServices.GetRequiredService<StringTable>();
        var text = $"{strings.Get("accessWorkspaceNotEnabled", Locales.English)}\n{strings.Get("accessWorkspaceNotEnabled", Locales.French)}";
        return Results.Json(new JsonObject { ["response_type"] = "ephemeral", ["text"] = text });
    }
}
