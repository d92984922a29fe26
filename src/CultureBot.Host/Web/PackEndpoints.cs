using CultureBot.Core.Personas;
using CultureBot.Core.Personas.Map;

namespace CultureBot.Host.Web;

internal static class PackEndpoints
{
    /// <summary>
    /// <c>GET /packs/{slug}/map.png</c>: a default pack's positioning map (404 for a pack without one), for Slack and
    /// browsers. It takes no organization: anyone may call it, so an organization's own pack is never served here
    /// (its cards carry the map themselves).
    /// </summary>
    public static void MapPackEndpoints(this WebApplication app) =>
        app.MapGet("/packs/{slug}/map.png", (string slug, PersonaDirectory directory) =>
            directory.Packs.FirstOrDefault(p => p.Owner is null && p.Slug == slug) is { } pack && PersonaMapRenderer.RenderPng(pack) is { } png
                ? Results.File(png, "image/png")
                : Results.NotFound());
}
