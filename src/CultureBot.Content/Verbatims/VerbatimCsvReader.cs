using System.Globalization;
using CsvHelper;
using CultureBot.Core.Bot;
using CultureBot.Core.Verbatims;

namespace CultureBot.Content.Verbatims;

/// <summary>One line the import could not take, and why.</summary>
public sealed record VerbatimLineError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}

/// <summary>What a file gave: the valid verbatims (redacted, deduplicated), the refused lines, the in-file duplicates.</summary>
public sealed record VerbatimCsv(IReadOnlyList<Verbatim> Verbatims, IReadOnlyList<VerbatimLineError> Errors, int Duplicates, int Redacted)
{
    /// <summary>The headers no field was recognised or mapped in: their cells are not stored, and the operator is told.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>The language given to the lines without a language cell, and why; null when every line had its own.</summary>
    public LanguageChoice? Language { get; init; }
}

/// <summary>
/// Reads verbatims from CSV as teams export them from spreadsheets and survey tools: comma or semicolon
/// (detected), UTF-8 with or without BOM, quoted cells over several lines, headers in English or French or
/// mapped by hand (<c>Comment=text</c>). A bad line is reported with its line number and field and the others
/// are kept; personal data is removed from every text column before anything else sees it.
/// </summary>
public static class VerbatimCsvReader
{
    /// <summary>The fields a column can map to.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["text", "persona", "kind", "stage", "source", "date", "channel", "language"];

    /// <summary>Header names understood without a mapping (folded: case and accents do not matter).</summary>
    private static readonly Dictionary<string, string> HeaderAliases = new(StringComparer.Ordinal)
    {
        ["text"] = "text", ["verbatim"] = "text", ["texte"] = "text", ["comment"] = "text", ["commentaire"] = "text",
        ["persona"] = "persona",
        ["kind"] = "kind", ["type"] = "kind", ["nature"] = "kind",
        ["stage"] = "stage", ["journey stage"] = "stage", ["etape"] = "stage", ["etape du parcours"] = "stage",
        ["source"] = "source", ["origine"] = "source",
        ["date"] = "date",
        ["channel"] = "channel", ["canal"] = "channel",
        ["language"] = "language", ["langue"] = "language", ["lang"] = "language",
    };

    private static readonly Dictionary<string, VerbatimKind> Kinds = new(StringComparer.Ordinal)
    {
        ["delight"] = VerbatimKind.Delight, ["delights"] = VerbatimKind.Delight, ["enchantement"] = VerbatimKind.Delight, ["satisfaction"] = VerbatimKind.Delight,
        ["irritant"] = VerbatimKind.Irritant, ["irritants"] = VerbatimKind.Irritant, ["irritation"] = VerbatimKind.Irritant,
        ["expectation"] = VerbatimKind.Expectation, ["expectations"] = VerbatimKind.Expectation, ["attente"] = VerbatimKind.Expectation, ["attentes"] = VerbatimKind.Expectation,
    };

    private static readonly Dictionary<string, VerbatimSource> Sources = new(StringComparer.Ordinal)
    {
        ["interview"] = VerbatimSource.Interview, ["entretien"] = VerbatimSource.Interview,
        ["committee"] = VerbatimSource.Committee, ["comite"] = VerbatimSource.Committee, ["comite clients"] = VerbatimSource.Committee,
        ["survey"] = VerbatimSource.Survey, ["enquete"] = VerbatimSource.Survey, ["questionnaire"] = VerbatimSource.Survey,
        ["review"] = VerbatimSource.Review, ["avis"] = VerbatimSource.Review,
        ["call"] = VerbatimSource.Call, ["appel"] = VerbatimSource.Call,
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy/MM/dd", "dd.MM.yyyy"];

    /// <param name="stream">The file's bytes.</param>
    /// <param name="file">Its name, for messages.</param>
    /// <param name="mapping">Column header → field, for headers the reader does not know.</param>
    /// <param name="defaultLanguage">
    /// The language of lines without a language cell; null to take it from the file's name (<c>NAME.en.csv</c>), else
    /// from its words (<see cref="VerbatimLanguage"/>).
    /// </param>
    /// <param name="progress">Receives the fraction of the file read (0 to 1), for a progress bar.</param>
    public static VerbatimCsv Read(Stream stream, string file, IReadOnlyDictionary<string, string>? mapping, string? defaultLanguage, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            AllowLineBreaksInQuotes = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };

        // CsvHelper detects the separator (comma or semicolon) and skips a UTF-8 byte order mark.
        using var csv = CsvReader.Create(stream, options, true);
        csv.ReadHeader();
        var errors = new List<VerbatimLineError>();
        if (csv.Headers is not { Count: > 0 } header)
        {
            errors.Add(new VerbatimLineError(file, 1, "header", "the file is empty: the first line must name the columns"));
            return new VerbatimCsv([], errors, 0, 0);
        }

        var columns = MapColumns(header, mapping, file, errors);
        var ignored = header.Where((_, i) => !columns.ContainsValue(i) && !string.IsNullOrWhiteSpace(header[i])).ToList();
        if (!columns.ContainsKey("text"))
        {
            errors.Add(new VerbatimLineError(file, 1, "header", $"no column holds the text: name one 'text' (or 'verbatim', 'texte'), or map it with --map \"COLUMN=text\" (columns: {string.Join(", ", header)})"));
            return new VerbatimCsv([], errors, 0, 0) { IgnoredColumns = ignored };
        }

        var verbatims = new List<Verbatim>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        var redacted = 0;
        var length = stream.CanSeek ? stream.Length : 0;
        while (csv.Read())
        {
            if (length > 0)
            {
                progress?.Report(Math.Min(1, (double)csv.ByteOffset / length));
            }

            var record = new string[csv.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = csv.GetString(i);
            }

            if (record.All(string.IsNullOrWhiteSpace) || ReadLine(record, columns, file, (int)csv.LineNumber, errors) is not { } verbatim)
            {
                continue;
            }

            var clean = verbatim.WithoutPersonalData();
            if (clean != verbatim)
            {
                redacted++;
                verbatim = clean;
            }

            if (!seen.Add(verbatim.Fingerprint))
            {
                duplicates++;
                continue;
            }

            verbatims.Add(verbatim);
        }

        progress?.Report(1);
        var unlabelled = verbatims.Where(v => v.Language.Length == 0).ToList();
        if (unlabelled.Count == 0)
        {
            return new VerbatimCsv(verbatims, errors, duplicates, redacted) { IgnoredColumns = ignored };
        }

        var choice = VerbatimLanguage.Choose(defaultLanguage, file, unlabelled.Select(v => v.Text));
        if (choice.Language is null)
        {
            errors.Add(new VerbatimLineError(file, 1, "language", $"{unlabelled.Count} lines without a language cell not imported: {choice.Reason}"));
        }

        IReadOnlyList<Verbatim> labelled = choice.Language is { } language
            ? [.. verbatims.Select(v => v.Language.Length == 0 ? v with { Language = language } : v)]
            : [.. verbatims.Where(v => v.Language.Length > 0)];
        return new VerbatimCsv(labelled, errors, duplicates, redacted) { IgnoredColumns = ignored, Language = choice };
    }

    /// <summary>Parses <c>COLUMN=field</c> options.</summary>
    public static IReadOnlyDictionary<string, string> ParseMapping(IEnumerable<string> options)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in options ?? [])
        {
            var separator = option.LastIndexOf('=');
            if (separator <= 0 || separator == option.Length - 1)
            {
                throw new ArgumentException($"--map '{option}': write COLUMN=FIELD, FIELD one of {string.Join(", ", Fields)}.");
            }

            var field = option[(separator + 1)..].Trim().ToLowerInvariant();
            if (!Fields.Contains(field))
            {
                throw new ArgumentException($"--map '{option}': '{field}' is not a field; use one of {string.Join(", ", Fields)}.");
            }

            mapping[TextMatching.Fold(option[..separator])] = field;
        }

        return mapping;
    }

    private static Dictionary<string, int> MapColumns(IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? mapping, string file, List<VerbatimLineError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var folded = TextMatching.Fold(header[i]);
            string? field = null;
            if (mapping is not null && mapping.TryGetValue(folded, out var mapped))
            {
                field = mapped;
            }
            else if (HeaderAliases.TryGetValue(folded, out var alias))
            {
                field = alias;
            }

            if (field is null)
            {
                continue;
            }

            if (!columns.TryAdd(field, i))
            {
                errors.Add(new VerbatimLineError(file, 1, field, $"two columns map to {field} ('{header[columns[field]]}' and '{header[i]}'): the first is used"));
            }
        }

        return columns;
    }

    /// <summary>One line as a verbatim; its language is empty when it has no language cell (the file's is chosen once all are read).</summary>
    private static Verbatim? ReadLine(string[] record, Dictionary<string, int> columns, string file, int line, List<VerbatimLineError> errors)
    {
        string? Cell(string field) =>
            columns.TryGetValue(field, out var index) && index < record.Length && !string.IsNullOrWhiteSpace(record[index]) ? record[index].Trim() : null;

        var text = Cell("text");
        if (text is null)
        {
            errors.Add(new VerbatimLineError(file, line, "text", "empty: a verbatim needs its words"));
            return null;
        }

        VerbatimKind? kind = null;
        if (Cell("kind") is { } kindText)
        {
            if (!Kinds.TryGetValue(TextMatching.Fold(kindText), out var k))
            {
                errors.Add(new VerbatimLineError(file, line, "kind", $"'{kindText}' is not a kind: use delight, irritant or expectation (enchantement, irritant, attente)"));
                return null;
            }

            kind = k;
        }

        VerbatimSource? source = null;
        if (Cell("source") is { } sourceText)
        {
            if (!Sources.TryGetValue(TextMatching.Fold(sourceText), out var s))
            {
                errors.Add(new VerbatimLineError(file, line, "source", $"'{sourceText}' is not a source: use interview, committee, survey, review or call (entretien, comité, enquête, avis, appel)"));
                return null;
            }

            source = s;
        }

        DateOnly? date = null;
        if (Cell("date") is { } dateText)
        {
            if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                errors.Add(new VerbatimLineError(file, line, "date", $"'{dateText}' is not a date: write 2026-11-22 or 22/11/2026"));
                return null;
            }

            date = d;
        }

        return new Verbatim
        {
            Text = text,
            PersonaId = Cell("persona"),
            Kind = kind,
            Stage = Cell("stage"),
            Source = source,
            Date = date,
            Channel = Cell("channel"),
            Language = Cell("language") is { } language ? VerbatimLanguage.Normalize(language) : string.Empty,
        };
    }
}
