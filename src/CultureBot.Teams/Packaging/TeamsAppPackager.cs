using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CultureBot.Teams.Packaging;

/// <summary>
/// Writes the installable Teams app package: <c>manifest.json</c> with the configured ids, name, domain and legal
/// pages, and every file the manifest names (icons, localization files, which get the configured name too), at the
/// zip's root. Entries have a fixed
/// timestamp, so the same inputs give the same bytes.
/// </summary>
public static class TeamsAppPackager
{
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(TeamsPackageRequest request, string outputPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var manifestPath = Path.Combine(request.ManifestDirectory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new ArgumentException($"No manifest.json in {request.ManifestDirectory}.", nameof(request));
        }

        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath, cancellationToken))!.AsObject();
        Apply(manifest, request);

        var files = ReferencedFiles(manifest).Distinct(StringComparer.Ordinal).ToList();
        var localizations = LocalizationFiles(manifest).ToHashSet(StringComparer.Ordinal);
        foreach (var file in files.Where(f => !File.Exists(Path.Combine(request.ManifestDirectory, f))))
        {
            throw new ArgumentException($"manifest.json names {file}, which is not in {request.ManifestDirectory}.", nameof(request));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var stream = File.Create(outputPath);
        await using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        await AddAsync(zip, "manifest.json", Encoding.UTF8.GetBytes(manifest.ToJsonString(Indented)), cancellationToken);
        foreach (var file in files)
        {
            var content = await File.ReadAllBytesAsync(Path.Combine(request.ManifestDirectory, file), cancellationToken);
            if (localizations.Contains(file) && !string.IsNullOrWhiteSpace(request.ShortName))
            {
                content = Encoding.UTF8.GetBytes(Localize(JsonNode.Parse(content)!.AsObject(), request).ToJsonString(Indented));
            }

            await AddAsync(zip, file, content, cancellationToken);
        }
    }

    /// <summary>
    /// A localization file with the configured short name: Teams shows a localized <c>name.short</c> instead of the
    /// manifest's, so a French user would otherwise see the default name.
    /// </summary>
    internal static JsonObject Localize(JsonObject localization, TeamsPackageRequest request)
    {
        ArgumentNullException.ThrowIfNull(localization);
        ArgumentNullException.ThrowIfNull(request);
        localization["name.short"] = request.ShortName!.Trim();
        return localization;
    }

    /// <summary>Puts the configured values in the manifest, after checking them.</summary>
    internal static void Apply(JsonObject manifest, TeamsPackageRequest request)
    {
        if (!Guid.TryParse(request.AppId, out var appId))
        {
            throw new ArgumentException("Teams:AppId (or --app-id) must be the bot registration's application (client) id, a GUID.", nameof(request));
        }

        var botId = appId;
        if (request.BotId is not null && !Guid.TryParse(request.BotId, out botId))
        {
            throw new ArgumentException("The bot id must be a GUID.", nameof(request));
        }

        manifest["id"] = appId.ToString();
        foreach (var bot in manifest["bots"]?.AsArray() ?? [])
        {
            bot!["botId"] = botId.ToString();
        }

        if (!string.IsNullOrWhiteSpace(request.ShortName))
        {
            var name = request.ShortName.Trim();
            if (name.Length > 30)
            {
                throw new ArgumentException($"Teams:AppName (or --name) has {name.Length} characters; Teams allows 30.", nameof(request));
            }

            manifest["name"]!["short"] = name;
        }

        if (!string.IsNullOrWhiteSpace(request.Domain))
        {
            var domain = request.Domain.Trim();
            if (Uri.CheckHostName(domain) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
            {
                throw new ArgumentException($"Teams:Domain (or --domain) must be a host name such as bot.example.com, not '{domain}'.", nameof(request));
            }

            manifest["validDomains"] = new JsonArray(domain);
            var developer = manifest["developer"]!.AsObject();
            developer["websiteUrl"] = $"https://{domain}";
            developer["privacyUrl"] = $"https://{domain}/privacy";
            developer["termsOfUseUrl"] = $"https://{domain}/terms";
        }

        SignInToTabs(manifest, botId, request.Domain?.Trim());

        if (LegalUrl(request.PrivacyUrl, "Legal:PrivacyUrl") is { } privacy)
        {
            manifest["developer"]!["privacyUrl"] = privacy;
        }

        if (LegalUrl(request.TermsUrl, "Legal:TermsUrl") is { } terms)
        {
            manifest["developer"]!["termsOfUseUrl"] = terms;
        }
    }

    /// <summary>
    /// The tabs (the studio) open on the configured host, and their single sign-on names the bot's Entra app:
    /// <c>webApplicationInfo</c> is its id and its application id URI <c>api://{domain}/{id}</c>, the audience of the
    /// tokens Teams gives the tab.
    /// </summary>
    private static void SignInToTabs(JsonObject manifest, Guid appId, string? domain)
    {
        foreach (var tab in manifest["staticTabs"]?.AsArray() ?? [])
        {
            foreach (var field in new[] { "contentUrl", "websiteUrl" })
            {
                if (!string.IsNullOrEmpty(domain) && tab?[field]?.GetValue<string>() is { } url)
                {
                    tab[field] = WithHost(url, domain);
                }
            }
        }

        if (manifest["webApplicationInfo"] is JsonObject application)
        {
            var host = string.IsNullOrEmpty(domain) ? new Uri(application["resource"]!.GetValue<string>()).Host : domain;
            application["id"] = appId.ToString();
            application["resource"] = $"api://{host}/{appId}";
        }
    }

    /// <summary><paramref name="url"/> on <paramref name="domain"/>; by hand, as Uri would escape the <c>{locale}</c> Teams fills in.</summary>
    private static string WithHost(string url, string domain)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = url.IndexOf('/', start);
        return url[..start] + domain + (end < 0 ? string.Empty : url[end..]);
    }

    /// <summary>A configured legal page, checked: Teams accepts https addresses only.</summary>
    private static string? LegalUrl(string? value, string setting)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"{setting} must be an absolute https address (Teams accepts no other); it is '{value}'.", setting);
        }

        return url.AbsoluteUri;
    }

    /// <summary>The icons and localization files a manifest names.</summary>
    private static IEnumerable<string> ReferencedFiles(JsonObject manifest)
    {
        foreach (var icon in new[] { "color", "outline" })
        {
            if (manifest["icons"]?[icon]?.GetValue<string>() is { } file)
            {
                yield return file;
            }
        }

        foreach (var file in LocalizationFiles(manifest))
        {
            yield return file;
        }
    }

    /// <summary>The localization files of the manifest's additional languages.</summary>
    private static IEnumerable<string> LocalizationFiles(JsonObject manifest)
    {
        foreach (var language in manifest["localizationInfo"]?["additionalLanguages"]?.AsArray() ?? [])
        {
            if (language?["file"]?.GetValue<string>() is { } file)
            {
                yield return file;
            }
        }
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
    }
}
