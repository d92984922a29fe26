using CultureBot.Content;
using CultureBot.Core.Audit;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;
using CultureBot.Data;
using CultureBot.Data.Tests;
using CultureBot.Studio.Access;
using CultureBot.Studio.Personas;
using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Studio.Tests.Personas;

/// <summary>
/// A <see cref="PackEditor"/> on a real database with the shared default pack imported, served by a directory the
/// way the host serves it (every stored pack read again, then swapped in).
/// </summary>
internal sealed class StudioPacks : IAsyncDisposable
{
    public const string Slug = "acme-en";

    public const string DefaultPack = """
        pack: acme-en
        organization: Acme
        language: en
        personas:
          - id: nadia
            name: Nadia
            tagline: "Orders for forty people"
            satisfaction: 7
            irritants: ["Partial deliveries", "Out of stock without warning"]
          - id: tom
            name: Tom
            tagline: "Furnishes a new office this week"
        questions:
          - id: rhythm
            text: "How often does the customer order?"
            answers:
              - text: "Every week"
                personas: { nadia: 3 }
              - text: "Once, then rarely"
                personas: { tom: 3, nadia: 1 }
        """;

    public static readonly OrganizationKey A = new(Platforms.Teams, "tenant-a");
    public static readonly OrganizationKey B = new(Platforms.Slack, "T0B");

    private readonly TestDatabase _database;
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("culturebot-studio-").FullName;

    private StudioPacks(TestDatabase database)
    {
        _database = database;
        Store = new SqlPackStore(database.Database);
        Audit = new SqlAuditLog(database.Database);
        Importer = new PackImporter(Store, Clock);
        Editor = new PackEditor(Store, Directory, new ServedByDirectory(Importer, Directory), Audit, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    public SqlPackStore Store { get; }

    public SqlAuditLog Audit { get; }

    public PackImporter Importer { get; }

    public PersonaDirectory Directory { get; } = new([]);

    public PackEditor Editor { get; }

    public static StudioUser Owner(OrganizationKey organization, string name = "Alex") => new(organization, StudioRoles.Owner, name, IsLocal: false);

    public static StudioUser Viewer(OrganizationKey organization) => new(organization, StudioRoles.Viewer, "Vic", IsLocal: false);

    public static async Task<StudioPacks> StartAsync(StorageProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await database.Runner.MigrateAsync(CancellationToken.None);
        var packs = new StudioPacks(database);
        var file = Path.Combine(packs._directory, "acme.en.yaml");
        await File.WriteAllTextAsync(file, DefaultPack);
        await packs.Importer.ImportAsync(file, null, CancellationToken.None);
        await new ServedByDirectory(packs.Importer, packs.Directory).ReloadAsync(CancellationToken.None);
        return packs;
    }

    /// <summary>The persona as chat serves it to <paramref name="organization"/> now.</summary>
    public Persona? Served(OrganizationKey organization, string id) => Directory.Find(organization, Slug)?.Find(id);

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The host's reload without its onboarding journeys: what the editor's tests need of it.</summary>
    private sealed class ServedByDirectory(PackImporter importer, PersonaDirectory directory) : IServedPacks
    {
        public IReadOnlyList<string> Check(PersonaPack pack) => [];

        public async Task ReloadAsync(CancellationToken cancellationToken) => directory.Replace(await importer.LoadAllAsync(cancellationToken));
    }
}
