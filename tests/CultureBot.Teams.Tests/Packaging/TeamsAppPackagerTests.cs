using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CultureBot.Teams.Packaging;
using CultureBot.Testing;

namespace CultureBot.Teams.Tests.Packaging;

public sealed class TeamsAppPackagerTests : IDisposable
{
    private const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private readonly string _directory = Directory.CreateTempSubdirectory("teams-package-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Manifests => Path.Combine(PeerTools.RepoRoot, "manifests", "teams");

    private async Task<string> PackAsync(string? appId = AppId, string? name = null, string? domain = "bot.contoso.com", string file = "app.zip")
    {
        var path = Path.Combine(_directory, file);
        await TeamsAppPackager.WriteAsync(new TeamsPackageRequest(Manifests, appId, null, name, domain), path, CancellationToken.None);
        return path;
    }

    [Fact]
    public async Task The_package_holds_the_manifest_with_the_configured_ids_and_its_icons_at_the_root()
    {
        using var zip = ZipFile.OpenRead(await PackAsync(name: "Culture Contoso"));

        Assert.Equal(["color.png", "fr.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("Culture Contoso", manifest["name"]!["short"]!.GetValue<string>());
        Assert.Equal("bot.contoso.com", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.Equal("https://bot.contoso.com/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_studio_is_a_personal_tab_on_the_configured_host_with_single_sign_on_for_the_bots_app()
    {
        using var zip = ZipFile.OpenRead(await PackAsync());
        var manifest = await ReadAsync(zip, "manifest.json");
        var french = await ReadAsync(zip, "fr.json");

        var tab = Assert.Single(manifest["staticTabs"]!.AsArray())!;
        Assert.Equal("Studio", tab["name"]!.GetValue<string>());
        Assert.Equal("https://bot.contoso.com/admin/teams?culture={locale}", tab["contentUrl"]!.GetValue<string>());
        Assert.Equal("https://bot.contoso.com/admin/", tab["websiteUrl"]!.GetValue<string>());
        Assert.Equal(["personal"], tab["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(AppId, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal($"api://bot.contoso.com/{AppId}", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.Equal("Studio", french["staticTabs[0].name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_manifest_lists_english_commands_and_the_french_localization_translates_every_one()
    {
        using var zip = ZipFile.OpenRead(await PackAsync());
        var manifest = await ReadAsync(zip, "manifest.json");
        var french = (await ReadAsync(zip, "fr.json")).AsObject();
        var english = Words("en");
        var frenchWords = Words("fr");

        Assert.Equal("en", manifest["localizationInfo"]!["defaultLanguageTag"]!.GetValue<string>());
        Assert.Equal("fr.json", manifest["localizationInfo"]!["additionalLanguages"]![0]!["file"]!.GetValue<string>());
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var list = 0; list < lists.Count; list++)
        {
            var commands = lists[list]!["commands"]!.AsArray();
            for (var command = 0; command < commands.Count; command++)
            {
                var key = $"bots[0].commandLists[{list}].commands[{command}]";
                Assert.True(IsCommand(commands[command]!["title"]!.GetValue<string>(), english), key);
                Assert.True(french.ContainsKey($"{key}.title") && french.ContainsKey($"{key}.description"), $"{key} is not in fr.json");
                Assert.True(IsCommand(french[$"{key}.title"]!.GetValue<string>(), frenchWords), $"{key}: '{french[$"{key}.title"]}' is not a French command");
            }
        }
    }

    [Fact]
    public async Task The_french_localization_is_in_french_and_carries_the_configured_name()
    {
        using var zip = ZipFile.OpenRead(await PackAsync(name: "Culture Contoso"));
        var french = await ReadAsync(zip, "fr.json");

        Assert.Equal("Culture Contoso", french["name.short"]!.GetValue<string>());
        Assert.Contains("nos clients", french["name.full"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Personas, verbatims et rituels clients", french["description.short"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("aide", french["bots[0].commandLists[0].commands[0].title"]!.GetValue<string>());
        Assert.Equal("Ce que CultureBot sait faire", french["bots[0].commandLists[0].commands[0].description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Configured_legal_pages_replace_the_hosts_own()
    {
        var path = Path.Combine(_directory, "legal.zip");
        await TeamsAppPackager.WriteAsync(
            new TeamsPackageRequest(Manifests, AppId, null, null, "bot.contoso.com", "https://contoso.com/privacy/culturebot", "https://contoso.com/terms"),
            path,
            CancellationToken.None);
        using var zip = ZipFile.OpenRead(path);
        var developer = (await ReadAsync(zip, "manifest.json"))["developer"]!;

        Assert.Equal("https://contoso.com/privacy/culturebot", developer["privacyUrl"]!.GetValue<string>());
        Assert.Equal("https://contoso.com/terms", developer["termsOfUseUrl"]!.GetValue<string>());
        Assert.Equal("https://bot.contoso.com", developer["websiteUrl"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("http://contoso.com/privacy", null, "Legal:PrivacyUrl")]
    [InlineData(null, "/terms", "Legal:TermsUrl")]
    public async Task Legal_pages_must_be_https_addresses(string? privacy, string? terms, string setting)
    {
        var request = new TeamsPackageRequest(Manifests, AppId, null, null, null, privacy, terms);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TeamsAppPackager.WriteAsync(request, Path.Combine(_directory, "x.zip"), CancellationToken.None));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> ReadAsync(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return JsonNode.Parse(await reader.ReadToEndAsync())!;
    }

    /// <summary>The command words of a language file (cards/strings/LANG.json), by route.</summary>
    private static IReadOnlyList<string> Words(string language)
    {
        var strings = JsonNode.Parse(File.ReadAllText(Path.Combine(PeerTools.RepoRoot, "cards", "strings", $"{language}.json")))!;
        return [.. strings["commands"]!.AsObject().SelectMany(route => route.Value!.AsArray().Select(w => w!.GetValue<string>()))];
    }

    /// <summary>A title the bot understands: a command word, or a command word then a sub-command word.</summary>
    private static bool IsCommand(string title, IReadOnlyList<string> words) =>
        words.Contains(title) || words.Any(w => title.StartsWith(w + " ", StringComparison.Ordinal) && words.Contains(title[(w.Length + 1)..]));

    [Fact]
    public async Task The_same_inputs_give_the_same_bytes()
    {
        var first = await File.ReadAllBytesAsync(await PackAsync(file: "a.zip"));
        await Task.Delay(1100);
        var second = await File.ReadAllBytesAsync(await PackAsync(file: "b.zip"));

        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
    }

    [Theory]
    [InlineData(null, null, null, "Teams:AppId")]
    [InlineData("not-a-guid", null, null, "Teams:AppId")]
    [InlineData(AppId, "A name much longer than thirty characters", null, "Teams:AppName")]
    [InlineData(AppId, null, "https://bot.contoso.com/", "Teams:Domain")]
    public async Task Bad_inputs_are_refused_naming_the_setting(string? appId, string? name, string? domain, string setting)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PackAsync(appId, name, domain));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The manifest through <c>teams-manifest-validate</c>, the French file through Microsoft's localization schema
    /// (<see cref="LocalizationSchema"/>: the tool cannot compile that schema, so the manifest goes to it with its
    /// <c>localizationInfo</c> kept but its language list emptied, which the tool then checks as any other field).
    /// </summary>
    [SkippableFact]
    public async Task The_package_passes_microsofts_manifest_and_localization_schemas()
    {
        PeerTools.Require();
        var unpacked = Path.Combine(_directory, "unpacked");
        await ZipFile.ExtractToDirectoryAsync(await PackAsync(name: "Culture Contoso"), unpacked);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(unpacked, "manifest.json")))!.AsObject();
        var languages = manifest["localizationInfo"]!["additionalLanguages"]!.AsArray();
        Assert.Equal("fr", Assert.Single(languages)!["languageTag"]!.GetValue<string>());
        var french = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(unpacked, languages[0]!["file"]!.GetValue<string>())))!.AsObject();
        // The studio's tab and its single sign-on are part of what the schemas check.
        Assert.Single(manifest["staticTabs"]!.AsArray());
        Assert.NotNull(manifest["webApplicationInfo"]);
        Assert.True(french.ContainsKey("staticTabs[0].name"));
        languages.Clear();
        await File.WriteAllTextAsync(Path.Combine(unpacked, "manifest.json"), manifest.ToJsonString());

        var run = await PeerTools.RunAsync("teams-manifest-validate", [unpacked]);
        var problems = LocalizationSchema.Validate(french, manifest["manifestVersion"]!.GetValue<string>());

        Assert.True(run.ExitCode == 0 && run.Stdout.Contains("result: OK: 0 error(s), 0 warning(s)", StringComparison.Ordinal), run.ToString());
        Assert.Empty(problems);
    }

    [SkippableFact]
    public void The_localization_check_finds_what_microsofts_schema_forbids()
    {
        PeerTools.Require();
        var bad = new JsonObject
        {
            ["name.short"] = new string('x', 31),
            ["name.full"] = "CultureBot",
            ["description.short"] = "Personas",
            ["bots[0].commandLists[0].commands[10].title"] = "aide",
        };

        var problems = LocalizationSchema.Validate(bad, "1.17");

        Assert.Contains(problems, p => p.StartsWith("name.short: 31 characters, at most 30", StringComparison.Ordinal));
        Assert.Contains("missing required property \"description.full\"", problems);
        Assert.Contains("unknown property \"bots[0].commandLists[0].commands[10].title\"", problems);
    }
}
