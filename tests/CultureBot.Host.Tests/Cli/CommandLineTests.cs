using System.IO.Compression;
using CultureBot.Host.Cli;
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
    public async Task An_unknown_command_is_refused_rather_than_serving()
    {
        Assert.Equal(2, await CultureBotCommandLine.RunAsync(["frobnicate"]));
    }
}

/// <summary>Tests that swap the console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
