using CultureBot.Core.Conversations;
using CultureBot.Core.Verbatims;

namespace CultureBot.Content.Verbatims;

/// <summary>The outcome of an import, as the command line reports it.</summary>
/// <param name="Read">Valid lines read.</param>
/// <param name="Added">New verbatims stored.</param>
/// <param name="Duplicates">Lines skipped as already seen (in the file or in the store).</param>
/// <param name="Redacted">Verbatims whose text had personal data removed.</param>
/// <param name="Errors">Refused lines, each with its line and field.</param>
public sealed record VerbatimImport(int Read, int Added, int Duplicates, int Redacted, IReadOnlyList<VerbatimLineError> Errors)
{
    /// <summary>The headers not recognised nor mapped: their cells were not stored.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>The language given to the lines without a language cell, and why; null when every line had its own.</summary>
    public LanguageChoice? Language { get; init; }

    /// <summary>Each persona the file names (as written), with the number of verbatims naming it.</summary>
    public IReadOnlyDictionary<string, int> Personas { get; init; } = new Dictionary<string, int>();
}

/// <summary>Reads a CSV file of verbatims and stores its valid lines for one organization; a bad line never costs the good ones.</summary>
public sealed class VerbatimImporter(IVerbatimStore store, TimeProvider clock)
{
    /// <param name="defaultLanguage">The language of lines without a language cell; null to take it from the file's name, else its words.</param>
    /// <param name="progress">Receives the fraction of the file read (0 to 1) as its lines are read.</param>
    public async Task<VerbatimImport> ImportAsync(OrganizationKey organization, string path, IReadOnlyDictionary<string, string>? mapping, string? defaultLanguage, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await ImportAsync(organization, stream, Path.GetFileName(path), mapping, defaultLanguage, progress, cancellationToken);
    }

    /// <summary>
    /// The same import from <paramref name="stream"/> (an upload), <paramref name="fileName"/> naming it in messages and
    /// giving its language (<c>NAME.en.csv</c>) as a file's name does. Every valid line is stored in one transaction, after
    /// the whole file is read: a file refused whole (no header, no text column) stores nothing.
    /// </summary>
    public async Task<VerbatimImport> ImportAsync(OrganizationKey organization, Stream stream, string fileName, IReadOnlyDictionary<string, string>? mapping, string? defaultLanguage, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var csv = VerbatimCsvReader.Read(stream, fileName, mapping, defaultLanguage, progress);
        var added = await store.AddAsync(organization, csv.Verbatims, clock.GetUtcNow(), cancellationToken);
        return new VerbatimImport(csv.Verbatims.Count, added, csv.Duplicates + (csv.Verbatims.Count - added), csv.Redacted, csv.Errors)
        {
            IgnoredColumns = csv.IgnoredColumns,
            Language = csv.Language,
            Personas = csv.Verbatims.Where(v => v.PersonaId is not null).GroupBy(v => v.PersonaId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        };
    }
}
