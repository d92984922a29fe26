using System.Text;
using CultureBot.Studio.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CultureBot.Studio.Personas;

/// <summary><c>/admin/personas/pack.yaml?slug=…</c>: the pack the organization sees, as YAML, for anyone with a studio role.</summary>
internal static class PackDownload
{
    public static void MapPackDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/personas/pack.yaml", DownloadAsync).RequireAuthorization(StudioPolicies.Viewer);

    private static async Task<IResult> DownloadAsync(string slug, HttpContext context, PackEditor editor)
    {
        if (StudioUser.From(context.User) is not { } user)
        {
            return Results.Forbid();
        }

        return await editor.OpenAsync(user, slug, context.RequestAborted) is { } pack
            ? Results.File(Encoding.UTF8.GetBytes(pack.Stored.Content), "application/yaml; charset=utf-8", $"{pack.Slug}.yaml")
            : Results.NotFound();
    }
}
