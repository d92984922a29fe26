using System.Text;
using CultureBot.Studio.Access;
using Microsoft.AspNetCore.Http;

namespace CultureBot.Studio.Verbatims;

/// <summary>
/// <c>/admin/verbatims/export.csv</c>: the organization's own verbatims with the page's filters, as <c>culturebot
/// verbatims export</c> writes them (UTF-8 with a byte order mark, so that spreadsheets read the accents). Viewers too.
/// </summary>
public static class VerbatimExportEndpoint
{
    public const string Path = "/verbatims/export.csv";

    public static async Task<IResult> ExportAsync(HttpContext context, VerbatimCuration curation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(curation);
        if (StudioUser.From(context.User) is not { } user)
        {
            return Results.Forbid();
        }

        await using var text = new StringWriter();
        await curation.ExportAsync(user, VerbatimFilters.Parse(context.Request.Query), text, context.RequestAborted);

        // The writer is synchronous and the server allows only asynchronous writes: the file is built, then sent.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", "verbatims.csv");
    }
}
