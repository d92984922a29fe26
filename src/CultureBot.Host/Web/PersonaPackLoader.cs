using CultureBot.Content;
using CultureBot.Content.Verbatims;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Web;

/// <summary>
/// At start (after the migrations): imports the packs of <c>Content:Packs</c> as the default packs (a changed file
/// replaces its pack; a malformed one stops the host with its file, line and field), places the sample packs
/// (<see cref="SamplePacks"/>: a default in each language that has none of its own, with their verbatims when first
/// added; none with <c>Content:Samples=false</c>), reads the configured onboarding
/// journeys against the packs (a malformed one stops the host too), then serves every stored pack: the defaults, and
/// each organization's own (<c>culturebot pack import --org</c>).
/// </summary>
internal sealed partial class PersonaPackLoader(
    PackImporter importer,
    VerbatimImporter verbatims,
    IPackStore store,
    PersonaDirectory directory,
    ServedPacks served,
    IOptions<ContentOptions> options,
    ILogger<PersonaPackLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var file in options.Value.Packs)
        {
            await ImportAsync(file, cancellationToken);
        }

        var samples = SamplePacks.Shipped();
        var plan = SamplePacks.For(options.Value.Samples, samples, await store.ListAsync(cancellationToken));
        foreach (var (slug, reason) in plan.Remove)
        {
            await store.RemoveAsync(null, slug, cancellationToken);
            LogSampleRemoved(logger, slug, reason);
        }

        foreach (var sample in plan.Load)
        {
            if (await ImportAsync(sample.File, cancellationToken) == PackImportOutcome.Added)
            {
                await ImportSampleVerbatimsAsync(sample.Pack.Language, cancellationToken);
            }
        }

        await served.ReloadAsync(cancellationToken);
        foreach (var pack in directory.Packs)
        {
            LogServing(logger, pack.Slug, pack.Language, pack.Personas.Count, pack.Owner);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<PackImportOutcome> ImportAsync(string file, CancellationToken cancellationToken)
    {
        var imported = await importer.ImportAsync(file, null, cancellationToken);
        foreach (var warning in imported.Warnings)
        {
            LogWarning(logger, warning);
        }

        LogImported(logger, imported.Pack.Slug, imported.Outcome, imported.Version, file);
        return imported.Outcome;
    }

    /// <summary>
    /// The sample verbatims of a language (NAME.LANG.csv) come with its sample pack, to every organization: its own
    /// come beside them. Sample lines have no date, so they count as this week's; those already there are skipped.
    /// </summary>
    private async Task ImportSampleVerbatimsAsync(string language, CancellationToken cancellationToken)
    {
        foreach (var file in ContentOptions.SampleVerbatims.Where(f => VerbatimLanguage.FromFileName(f) == language))
        {
            var imported = await verbatims.ImportAsync(OrganizationKey.Samples, file, null, language, null, cancellationToken);
            LogVerbatims(logger, imported.Added, file);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Persona pack: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Persona pack {Slug}: {Outcome} (version {Version}) from {File}")]
    private static partial void LogImported(ILogger logger, string slug, PackImportOutcome outcome, string version, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample persona pack {Slug} taken out: {Reason}")]
    private static partial void LogSampleRemoved(ILogger logger, string slug, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample verbatims: {Count} imported from {File}")]
    private static partial void LogVerbatims(ILogger logger, int count, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving persona pack {Slug} ({Language}, {Count} personas) to {Organization} (none: the default, for every organization without its own)")]
    private static partial void LogServing(ILogger logger, string slug, string language, int count, Core.Conversations.OrganizationKey? organization);
}
