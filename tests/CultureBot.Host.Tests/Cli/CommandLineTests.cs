using System.IO.Compression;
using CultureBot.Core.Conversations;
using CultureBot.Data;
using CultureBot.Host.Cli;
using CultureBot.Host.Tests.Support;
using CultureBot.Testing;

namespace CultureBot.Host.Tests.Cli;

/// <summary><c>culturebot</c> with a command runs it and exits with a status.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("culturebot-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Teams_package_writes_the_zip_from_the_options()
    {
        var output = Path.Combine(_directory, "out", "culturebot.zip");

        var status = await CultureBotCommandLine.RunAsync(
            ["teams", "package", "--app-id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "--domain", "bot.contoso.com", "--out", output,
             "--manifest-dir", Path.Combine(PeerTools.RepoRoot, "manifests", "teams")]);

        Assert.Equal(0, status);
        using var zip = ZipFile.OpenRead(output);
        Assert.NotNull(zip.GetEntry("manifest.json"));
    }

    [Fact]
    public async Task Teams_package_holds_the_french_localization_and_the_configured_legal_pages()
    {
        var output = Path.Combine(_directory, "legal.zip");

        var status = await CultureBotCommandLine.RunAsync(
            ["teams", "package", "--app-id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "--domain", "bot.contoso.com", "--out", output,
             "--manifest-dir", Path.Combine(PeerTools.RepoRoot, "manifests", "teams"), "--Legal:PrivacyUrl=https://contoso.com/privacy"]);

        Assert.Equal(0, status);
        using var zip = ZipFile.OpenRead(output);
        using var french = new StreamReader(zip.GetEntry("fr.json")!.Open());
        Assert.Contains("\"Ce que CultureBot sait faire\"", await french.ReadToEndAsync(), StringComparison.Ordinal);
        using var manifest = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = await manifest.ReadToEndAsync();
        Assert.Contains("\"privacyUrl\": \"https://contoso.com/privacy\"", text, StringComparison.Ordinal);
        Assert.Contains("\"termsOfUseUrl\": \"https://bot.contoso.com/terms\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_package_without_an_app_id_fails_naming_the_setting()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var status = await CultureBotCommandLine.RunAsync(["teams", "package", "--out", Path.Combine(_directory, "x.zip"), "--manifest-dir", Path.Combine(PeerTools.RepoRoot, "manifests", "teams")]);

            Assert.Equal(2, status);
            Assert.Contains("Teams:AppId", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    [Fact]
    public async Task Keys_certificate_writes_a_certificate_the_host_accepts_and_never_overwrites_one()
    {
        var path = Path.Combine(_directory, "keys", "ring.pfx");

        var (status, output, _) = await RunCapturedAsync("keys", "certificate", "--out", path, "--password", "pfx-password");
        var (again, _, error) = await RunCapturedAsync("keys", "certificate", "--out", path);

        Assert.Equal(0, status);
        Assert.Contains("DataProtection:CertificatePath=", output, StringComparison.Ordinal);
        Assert.True(CultureBot.Host.Web.KeyRingProtection.Load(new() { CertificatePath = path, CertificatePassword = "pfx-password" }).IsProtected);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Equal(2, again);
        Assert.Contains("exists", error, StringComparison.Ordinal);
    }

    private static Task<(int Status, string Out, string Error)> RunCapturedAsync(params string[] args) =>
        CapturedConsole.RunAsync(() => CultureBotCommandLine.RunAsync(args));

    [Fact]
    public async Task Cards_check_passes_on_the_repository_catalog()
    {
        var (status, output, error) = await RunCapturedAsync("cards", "check", "--cards", Path.Combine(PeerTools.RepoRoot, "cards"));

        Assert.True(status == 0, error);
        Assert.Contains("no problem", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_check_fails_naming_the_file_and_the_reason()
    {
        var cards = Path.Combine(_directory, "cards");
        foreach (var folder in new[] { "teams", "slack", "samples", "strings" })
        {
            Directory.CreateDirectory(Path.Combine(cards, folder));
        }

        await File.WriteAllTextAsync(Path.Combine(cards, "strings", "en.json"), "{}");
        await File.WriteAllTextAsync(Path.Combine(cards, "strings", "fr.json"), "{}"); // each language file is checked
        await File.WriteAllTextAsync(Path.Combine(cards, "samples", "big.json"), "{\"n\": 60}");
        await File.WriteAllTextAsync(Path.Combine(cards, "teams", "big.json"), "{\"type\":\"AdaptiveCard\",\"version\":\"1.6\",\"body\":[]}");
        await File.WriteAllTextAsync(Path.Combine(cards, "slack", "big.json"), "{\"blocks\":[{\"$data\":\"${range}\",\"type\":\"divider\"}],\"text\":\"${string(n)}\"}");
        await File.WriteAllTextAsync(Path.Combine(cards, "samples", "big.json"), "{\"n\": 60, \"range\": [" + string.Join(',', Enumerable.Range(0, 60)) + "]}");

        var (status, _, error) = await RunCapturedAsync("cards", "check", "--cards", cards);

        Assert.Equal(1, status);
        Assert.Contains(Path.Combine("teams", "big.json") + " (en): version 1.6 is newer than 1.5", error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("slack", "big.json") + " (fr): 60 blocks; a message holds 50", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_expand_prints_the_card_in_the_chosen_language()
    {
        var cards = Path.Combine(PeerTools.RepoRoot, "cards");

        var (status, output, error) = await RunCapturedAsync("cards", "expand", Path.Combine(cards, "teams", "help.json"), Path.Combine(cards, "samples", "help.json"), "--lang", "fr");

        Assert.True(status == 0, error);
        Assert.Equal("AdaptiveCard", System.Text.Json.Nodes.JsonNode.Parse(output)!["type"]!.GetValue<string>());
        Assert.Contains("Les commandes de CultureBot", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbatims_import_keeps_the_good_lines_names_the_bad_ones_and_adds_nothing_the_second_time()
    {
        var sample = Path.Combine(PeerTools.RepoRoot, "tests", "CultureBot.Content.Tests", "TestData", "verbatims", "retours-clients.fr.csv");
        var database = $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "verbatims.db")}";

        var (status, output, error) = await RunCapturedAsync("verbatims", "import", sample, "--org", "teams:tenant-a", database);
        var (again, secondOutput, _) = await RunCapturedAsync("verbatims", "import", sample, "--org", "teams:tenant-a", database);
        var (other, otherOutput, _) = await RunCapturedAsync("verbatims", "import", sample, "--org", "slack:T0WORKSPACE", database);

        Assert.Equal(1, status);
        Assert.Equal("read=5 added=5 duplicates=1 redacted=2 errors=3", output.Trim());
        Assert.Contains("retours-clients.fr.csv:8: date: '31/02/2026' is not a date", error, StringComparison.Ordinal);
        Assert.Equal(1, again);
        Assert.Equal("read=5 added=0 duplicates=6 redacted=2 errors=3", secondOutput.Trim());
        Assert.Equal((1, "read=5 added=5 duplicates=1 redacted=2 errors=3"), (other, otherOutput.Trim())); // another organization's own copy
    }

    [Fact]
    public async Task Verbatims_assign_hands_the_verbatims_of_no_known_organization_to_one()
    {
        var database = $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "assign.db")}";

        var (status, output, _) = await RunCapturedAsync("verbatims", "assign", "--org", "slack:T0WORKSPACE", database);

        Assert.Equal((0, "assigned=0 org=slack:T0WORKSPACE"), (status, output.Trim()));
    }

    [Fact]
    public async Task Verbatims_import_without_an_organization_shares_them_and_refuses_an_organization_it_cannot_read()
    {
        var sample = Path.Combine(PeerTools.RepoRoot, "tests", "CultureBot.Content.Tests", "TestData", "verbatims", "retours-clients.fr.csv");
        var database = $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "shared.db")}";

        var (shared, sharedOutput, _) = await RunCapturedAsync("verbatims", "import", sample, database);
        var (wrong, _, wrongError) = await RunCapturedAsync("verbatims", "import", sample, "--org", "tenant-a");

        Assert.Equal((1, "read=5 added=5 duplicates=1 redacted=2 errors=3"), (shared, sharedOutput.Trim()));
        await using var db = new Database(Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "shared.db")}" }));
        var store = new SqlVerbatimStore(db);
        Assert.Equal(5, (await store.ListAsync(new OrganizationKey(Platforms.Slack, "T0ANY"), "fr", DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None)).Count);
        Assert.Equal(2, wrong);
        Assert.Contains("expected teams:TENANT or slack:TEAM", wrongError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_lists_what_was_set_aside_with_its_error_and_retries_or_drops_it_by_id()
    {
        var path = Path.Combine(_directory, "queues.db");
        var database = $"--Storage:ConnectionString=Data Source={path}";
        var (empty, emptyOutput, _) = await RunCapturedAsync("queue", "list", database);
        await using var store = new CultureBot.Data.Database(Microsoft.Extensions.Options.Options.Create(new CultureBot.Data.StorageOptions { Provider = "Sqlite", ConnectionString = $"Data Source={path}" }));
        var queue = new CultureBot.Data.SqlWorkQueue(store);
        var at = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        var poison = await queue.EnqueueAsync("outbox", "{}", at, CancellationToken.None);
        var command = await queue.EnqueueAsync("slack-inbound", "{}", at, CancellationToken.None);
        await queue.EnqueueAsync("outbox", "{}", at, CancellationToken.None);
        await queue.FailAsync(poison, "gave up after 10 attempts: InvalidOperationException: the card\ndoes not render", at.AddMinutes(5), CancellationToken.None);
        await queue.FailAsync(command, "The node must be of type 'JsonObject'.", at.AddMinutes(6), CancellationToken.None);

        var (listed, output, _) = await RunCapturedAsync("queue", "list", database);
        var (retried, retryOutput, _) = await RunCapturedAsync("queue", "retry", poison.ToString(System.Globalization.CultureInfo.InvariantCulture), database);
        var (dropped, _, _) = await RunCapturedAsync("queue", "drop", command.ToString(System.Globalization.CultureInfo.InvariantCulture), database);
        var (missing, _, missingError) = await RunCapturedAsync("queue", "drop", command.ToString(System.Globalization.CultureInfo.InvariantCulture), database);
        var (after, afterOutput, _) = await RunCapturedAsync("queue", "list", "--queue", "outbox", database);

        Assert.Equal((0, 0, 0, 0, 1, 0), (empty, listed, retried, dropped, missing, after));
        Assert.Contains("Nothing set aside.", emptyOutput, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("outbox", StringComparison.Ordinal) && l.Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(["outbox", "1", "0", "1"]));
        Assert.Contains(lines, l => l.StartsWith($"{poison} ", StringComparison.Ordinal) && l.Contains("2026-11-22 09:05", StringComparison.Ordinal)
            && l.EndsWith("gave up after 10 attempts: InvalidOperationException: the card does not render", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{command} ", StringComparison.Ordinal) && l.Contains("slack-inbound", StringComparison.Ordinal));
        Assert.Contains($"Item {poison} back in its queue.", retryOutput, StringComparison.Ordinal);
        Assert.Contains($"No set-aside item {command}", missingError, StringComparison.Ordinal);
        Assert.Contains("Nothing set aside.", afterOutput, StringComparison.Ordinal);
        Assert.Contains(afterOutput.Split('\n', StringSplitOptions.TrimEntries), l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(["outbox", "2", "1", "0"]));
    }

    [Fact]
    public async Task Verbatims_import_refuses_a_mapping_to_an_unknown_field()
    {
        var sample = Path.Combine(PeerTools.RepoRoot, "tests", "CultureBot.Content.Tests", "TestData", "verbatims", "retours-clients.fr.csv");
        var (status, _, error) = await RunCapturedAsync("verbatims", "import", sample, "--org", "slack:T1", "--map", "Comment=mood");

        Assert.Equal(2, status);
        Assert.Contains("'mood' is not a field", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_generate_prints_every_question_as_json_in_the_packs_language()
    {
        var (status, output, error) = await RunCapturedAsync(
            "quiz", "generate", "--pack", Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.fr.yaml"),
            "--verbatims", Path.Combine(PeerTools.RepoRoot, "content", "verbatims", "velo-vert.fr.csv"), "--json");

        Assert.True(status == 0, error);
        var questions = System.Text.Json.Nodes.JsonNode.Parse(output)!.AsArray();
        Assert.Equal(
            ["how-to-talk-to", "what-does-x-expect", "which-persona", "who-said-this"],
            questions.Select(q => q!["type"]!.GetValue<string>()).Distinct().Order());
        var question = questions.First(q => q!["type"]!.GetValue<string>() == "who-said-this")!;
        Assert.StartsWith("Qui a dit cela ?", question["prompt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(question["answer"]!.GetValue<string>(), question["options"]![question["answerIndex"]!.GetValue<int>()]!.GetValue<string>());
        Assert.NotEmpty(question["explanation"]!.AsArray());
    }

    [Fact]
    public async Task Onboarding_plan_prints_the_dated_cards_at_nine_local_across_the_spring_change_of_time()
    {
        var (status, output, error) = await RunCapturedAsync(
            "onboarding", "plan", "--pack", Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.fr.yaml"),
            "--start", "2026-03-27", "--tz", "Europe/Paris", "--days", "3", "--holiday", "2026-03-31");

        Assert.True(status == 0, error);
        var lines = output.Trim().Split('\n').Skip(1).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("Fri 2026-03-27  09:00 UTC+01:00 2026-03-27 08:00Z intro", lines[0], StringComparison.Ordinal);
        Assert.Contains("Mon 2026-03-30  09:00 UTC+02:00 2026-03-30 07:00Z persona: Camille", lines[1], StringComparison.Ordinal);
        Assert.Contains("Wed 2026-04-01", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Onboarding_plan_refuses_an_unknown_time_zone_naming_the_option()
    {
        var (status, _, error) = await RunCapturedAsync(
            "onboarding", "plan", "--pack", Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.fr.yaml"), "--start", "2026-03-27", "--tz", "Mars/Olympus");

        Assert.Equal(2, status);
        Assert.Contains("--tz: 'Mars/Olympus' is not a time zone", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_generate_names_the_broken_pack()
    {
        var pack = Path.Combine(_directory, "broken.yaml");
        await File.WriteAllTextAsync(pack, "pack: x\npersonas:\n  - name: No id\n");

        var (status, _, error) = await RunCapturedAsync("quiz", "generate", "--pack", pack);

        Assert.Equal(2, status);
        Assert.Contains("broken.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_refused_rather_than_serving()
    {
        Assert.Equal(2, await CultureBotCommandLine.RunAsync(["frobnicate"]));
    }

    [Fact]
    public async Task An_unknown_option_is_refused_naming_the_valid_ones_rather_than_running_with_the_defaults()
    {
        var (status, output, error) = await RunCapturedAsync(
            "onboarding", "plan", "--pack", Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.fr.yaml"), "--start", "2026-03-27", "--dayz", "3");

        Assert.Equal(2, status);
        Assert.Empty(output);
        Assert.Equal("unknown option --dayz: 'culturebot onboarding plan' takes --pack, --journey, --start, --tz, --days, --holiday, --help, --data", error.Trim());
    }

    [Fact]
    public async Task An_argument_the_command_does_not_take_is_refused()
    {
        var (status, output, error) = await RunCapturedAsync(
            "onboarding", "plan", "--pack", Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.fr.yaml"), "--start", "2026-03-27", "extra");

        Assert.Equal((2, string.Empty), (status, output));
        Assert.Equal("unexpected argument 'extra': run 'culturebot onboarding plan --help'", error.Trim());
    }

    [Fact]
    public async Task An_unknown_option_is_not_taken_for_a_file()
    {
        var (status, _, error) = await RunCapturedAsync("pack", "import", "--overwrite", Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.fr.yaml"), "--data", _directory);

        Assert.Equal(2, status);
        Assert.StartsWith("unknown option --overwrite: 'culturebot pack import' takes --org", error.Trim(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "culturebot.db")));
    }

    [Theory]
    [InlineData("--Storage:DataDirectory", true)]
    [InlineData("--Storage:DataDirectory", false)]
    [InlineData("--storage:datadirectory", true)]
    [InlineData("--data", false)]
    [InlineData("--data", true)]
    public async Task Settings_are_taken_like_the_servers_anywhere_on_the_line_and_the_database_is_named(string name, bool joined)
    {
        var data = Path.Combine(_directory, "data dir");
        string[] written = joined ? [$"{name}={data}"] : [name, data];

        var (before, _, beforeError) = await RunCapturedAsync([.. written, "queue", "list"]);
        var (after, output, afterError) = await RunCapturedAsync(["queue", "list", .. written]);

        Assert.Equal((0, 0), (before, after));
        Assert.Contains("Nothing set aside.", output, StringComparison.Ordinal);
        var location = $"database: SQLite, {Path.Combine(data, "culturebot.db")}";
        Assert.Equal((location, location), (beforeError.Trim(), afterError.Trim()));
        Assert.True(File.Exists(Path.Combine(data, "culturebot.db")));
    }

    [Fact]
    public async Task A_setting_without_its_value_is_refused()
    {
        var (status, _, error) = await RunCapturedAsync("queue", "list", "--Storage:DataDirectory");

        Assert.Equal(2, status);
        Assert.Contains("--Storage:DataDirectory needs a value", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pack_with_a_yaml_syntax_error_is_one_line_with_its_file_and_line()
    {
        var pack = Path.Combine(_directory, "broken.yaml");
        await File.WriteAllTextAsync(pack, "pack: x\npersonas:\n  - id: a\n    name: [unclosed\n");

        var (status, _, error) = await RunCapturedAsync("pack", "import", pack, "--data", _directory);

        Assert.Equal(2, status);
        var lines = error.Trim().Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal($"database: SQLite, {Path.Combine(_directory, "culturebot.db")}", lines[0]);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(pack)}:\d+: \(YAML\): ", Assert.Single(lines.Skip(1)));
    }

    [Fact]
    public async Task A_typo_in_a_pack_field_is_named_with_the_field_it_was_meant_for()
    {
        var pack = Path.Combine(_directory, "typo.yaml");
        var text = await File.ReadAllTextAsync(Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.en.yaml"));
        await File.WriteAllTextAsync(pack, text.Replace("    irritants:", "    iritants:", StringComparison.Ordinal));

        var (status, _, error) = await RunCapturedAsync("pack", "import", pack, "--data", _directory);

        Assert.Equal(0, status);
        Assert.Contains("iritants: unknown field, ignored (did you mean irritants?)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_eval_gives_its_figures_per_kind_when_the_set_labels_its_paraphrases_and_names_a_bad_line()
    {
        var set = Path.Combine(_directory, "set.jsonl");
        await File.WriteAllLinesAsync(set,
        [
            """{"id":"a","pack":"velo-vert-en","persona":"camille","hard":false,"text":"Rides her bike to work every day and needs it repaired fast when it breaks."}""",
            """{"id":"b","pack":"velo-vert-en","persona":"famille-martin","hard":false,"text":"Parents looking for bikes for their two children and a trailer for weekend outings."}""",
            """{"id":"c","pack":"velo-vert-en","persona":"camille","hard":true,"text":"Came in soaked for the third time this week and asked what would keep her going all winter."}""",
            """{"id":"d","pack":"palmes-et-rando","persona":"quentin","text":"Skipped: another pack."}""",
        ]);
        var broken = Path.Combine(_directory, "broken.jsonl");
        await File.WriteAllLinesAsync(broken, ["""{"id":"a","persona":"camille","text":"fine"}""", "", """{"id":"b", persona: camille}"""]);
        var pack = Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.en.yaml");

        var (status, output, _) = await RunCapturedAsync("match", "eval", "--pack", pack, "--set", set);
        var (brokenStatus, brokenOutput, brokenError) = await RunCapturedAsync("match", "eval", "--pack", pack, "--set", broken);

        Assert.Equal(0, status);
        var lines = output.Trim().Split('\n');
        Assert.Matches(@"^kind=hard top1=[01]\.\d{3} top3=[01]\.\d{3} n=1$", lines[^3].Trim());
        Assert.Matches(@"^kind=plain top1=[01]\.\d{3} top3=[01]\.\d{3} n=2$", lines[^2].Trim());
        Assert.StartsWith("top1=", lines[^1], StringComparison.Ordinal);
        Assert.Contains(" n=3 ", lines[^1], StringComparison.Ordinal);
        Assert.Equal((2, string.Empty), (brokenStatus, brokenOutput));
        Assert.StartsWith($"{broken}:3: not a JSON object", brokenError.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finder_eval_says_how_often_guessing_customers_end_on_their_persona()
    {
        var pack = Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.en.yaml");

        var (status, output, error) = await RunCapturedAsync("finder", "eval", "--pack", pack, "--runs", "50");
        var (exact, exactOutput, _) = await RunCapturedAsync("finder", "eval", "--pack", pack, "--runs", "10", "--noise", "0");

        Assert.True(status == 0, error);
        Assert.Matches(@"^pack=velo-vert-en personas=4 questions_in_pack=3 noise=0\.20 runs=200 right_first=0\.\d{3} right=[01]\.\d{3} questions=\d\.\d\d rejections=0\.\d\d$", output.Trim());
        Assert.Equal(0, exact);
        Assert.Contains("right_first=1.000 right=1.000", exactOutput, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> MissingFiles => new()
    {
        { ["pack", "import", "{dir}/nowhere.yaml"], "{dir}/nowhere.yaml: no such file" },
        { ["pack", "import", "{dir}"], "{dir}: is a directory, not a file" },
        { ["onboarding", "plan", "--pack", "{dir}/nowhere.yaml", "--start", "2026-03-27"], "{dir}/nowhere.yaml: no such file" },
        { ["onboarding", "plan", "--pack", "{dir}", "--start", "2026-03-27"], "{dir}: is a directory, not a file" },
        { ["match", "eval", "--pack", "{repo}/content/packs/velo-vert.en.yaml", "--set", "{dir}/nowhere.jsonl"], "{dir}/nowhere.jsonl: no such file" },
        { ["finder", "eval", "--pack", "{dir}/nowhere.yaml"], "{dir}/nowhere.yaml: no such file" },
        { ["verbatims", "import", "{dir}/nowhere.csv"], "{dir}/nowhere.csv: no such file" },
        { ["quiz", "generate", "--pack", "{repo}/content/packs/velo-vert.en.yaml", "--verbatims", "{dir}/nowhere.csv"], "{dir}/nowhere.csv: no such file" },
    };

    [Theory]
    [MemberData(nameof(MissingFiles))]
    public async Task A_missing_file_or_a_directory_given_as_a_file_is_one_line_and_exit_code_2(string[] args, string expected)
    {
        string Expand(string text) => text.Replace("{dir}", _directory, StringComparison.Ordinal).Replace("{repo}", PeerTools.RepoRoot, StringComparison.Ordinal);

        var (status, output, error) = await RunCapturedAsync([.. args.Select(Expand), "--data", _directory]);

        Assert.Equal(2, status);
        Assert.Empty(output);
        Assert.Equal(Expand(expected), error.Trim());
        Assert.False(File.Exists(Path.Combine(_directory, "culturebot.db")), "refused before opening the database");
    }
}

/// <summary>Tests that swap the console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
