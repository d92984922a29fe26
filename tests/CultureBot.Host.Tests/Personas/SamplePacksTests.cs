using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;
using CultureBot.Core.Verbatims;
using CultureBot.Host.Cli;
using CultureBot.Host.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Personas;

/// <summary>
/// The sample packs fill each language that has no default pack of its own, and <c>Content:Samples=false</c> takes
/// them out for good: the host started for real on one SQLite database, again and again.
/// </summary>
public sealed class SamplePacksTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("culturebot-samples-").FullName;

    private string Database => $"Data Source={Path.Combine(_directory, "samples.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static StoredPack Stored(string slug, string language, OrganizationKey? owner = null) =>
        new(slug, null, language, "v1", $"{slug}.yaml", $"pack: {slug}", At, owner);

    [Fact]
    public void A_sample_is_loaded_for_each_language_no_other_default_pack_speaks()
    {
        var samples = SamplePacks.Shipped();
        var tenant = new OrganizationKey(Platforms.Teams, "tenant-a");

        var empty = SamplePacks.For(true, samples, []);
        var english = SamplePacks.For(true, samples, [Stored("velo-vert-en", "en"), Stored("velo-vert-fr", "fr"), Stored("acme-en", "en-GB")]);
        var tenantOnly = SamplePacks.For(true, samples, [Stored("acme-fr", "fr", tenant)]);
        var off = SamplePacks.For(false, samples, [Stored("velo-vert-en", "en"), Stored("acme-en", "en")]);

        Assert.Equal(["velo-vert-en", "velo-vert-fr"], samples.Select(s => s.Pack.Slug).Order());
        Assert.Equal(["velo-vert-en", "velo-vert-fr"], empty.Load.Select(s => s.Pack.Slug).Order());
        Assert.Equal(["velo-vert-fr"], english.Load.Select(s => s.Pack.Slug));
        Assert.Equal([("velo-vert-en", "the default pack acme-en speaks en")], english.Remove);
        Assert.Equal(2, tenantOnly.Load.Count); // an organization's own pack is no default: the others still need the sample
        Assert.Empty(off.Load);
        Assert.Equal([("velo-vert-en", "Content:Samples is false")], off.Remove);
    }

    [Fact]
    public async Task Importing_an_english_pack_keeps_the_french_sample_and_samples_off_keeps_them_out_at_every_start()
    {
        var pack = Path.Combine(_directory, "acme.en.yaml");
        await File.WriteAllTextAsync(pack, "pack: acme-en\nlanguage: en\npersonas:\n  - id: arthur\n    name: Arthur\n");
        Assert.Equal(0, await CultureBotCommandLine.RunAsync(["pack", "import", pack, $"--Storage:ConnectionString={Database}"]));

        var first = await ServedAsync();
        var off = await ServedAsync("--Content:Samples=false");
        var stillOff = await ServedAsync("--Content:Samples=false");
        var on = await ServedAsync();

        Assert.Equal(["acme-en", "velo-vert-fr"], first.Packs);
        Assert.True(first.SampleVerbatims > 0);
        Assert.Equal(["acme-en"], off.Packs);
        Assert.Equal(["acme-en"], stillOff.Packs);
        Assert.Equal(["acme-en", "velo-vert-fr"], on.Packs);
    }

    [Fact]
    public async Task A_sample_stored_before_a_pack_of_its_language_was_imported_gives_way_at_the_next_start()
    {
        var first = await ServedAsync();
        var pack = Path.Combine(_directory, "acme.fr.yaml");
        await File.WriteAllTextAsync(pack, "pack: acme-fr\nlanguage: fr\npersonas:\n  - id: arthur\n    name: Arthur\n");
        Assert.Equal(0, await CultureBotCommandLine.RunAsync(["pack", "import", pack, $"--Storage:ConnectionString={Database}"]));

        var next = await ServedAsync();

        Assert.Equal(["velo-vert-en", "velo-vert-fr"], first.Packs);
        Assert.Equal(["acme-fr", "velo-vert-en"], next.Packs);
    }

    /// <summary>Starts the host on the test database and returns the packs it serves and how many sample verbatims it stores.</summary>
    private async Task<(IReadOnlyList<string> Packs, int SampleVerbatims)> ServedAsync(params string[] settings)
    {
        await using var app = BotHost.Build(["--urls=http://127.0.0.1:0", $"--Storage:ConnectionString={Database}", .. settings]);
        await app.StartAsync();
        var packs = app.Services.GetRequiredService<PersonaDirectory>().Packs.Select(p => p.Slug).Order(StringComparer.Ordinal).ToList();
        var verbatims = await app.Services.GetRequiredService<IVerbatimStore>().ListOwnAsync(OrganizationKey.Samples, CancellationToken.None);
        await app.StopAsync();
        return (packs, verbatims.Count);
    }
}
