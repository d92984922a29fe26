using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CultureBot.Core.Localization;
using CultureBot.Scheduling;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Web;

/// <summary>
/// <c>/privacy</c> and <c>/terms</c>, the pages the Teams app package names: what CultureBot keeps, for how long and
/// whom to ask, in the reader's language (<c>Accept-Language</c>). A deployment with its own pages sets
/// <c>Legal:PrivacyUrl</c> / <c>Legal:TermsUrl</c>: the package then names those, and these paths redirect there,
/// so that an old package or a bookmark still lands on the page the organization wrote.
/// </summary>
internal static class LegalPages
{
    public const string Section = "Legal";
    public const string PrivacyPath = "/privacy";
    public const string TermsPath = "/terms";

    public static void MapLegalPages(this WebApplication app)
    {
        var legal = app.Configuration.GetSection(Section);
        Map(app, PrivacyPath, Elsewhere(legal, "PrivacyUrl"), Privacy);
        Map(app, TermsPath, Elsewhere(legal, "TermsUrl"), Terms);
    }

    /// <summary>The organization's own page, when set: an absolute https address, as Teams requires.</summary>
    private static Uri? Elsewhere(IConfigurationSection legal, string key)
    {
        var value = legal[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? url
            : throw new InvalidOperationException($"{Section}:{key} must be an absolute https address (Teams accepts no other); it is '{value}'.");
    }

    /// <summary>A page: its title, its paragraphs, and a link to another page (path and text), if any.</summary>
    private sealed record Page(string Title, IReadOnlyList<string> Paragraphs, (string Path, string Text)? Link = null);

    private static void Map(WebApplication app, string path, Uri? elsewhere, Func<HttpContext, StringTable, CultureInfo, Page> page)
    {
        if (elsewhere is not null)
        {
            app.MapGet(path, () => Results.Redirect(elsewhere.AbsoluteUri));
            return;
        }

        app.MapGet(path, (HttpContext http, StringTable strings) =>
        {
            var language = ReaderLanguage(http, strings);
            // The same address answers in several languages: a cache must keep one copy per Accept-Language.
            http.Response.Headers.Vary = "Accept-Language";
            http.Response.Headers.ContentLanguage = language.TwoLetterISOLanguageName;
            return Results.Content(Html(language, page(http, strings, language)), "text/html; charset=utf-8");
        });
    }

    private static Page Privacy(HttpContext http, StringTable strings, CultureInfo language)
    {
        var retention = http.RequestServices.GetRequiredService<IOptions<RetentionOptions>>().Value;
        return new(strings.Get("legalPrivacyTitle", language),
        [
            strings.Get("legalPrivacyWho", language),
            strings.Get("legalPrivacyStored", language),
            strings.Format("legalPrivacyRetention", language, Days(retention.InboundEvents), Days(retention.SetAside)),
            strings.Get("legalPrivacyModel", language),
            Contact(http, strings, language),
        ]);
    }

    private static Page Terms(HttpContext http, StringTable strings, CultureInfo language) => new(
        strings.Get("legalTermsTitle", language),
        [
            strings.Get("legalTermsUse", language),
            strings.Get("legalTermsContent", language),
            strings.Get("legalTermsService", language),
            Contact(http, strings, language),
        ],
        (PrivacyPath, strings.Get("legalPrivacyLink", language)));

    private static string Contact(HttpContext http, StringTable strings, CultureInfo language)
    {
        var contact = http.RequestServices.GetRequiredService<IConfiguration>()[$"{Section}:Contact"];
        return strings.Format("legalContact", language, string.IsNullOrWhiteSpace(contact) ? strings.Get("legalContactDefault", language) : contact.Trim());
    }

    /// <summary>Whole days, rounded up: "7", not "7.00:00:00".</summary>
    private static int Days(TimeSpan span) => (int)Math.Ceiling(span.TotalDays);

    /// <summary>The first language of the reader's <c>Accept-Language</c>, by preference, that CultureBot speaks; else English.</summary>
    internal static CultureInfo ReaderLanguage(HttpContext http, StringTable strings)
    {
        var spoken = strings.Languages.ToHashSet(StringComparer.Ordinal);
        var wanted = http.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Locales.Resolve(l.Value.Value))
            .FirstOrDefault(c => spoken.Contains(c.TwoLetterISOLanguageName));
        return wanted ?? Locales.English;
    }

    private static string Html(CultureInfo language, Page page)
    {
        // Every script as it is (French accents stay readable); markup characters escaped.
        var encode = HtmlEncoder.Create(UnicodeRanges.All);
        var title = page.Title;
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{language.TwoLetterISOLanguageName}\">\n<head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{encode.Encode(title)}</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.5}</style></head>\n<body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{encode.Encode(title)}</h1>\n");
        foreach (var paragraph in page.Paragraphs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{encode.Encode(paragraph)}</p>\n");
        }

        if (page.Link is var (path, text))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{path}\">{encode.Encode(text)}</a></p>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }
}
