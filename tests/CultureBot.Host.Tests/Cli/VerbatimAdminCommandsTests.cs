using System.Text.Json.Nodes;
using CultureBot.Host.Cli;
using CultureBot.Host.Tests.Support;
using CultureBot.Testing;

namespace CultureBot.Host.Tests.Cli;

/// <summary>
/// <c>culturebot verbatims list | delete | export</c> and what <c>verbatims import</c> now says (the language and why,
/// the columns and personas it could not place), on a real SQLite database, one owner at a time.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class VerbatimAdminCommandsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("culturebot-verbatims-cli-").FullName;

    private string Database => $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "verbatims.db")}";

    private static string English => Path.Combine(PeerTools.RepoRoot, "content", "verbatims", "velo-vert.en.csv");

    private static string French => Path.Combine(PeerTools.RepoRoot, "tests", "CultureBot.Content.Tests", "TestData", "verbatims", "retours-clients.fr.csv");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<(int Status, string Out, string Error)> RunAsync(params string[] args) =>
        CapturedConsole.RunAsync(() => CultureBotCommandLine.RunAsync([.. args, Database]));

    private async Task<JsonArray> ListJsonAsync(params string[] args)
    {
        var (status, output, error) = await RunAsync(["verbatims", "list", "--json", .. args]);
        Assert.True(status == 0, error);
        return JsonNode.Parse(output)!.AsArray();
    }

    [Fact]
    public async Task List_and_delete_reach_one_owners_verbatims_never_another_owners()
    {
        await RunAsync("verbatims", "import", English);
        await RunAsync("verbatims", "import", French, "--org", "teams:tenant-a");
        await RunAsync("verbatims", "import", French, "--org", "slack:T0B");

        var (listed, table, _) = await RunAsync("verbatims", "list");
        var camille = await ListJsonAsync("--org", "teams:tenant-a", "--persona", "CAMILLE");
        var ofA = await ListJsonAsync("--org", "teams:tenant-a");
        var id = ofA[0]!["id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (fromShared, _, fromSharedError) = await RunAsync("verbatims", "delete", id);
        var (fromB, _, _) = await RunAsync("verbatims", "delete", id, "--org", "slack:T0B");
        var (deleted, deletedOut, _) = await RunAsync("verbatims", "delete", id, "--org", "teams:tenant-a");

        Assert.Equal((0, 2, 2, 0), (listed, fromShared, fromB, deleted));
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(13, lines.Length);
        Assert.Equal("12 verbatims (shared).", lines[^1]);
        Assert.Contains(lines, l => l.Contains("en  ines", StringComparison.Ordinal) && l.EndsWith("Click and collect one hour after ordering, perfect between two meetings.", StringComparison.Ordinal));
        Assert.NotEmpty(camille);
        Assert.All(camille, v => Assert.Equal("camille", v!["persona"]!.GetValue<string>()));
        Assert.True(camille.Count < ofA.Count);
        Assert.Equal(5, ofA.Count);
        Assert.Contains($"No verbatim {id} among the shared verbatims", fromSharedError, StringComparison.Ordinal);
        Assert.Contains($"Verbatim {id} deleted (teams:tenant-a).", deletedOut, StringComparison.Ordinal);
        Assert.Equal(4, (await ListJsonAsync("--org", "teams:tenant-a")).Count);
        Assert.Equal(5, (await ListJsonAsync("--org", "slack:T0B")).Count);
        Assert.Equal(12, (await ListJsonAsync()).Count);
    }

    [Fact]
    public async Task Export_writes_a_csv_that_imports_into_another_organization_as_the_same_verbatims()
    {
        var file = Path.Combine(_directory, "out", "export.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await RunAsync("verbatims", "import", French, "--org", "teams:tenant-a");

        var (exported, summary, _) = await RunAsync("verbatims", "export", file, "--org", "teams:tenant-a");
        var (imported, importSummary, importError) = await RunAsync("verbatims", "import", file, "--org", "slack:T0B");

        Assert.Equal((0, 0), (exported, imported));
        Assert.Equal($"exported=5 file={file}", summary.Trim());
        Assert.Equal("read=5 added=5 duplicates=0 redacted=0 errors=0", importSummary.Trim());
        Assert.Contains("export.csv: language from each line's language column", importError, StringComparison.Ordinal);
        static IEnumerable<string> WithoutIds(JsonArray verbatims) => verbatims.Select(v => { var copy = v!.DeepClone().AsObject(); copy.Remove("id"); return copy.ToJsonString(); });
        Assert.Equal(WithoutIds(await ListJsonAsync("--org", "teams:tenant-a")), WithoutIds(await ListJsonAsync("--org", "slack:T0B")));
    }

    [Fact]
    public async Task Import_takes_the_language_from_the_file_name_else_the_words_and_says_which()
    {
        var named = Path.Combine(_directory, "feedback.en.csv");
        var unnamed = Path.Combine(_directory, "feedback.csv");
        var french = Path.Combine(_directory, "retours.csv");
        File.Copy(English, named);
        File.Copy(English, unnamed);
        await File.WriteAllTextAsync(french, "texte;persona\n\"Le vélo était prêt le lendemain, comme promis ; bravo à l'atelier.\";camille\nDix jours pour changer une chambre à air, c'est trop long.;camille\n");

        var (_, _, byName) = await RunAsync("verbatims", "import", named, "--org", "teams:tenant-a");
        var (_, _, byWords) = await RunAsync("verbatims", "import", unnamed, "--org", "slack:T0B");
        var (_, _, frenchWords) = await RunAsync("verbatims", "import", french, "--org", "slack:T0C");
        var (_, _, given) = await RunAsync("verbatims", "import", french, "--org", "slack:T0D", "--language", "en");

        Assert.Contains("feedback.en.csv: language en for the lines without a language cell: from the file name feedback.en.csv", byName, StringComparison.Ordinal);
        Assert.Contains("feedback.csv: language en for the lines without a language cell: detected from the words (0 French and ", byWords, StringComparison.Ordinal);
        Assert.Contains("retours.csv: language fr for the lines without a language cell: detected from the words (", frenchWords, StringComparison.Ordinal);
        Assert.Contains("retours.csv: language en for the lines without a language cell: given with --language", given, StringComparison.Ordinal);
        Assert.All(await ListJsonAsync("--org", "slack:T0B"), v => Assert.Equal("en", v!["language"]!.GetValue<string>()));
        Assert.All(await ListJsonAsync("--org", "slack:T0C"), v => Assert.Equal("fr", v!["language"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Import_names_the_columns_it_did_not_take_and_the_personas_no_pack_of_the_organization_has()
    {
        var survey = Path.Combine(_directory, "survey.en.csv");
        await File.WriteAllTextAsync(survey, "Comment,Segment,Mood\nThe shop was closed when I came.,Camile,bad\nGreat advice on the battery.,camille,good\nNobody answered the phone.,arthur,bad\n");
        var pack = Path.Combine(_directory, "acme.en.yaml");
        await File.WriteAllTextAsync(pack, "pack: acme-en\nlanguage: en\npersonas:\n  - id: arthur\n    name: Arthur\n");
        await RunAsync("pack", "import", "--org", "teams:tenant-a", pack);

        var (ignored, ignoredOut, ignoredError) = await RunAsync("verbatims", "import", survey, "--org", "slack:T0B");
        var (ofA, _, ofAError) = await RunAsync("verbatims", "import", "--map", "Segment=persona", "--org", "teams:tenant-a", survey);
        var (ofB, _, ofBError) = await RunAsync("verbatims", "import", "--map", "Segment=persona", "--org", "slack:T0C", survey);
        var (noSamples, _, noSamplesError) = await RunAsync("verbatims", "import", "--map", "Segment=persona", "--org", "slack:T0D", survey, "--Content:Samples=false");
        var unrecognised = Path.Combine(_directory, "unknown.en.csv");
        await File.WriteAllTextAsync(unrecognised, "Remark,Segment\nThe shop was closed.,camille\n");
        var (refused, refusedOut, refusedError) = await RunAsync("verbatims", "import", unrecognised);

        Assert.Equal((0, 0, 0, 0, 1), (ignored, ofA, ofB, noSamples, refused));
        Assert.Equal("read=3 added=3 duplicates=0 redacted=0 errors=0", ignoredOut.Trim());
        Assert.Contains("survey.en.csv:1: warning: columns not recognised, their cells not imported: Segment, Mood.", ignoredError, StringComparison.Ordinal);
        Assert.Contains("map one with --map \"Segment=FIELD\"", ignoredError, StringComparison.Ordinal);
        Assert.DoesNotContain("personas", ignoredError, StringComparison.Ordinal);
        Assert.Contains("columns not recognised, their cells not imported: Mood.", ofAError, StringComparison.Ordinal);
        // camille is in the sample pack every organization sees; arthur in tenant A's own pack alone.
        Assert.Contains("survey.en.csv: warning: personas in no pack of teams:tenant-a or the default packs, imported as written: 'Camile' (1 verbatim).", ofAError, StringComparison.Ordinal);
        Assert.Contains("personas in no pack of slack:T0C or the default packs, imported as written: 'arthur' (1 verbatim), 'Camile' (1 verbatim).", ofBError, StringComparison.Ordinal);
        Assert.Contains("imported as written: 'arthur' (1 verbatim), 'Camile' (1 verbatim), 'camille' (1 verbatim).", noSamplesError, StringComparison.Ordinal);
        Assert.Equal("read=0 added=0 duplicates=0 redacted=0 errors=1", refusedOut.Trim());
        Assert.Contains("unknown.en.csv:1: header: no column holds the text", refusedError, StringComparison.Ordinal);
        Assert.Contains("columns not recognised, their cells not imported: Remark, Segment.", refusedError, StringComparison.Ordinal);
    }
}
