using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Host.Cli;
using CultureBot.Host.Tests.Support;

namespace CultureBot.Host.Tests.Personas;

/// <summary>
/// Packs per organization through the CLI and the real host: two Teams tenants import a pack of their own, each sees
/// only its own personas and map; a third tenant, with none, sees the default (sample) packs.
/// </summary>
public sealed class OrganizationPacksTests : IDisposable
{
    private const string TenantA = "aaaaaaaa-0000-4000-8000-00000000000a";
    private const string TenantB = "bbbbbbbb-0000-4000-8000-00000000000b";
    private const string TenantC = "cccccccc-0000-4000-8000-00000000000c";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly FakeConnector _connector = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("culturebot-org-packs-").FullName;

    private string Database => Path.Combine(_directory, "culturebot.db");

    public void Dispose()
    {
        _connector.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Each_organization_sees_only_its_own_pack_and_one_without_sees_the_default()
    {
        Assert.Equal(0, await ImportAsync($"teams:{TenantA}", Pack("acme-en", "Acme Tools", "arthur", "Arthur the Artisan")));
        Assert.Equal(0, await ImportAsync($"teams:{TenantB}", Pack("globex-en", "Globex Energy", "gaelle", "Gaëlle the Grid Planner")));
        // The same slug as A's, in French, for B alone: B's French pack, never A's.
        Assert.Equal(0, await ImportAsync($"teams:{TenantB}", Pack("acme-en", "Pas Acme", "norbert", "Norbert l'homonyme", "fr")));

        using var host = new BotHostFactory(new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={Database}" });
        var client = host.CreateClient();

        var a = await SayAsync(client, TenantA, "personas") + await SayAsync(client, TenantA, "map");
        var b = await SayAsync(client, TenantB, "personas") + await SayAsync(client, TenantB, "map");
        var c = await SayAsync(client, TenantC, "personas") + await SayAsync(client, TenantC, "map");
        var aFrench = await SayAsync(client, TenantA, "personas", "fr-FR");
        var bFrench = await SayAsync(client, TenantB, "personas", "fr-FR");

        Assert.Contains("Arthur the Artisan", a, StringComparison.Ordinal);
        Assert.Contains("Acme Tools", a, StringComparison.Ordinal);
        Assert.Contains("Gaëlle the Grid Planner", b, StringComparison.Ordinal);
        Assert.Contains("Globex Energy", b, StringComparison.Ordinal);
        Assert.Contains("Camille", c, StringComparison.Ordinal);
        Assert.Contains("Vélo Vert", c, StringComparison.Ordinal);
        // In French, A has no pack of its own: the default one. B has its own.
        Assert.Contains("Camille", aFrench, StringComparison.Ordinal);
        Assert.DoesNotContain("Norbert", aFrench, StringComparison.Ordinal);
        Assert.Contains("Norbert l'homonyme", bFrench, StringComparison.Ordinal);
        Assert.DoesNotContain("Camille", bFrench, StringComparison.Ordinal);
        foreach (var other in new[] { "Camille", "Gaëlle", "Globex", "Norbert" })
        {
            Assert.DoesNotContain(other, a, StringComparison.Ordinal);
        }

        foreach (var other in new[] { "Camille", "Arthur", "Acme", "Norbert" })
        {
            Assert.DoesNotContain(other, b, StringComparison.Ordinal);
        }

        foreach (var other in new[] { "Arthur", "Gaëlle", "Acme", "Globex", "Norbert" })
        {
            Assert.DoesNotContain(other, c, StringComparison.Ordinal);
        }

        // The map endpoint is not authenticated: it serves the default packs only, never an organization's own.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/packs/velo-vert-en/map.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/packs/acme-en/map.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/packs/globex-en/map.png")).StatusCode);
    }

    [Fact]
    public async Task Import_refuses_an_organization_it_cannot_read()
    {
        Assert.Equal(2, await ImportAsync("tenant-without-platform", Pack("acme-en", "Acme Tools", "arthur", "Arthur")));
        Assert.Equal(2, await ImportAsync("discord:123", Pack("acme-en", "Acme Tools", "arthur", "Arthur")));
    }

    private Task<int> ImportAsync(string organization, string pack) =>
        CultureBotCommandLine.RunAsync(["pack", "import", "--org", organization, pack, "--Storage:Provider=Sqlite", $"--Storage:ConnectionString=Data Source={Database}"]);

    private string Pack(string slug, string organization, string id, string name, string language = "en")
    {
        var file = Path.Combine(_directory, $"{slug}-{id}.yaml");
        File.WriteAllText(file, $$"""
            pack: {{slug}}
            organization: {{organization}}
            language: {{language}}
            map:
              x: { low: "Small", high: "Large" }
              y: { low: "Price first", high: "Service first" }
            personas:
              - id: {{id}}
                name: {{name}}
                tagline: "{{name}}, in a few words"
                map: { x: 0.3, y: 0.7 }
            """);
        return file;
    }

    /// <summary>What the bot answered <paramref name="text"/> from a personal chat in <paramref name="tenant"/>, as JSON text.</summary>
    private async Task<string> SayAsync(HttpClient client, string tenant, string text, string locale = "en-US")
    {
        var before = _connector.Calls.Count;
        var message = Activities.Message(_connector.ServiceUrl, text, locale, $"a:personal-{tenant}");
        message["conversation"]!["tenantId"] = tenant;
        message["channelData"]!["tenant"]!["id"] = tenant;
        (await Activities.PostAsync(client, message)).EnsureSuccessStatusCode();
        var answers = _connector.Calls.Skip(before).Where(c => c.Method == "POST" && c.Body is not null).Select(c => c.Body!.ToJsonString(Relaxed)).ToList();
        Assert.True(answers.Count > 0, $"no answer to '{text}' in {tenant}");
        return string.Concat(answers);
    }
}
