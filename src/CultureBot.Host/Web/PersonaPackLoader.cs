using CultureBot.Content;
using CultureBot.Content.Verbatims;
using CultureBot.Core.Conversations;
using CultureBot.Core.Verbatims;
using CultureBot.Core.Personas;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Web;

/// <summary>
/// At start (after the migrations): imports the packs of <c>Content:Packs</c> as the default packs (a changed file
/// replaces its pack; a malformed one stops the host with its file, line and field), imports the sample packs as the
/// defaults when there are none yet (with the sample verbatims on an empty database), reads the configured onboarding
/// journeys against the packs (a malformed one stops the host too), then serves every stored pack: the defaults, and
/// each organization's own (<c>culturebot pack import --org</c>).
/// </summary>
internal sealed partial class PersonaPackLoader(
    PackImporter importer,
    VerbatimImporter verbatims,
    IVerbatimStore verbatimStore,
    IPackStore store,
    PersonaDirectory directory,
    Onboarding.ConfiguredJourneys journeys,
    IOptions<ContentOptions> options,
    ILogger<PersonaPackLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var firstStart = options.Value.Packs.Count == 0 && !(await store.ListAsync(cancellationToken)).Any(p => p.Owner is null);
        var files = options.Value.Packs.Count > 0 ? options.Value.Packs.ToList() : firstStart ? [.. ContentOptions.SamplePacks] : [];
        foreach (var file in files)
        {
            var imported = await importer.ImportAsync(file, null, cancellationToken);
            foreach (var warning in imported.Warnings)
            {
                LogWarning(logger, warning);
            }

            LogImported(logger, imported.Pack.Slug, imported.Outcome, imported.Version, file);
        }

        if (firstStart && await verbatimStore.CountAsync(OrganizationKey.Samples, cancellationToken) == 0)
        {
            foreach (var file in ContentOptions.SampleVerbatims)
            {
                // NAME.LANG.csv: the language is the file's; sample lines have no date, so they count as this week's.
                // They go with the sample pack, to every organization: its own verbatims come beside them.
                var language = Path.GetExtension(Path.GetFileNameWithoutExtension(file)).TrimStart('.');
                var imported = await verbatims.ImportAsync(OrganizationKey.Samples, file, null, language, null, cancellationToken);
                LogVerbatims(logger, imported.Added, file);
            }
        }

        var packs = await importer.LoadAllAsync(cancellationToken);
        journeys.Load(packs);
        directory.Replace(packs);
        foreach (var pack in directory.Packs)
        {
            LogServing(logger, pack.Slug, pack.Language, pack.Personas.Count, pack.Owner);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Persona pack: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Persona pack {Slug}: {Outcome} (version {Version}) from {File}")]
    private static partial void LogImported(ILogger logger, string slug, PackImportOutcome outcome, string version, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample verbatims: {Count} imported from {File}")]
    private static partial void LogVerbatims(ILogger logger, int count, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving persona pack {Slug} ({Language}, {Count} personas) to {Organization} (none: the default, for every organization without its own)")]
    private static partial void LogServing(ILogger logger, string slug, string language, int count, Core.Conversations.OrganizationKey? organization);
}
