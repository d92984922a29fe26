using CultureBot.Host.Cli;
using CultureBot.Host.Tests.Support;
using CultureBot.Testing;

namespace CultureBot.Host.Tests.Cli;

/// <summary><c>culturebot pack list | show | remove | export</c> on a real SQLite database: one owner's pack at a time, never another's.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class PackCommandsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("culturebot-pack-cli-").FullName;

    private string Database => $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "packs.db")}";

    private static string SamplePack(string language) => Path.Combine(PeerTools.RepoRoot, "content", "packs", $"velo-vert.{language}.yaml");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<(int Status, string Out, string Error)> RunAsync(params string[] args) =>
        CapturedConsole.RunAsync(() => CultureBotCommandLine.RunAsync([.. args, Database]));

    private string Pack(string slug, string id, string name, string language = "en")
    {
        var file = Path.Combine(_directory, $"{slug}-{id}.yaml");
        File.WriteAllText(file, $$"""
            # {{name}}'s pack: this comment and the field order come back with an export.
            pack: {{slug}}
            organization: Acme
            language: {{language}}
            personas:
              - id: {{id}}
                name: {{name}}
                tagline: "{{name}}, in a few words"
            questions:
              - id: size
                text: How big is the customer?
                answers:
                  - text: Small
                    personas: { {{id}}: 1 }
            """);
        return file;
    }

    [Fact]
    public async Task List_show_and_remove_reach_one_owners_pack_and_never_another_with_the_same_slug()
    {
        Assert.Equal(0, (await RunAsync("pack", "import", SamplePack("en"))).Status);
        Assert.Equal(0, (await RunAsync("pack", "import", "--org", "teams:tenant-a", Pack("acme-en", "arthur", "Arthur the Artisan"))).Status);
        Assert.Equal(0, (await RunAsync("pack", "import", "--org", "slack:T0B", Pack("acme-en", "gaelle", "Gaëlle the Planner"))).Status);

        var (listed, all, _) = await RunAsync("pack", "list");
        var (_, ofA, _) = await RunAsync("pack", "list", "--org", "teams:tenant-a");
        var (shown, sheet, _) = await RunAsync("pack", "show", "acme-en", "--org", "slack:T0B");
        var (notDefault, _, notDefaultError) = await RunAsync("pack", "show", "acme-en");
        var (removed, removedOut, _) = await RunAsync("pack", "remove", "acme-en", "--org", "teams:tenant-a");
        var (again, _, againError) = await RunAsync("pack", "remove", "acme-en", "--org", "teams:tenant-a");
        var (_, after, _) = await RunAsync("pack", "list");
        var (badOrg, _, badOrgError) = await RunAsync("pack", "show", "acme-en", "--org", "tenant-a");

        Assert.Equal((0, 0, 2, 0, 2, 2), (listed, shown, notDefault, removed, again, badOrg));
        var rows = Rows(all);
        Assert.Equal(["OWNER", "SLUG", "LANGUAGE", "PERSONAS", "VERSION", "IMPORTED"], rows[0]);
        Assert.Equal(["default", "velo-vert-en", "(sample)", "en", "4"], rows[1][..5]);
        Assert.Equal(["slack:T0B", "acme-en", "en", "1"], rows[2][..4]);
        Assert.Equal(["teams:tenant-a", "acme-en", "en", "1"], rows[3][..4]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d UTC$", string.Join(' ', rows[3][^3..]));
        Assert.Equal(2, Rows(ofA).Count);
        Assert.Contains("gaelle", sheet, StringComparison.Ordinal);
        Assert.Contains("Gaëlle the Planner", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("Arthur", sheet, StringComparison.Ordinal);
        Assert.Contains("Key questions (1):", sheet, StringComparison.Ordinal);
        Assert.Contains("size: How big is the customer? (1 answers)", sheet, StringComparison.Ordinal);
        Assert.Contains("No pack 'acme-en' among the default packs. There: velo-vert-en. 'acme-en' is stored for --org slack:T0B and --org teams:tenant-a.", notDefaultError, StringComparison.Ordinal);
        Assert.Contains("acme-en: removed (teams:tenant-a)", removedOut, StringComparison.Ordinal);
        Assert.Contains("No pack 'acme-en' of teams:tenant-a's own. There is none. 'acme-en' is stored for --org slack:T0B.", againError, StringComparison.Ordinal);
        Assert.Equal([["default", "velo-vert-en"], ["slack:T0B", "acme-en"]], Rows(after).Skip(1).Select(r => r[..2]));
        Assert.Contains("--org 'tenant-a' is not an organization", badOrgError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_back_the_imported_text_which_imports_again_as_the_same_pack()
    {
        var original = Pack("acme-fr", "arthur", "Arthur l'artisan", "fr");
        var exported = Path.Combine(_directory, "exported.yaml");
        await RunAsync("pack", "import", "--org", "teams:tenant-a", original);

        var (written, _, writtenError) = await RunAsync("pack", "export", "acme-fr", "--org", "teams:tenant-a", "--out", exported);
        var (printed, stdout, _) = await RunAsync("pack", "export", "acme-fr", "--org", "teams:tenant-a");
        var (reimported, same, _) = await RunAsync("pack", "import", "--org", "teams:tenant-a", exported);
        var (elsewhere, added, _) = await RunAsync("pack", "import", "--org", "slack:T0B", exported);
        var (missing, _, missingError) = await RunAsync("pack", "export", "acme-fr");

        Assert.Equal((0, 0, 0, 0, 2), (written, printed, reimported, elsewhere, missing));
        Assert.Equal(await File.ReadAllBytesAsync(original), await File.ReadAllBytesAsync(exported));
        Assert.Equal(await File.ReadAllTextAsync(original), stdout);
        Assert.Contains($"written to {exported}", writtenError, StringComparison.Ordinal);
        Assert.StartsWith("acme-fr: unchanged for teams:tenant-a (fr, 1 personas, 1 key questions, version ", same, StringComparison.Ordinal);
        Assert.StartsWith("acme-fr: added for slack:T0B", added, StringComparison.Ordinal);
        var versions = Rows((await RunAsync("pack", "list")).Out).Skip(1).Select(r => r[4]).ToList();
        Assert.Single(versions.Distinct());
        Assert.Contains("No pack 'acme-fr' among the default packs. There is none.", missingError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_sample_pack_says_it_comes_back_unless_the_samples_are_off()
    {
        await RunAsync("pack", "import", SamplePack("fr"));
        await RunAsync("pack", "import", SamplePack("en"));

        var (removed, _, note) = await RunAsync("pack", "remove", "velo-vert-fr");
        var (off, _, noNote) = await RunAsync("pack", "remove", "velo-vert-en", "--Content:Samples=false");
        var (_, empty, _) = await RunAsync("pack", "list");

        Assert.Equal((0, 0), (removed, off));
        Assert.Contains("velo-vert-fr is a sample pack: the host stores it again at its next start while no other default pack speaks fr. To keep the samples out, set Content:Samples=false", note, StringComparison.Ordinal);
        Assert.DoesNotContain("sample pack", noNote, StringComparison.Ordinal);
        Assert.StartsWith("No pack stored.", empty, StringComparison.Ordinal);
    }

    private static List<string[]> Rows(string table) =>
        [.. table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
}
