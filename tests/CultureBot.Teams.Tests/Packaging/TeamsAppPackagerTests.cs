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

        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("Culture Contoso", manifest["name"]!["short"]!.GetValue<string>());
        Assert.Equal("bot.contoso.com", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.Equal("https://bot.contoso.com/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Commands_are_listed_in_english_and_french_for_every_scope()
    {
        using var zip = ZipFile.OpenRead(await PackAsync());
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var lists = JsonNode.Parse(await reader.ReadToEndAsync())!["bots"]![0]!["commandLists"]!.AsArray();

        Assert.All(lists, list =>
        {
            var titles = list!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
            Assert.Contains("help", titles);
            Assert.Contains("aide", titles);
            Assert.Contains("about", titles);
            Assert.Contains("à propos", titles);
        });
    }

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

    [SkippableFact]
    public async Task The_package_passes_microsofts_manifest_validation()
    {
        PeerTools.Require();
        var zip = await PackAsync();

        var run = await PeerTools.RunAsync("teams-manifest-validate", [zip]);

        Assert.True(run.ExitCode == 0 && run.Stdout.Contains("result: OK: 0 error(s), 0 warning(s)", StringComparison.Ordinal), run.ToString());
    }
}
