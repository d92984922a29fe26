using CultureBot.Core.Personas;
using CultureBot.Core.Personas.Map;

namespace CultureBot.Host.Web;

internal static class PackEndpoints
{
    /// <summary><c>GET /packs/{slug}/map.png</c>: the pack's positioning map (404 for a pack without one), for Slack and browsers.</summary>
    public static void MapPackEndpoints(this WebApplication app) =>
        app.MapGet("/packs/{slug}/map.png", (string slug, PersonaDirectory directory) =>
            directory.Packs.FirstOrDefault(p => p.Slug == slug) is { } pack && PersonaMapRenderer.RenderPng(pack) is { } png
                ? Results.File(png, "image/png")
                : Results.NotFound());
}
