using System.Globalization;
using System.Text.RegularExpressions;
using CultureBot.Core.Personas;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CultureBot.Content;

/// <summary>
/// Reads a persona pack (YAML, format version 1). Every problem is collected with its file, line and field,
/// and a pack with any is refused whole; unknown fields are warnings (a newer format, a comment-like key).
/// </summary>
public sealed partial class PackReader
{
    private static readonly HashSet<string> PackFields = ["pack", "organization", "language", "sector", "updated", "map", "personas", "questions"];
    private static readonly HashSet<string> PersonaFields =
    [
        "id", "name", "photo", "tagline", "role", "profile", "values", "purchase_process", "channels", "purchases", "satisfaction",
        "usages", "expectations", "delights", "irritants", "verbatim", "promise", "posture", "sector_rubrics", "map",
    ];

    private readonly string _file;
    private readonly List<string> _problems = [];
    private readonly List<string> _warnings = [];

    private PackReader(string file) => _file = file;

    /// <summary>A pack and what was odd but acceptable in it.</summary>
    public sealed record Result(PersonaPack Pack, IReadOnlyList<string> Warnings);

    public static Result ReadFile(string path) => Parse(File.ReadAllText(path), path);

    /// <exception cref="PackFormatException">The pack is malformed; the message lists every problem.</exception>
    public static Result Parse(string yaml, string file)
    {
        var reader = new PackReader(file);
        var pack = reader.ReadDocument(yaml);
        if (reader._problems.Count > 0 || pack is null)
        {
            throw new PackFormatException(reader._problems.Count > 0 ? reader._problems : [$"{file}: the pack is empty"]);
        }

        return new Result(pack, reader._warnings);
    }

    private PersonaPack? ReadDocument(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            Problem(e.Start, "(YAML)", e.InnerException?.Message ?? e.Message);
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Problem(stream.Documents.FirstOrDefault()?.RootNode.Start ?? Mark.Empty, "(root)", "the pack must be a mapping with pack, personas...");
            return null;
        }

        Unknown(root, PackFields, string.Empty);
        var slug = Slug(root, "pack", "pack");
        var personas = Sequence(root, "personas", "personas", required: true)
            .Select((node, i) => ReadPersona(node, $"personas[{i}]"))
            .OfType<Persona>()
            .ToList();
        foreach (var duplicate in personas.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            Problem(root.Start, "personas", $"the id '{duplicate.Key}' is used by {duplicate.Count()} personas; ids are unique in a pack");
        }

        var ids = personas.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var questions = Sequence(root, "questions", "questions", required: false)
            .Select((node, i) => ReadQuestion(node, $"questions[{i}]", ids))
            .OfType<KeyQuestion>()
            .ToList();

        var updatedText = Scalar(root, "updated", "updated");
        DateOnly? updated = null;
        if (updatedText is not null)
        {
            if (DateOnly.TryParseExact(updatedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                updated = date;
            }
            else
            {
                Problem(root.Children[new YamlScalarNode("updated")].Start, "updated", $"'{updatedText}' is not a date written yyyy-MM-dd");
            }
        }

        return slug is null ? null : new PersonaPack
        {
            Slug = slug,
            Organization = Scalar(root, "organization", "organization"),
            Language = Scalar(root, "language", "language") ?? "en",
            Sector = Scalar(root, "sector", "sector"),
            Updated = updated,
            Map = ReadMap(root),
            Personas = personas,
            Questions = questions,
        };
    }

    private Persona? ReadPersona(YamlNode node, string at)
    {
        if (node is not YamlMappingNode persona)
        {
            Problem(node.Start, at, "a persona must be a mapping with at least id and name");
            return null;
        }

        Unknown(persona, PersonaFields, at + ".");
        var id = Slug(persona, "id", at + ".id", allowUnderscore: true);
        var name = Scalar(persona, "name", at + ".name", required: true);
        var satisfactionText = Scalar(persona, "satisfaction", at + ".satisfaction");
        double? satisfaction = null;
        if (satisfactionText is not null)
        {
            if (double.TryParse(satisfactionText, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 10)
            {
                satisfaction = s;
            }
            else
            {
                Problem(persona.Children[new YamlScalarNode("satisfaction")].Start, at + ".satisfaction", $"'{satisfactionText}' is not a number from 0 to 10");
            }
        }

        var rubrics = new List<KeyValuePair<string, string>>();
        if (Child(persona, "sector_rubrics") is { } rubricNode)
        {
            if (rubricNode is YamlMappingNode rubricMap)
            {
                foreach (var (key, value) in rubricMap.Children)
                {
                    if (value is YamlScalarNode { Value: { } text } && key is YamlScalarNode { Value: { } title })
                    {
                        rubrics.Add(new(title, text));
                    }
                    else
                    {
                        Problem(value.Start, $"{at}.sector_rubrics", "each sector rubric is a title and a text");
                    }
                }
            }
            else
            {
                Problem(rubricNode.Start, $"{at}.sector_rubrics", "must be a mapping of rubric titles to texts");
            }
        }

        (double X, double Y)? position = null;
        if (Child(persona, "map") is YamlMappingNode mapNode)
        {
            var x = Number(mapNode, "x", $"{at}.map.x", -1, 1);
            var y = Number(mapNode, "y", $"{at}.map.y", -1, 1);
            if (x is not null && y is not null)
            {
                position = (x.Value, y.Value);
            }
        }
        else if (Child(persona, "map") is { } wrong)
        {
            Problem(wrong.Start, $"{at}.map", "must be a mapping { x: ..., y: ... } with coordinates in [-1, 1]");
        }

        // Every field is read even when the id or name is wrong, so that all of a persona's problems are reported at once.
        var read = new Persona
        {
            Id = id ?? string.Empty,
            Name = name ?? string.Empty,
            Photo = Scalar(persona, "photo", at + ".photo"),
            Tagline = Scalar(persona, "tagline", at + ".tagline"),
            Role = Scalar(persona, "role", at + ".role"),
            Profile = Scalar(persona, "profile", at + ".profile"),
            Values = Strings(persona, "values", at + ".values"),
            PurchaseProcess = Scalar(persona, "purchase_process", at + ".purchase_process"),
            Channels = Strings(persona, "channels", at + ".channels"),
            Purchases = Scalar(persona, "purchases", at + ".purchases"),
            Satisfaction = satisfaction,
            Usages = Scalar(persona, "usages", at + ".usages"),
            Expectations = Strings(persona, "expectations", at + ".expectations"),
            Delights = Strings(persona, "delights", at + ".delights"),
            Irritants = Strings(persona, "irritants", at + ".irritants"),
            Verbatim = Scalar(persona, "verbatim", at + ".verbatim"),
            Promise = Scalar(persona, "promise", at + ".promise"),
            Posture = Scalar(persona, "posture", at + ".posture"),
            SectorRubrics = rubrics,
            MapPosition = position,
        };
        return id is null || name is null ? null : read;
    }

    private KeyQuestion? ReadQuestion(YamlNode node, string at, HashSet<string> personaIds)
    {
        if (node is not YamlMappingNode question)
        {
            Problem(node.Start, at, "a question must be a mapping with id, text and answers");
            return null;
        }

        var id = Scalar(question, "id", at + ".id", required: true);
        var text = Scalar(question, "text", at + ".text", required: true);
        var answers = new List<KeyAnswer>();
        foreach (var (answerNode, i) in Sequence(question, "answers", at + ".answers", required: true).Select((n, i) => (n, i)))
        {
            var answerAt = $"{at}.answers[{i}]";
            if (answerNode is not YamlMappingNode answer)
            {
                Problem(answerNode.Start, answerAt, "an answer must be a mapping with text and personas");
                continue;
            }

            var answerText = Scalar(answer, "text", answerAt + ".text", required: true);
            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            if (Child(answer, "personas") is YamlMappingNode weightMap)
            {
                foreach (var (key, value) in weightMap.Children)
                {
                    var persona = (key as YamlScalarNode)?.Value ?? string.Empty;
                    if (!personaIds.Contains(persona))
                    {
                        Problem(key.Start, $"{answerAt}.personas", $"'{persona}' is not a persona of this pack");
                    }
                    else if (value is YamlScalarNode { Value: { } w } && double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && weight >= 0)
                    {
                        weights[persona] = weight;
                    }
                    else
                    {
                        Problem(value.Start, $"{answerAt}.personas.{persona}", "the weight must be a number, 0 or more");
                    }
                }
            }
            else
            {
                Problem(answer.Start, $"{answerAt}.personas", "missing: a mapping of persona ids to evidence weights");
            }

            if (answerText is not null)
            {
                answers.Add(new KeyAnswer(answerText, weights));
            }
        }

        return id is null || text is null ? null : new KeyQuestion(id, text, answers);
    }

    private PersonaMap? ReadMap(YamlMappingNode root)
    {
        if (Child(root, "map") is not { } node)
        {
            return null;
        }

        if (node is not YamlMappingNode map || Child(map, "x") is not YamlMappingNode x || Child(map, "y") is not YamlMappingNode y)
        {
            Problem(node.Start, "map", "must be { x: { low, high }, y: { low, high } }");
            return null;
        }

        var labels = new[] { (x, "x", "low"), (x, "x", "high"), (y, "y", "low"), (y, "y", "high") }
            .Select(l => Scalar(l.Item1, l.Item3, $"map.{l.Item2}.{l.Item3}", required: true) ?? string.Empty)
            .ToArray();
        return new PersonaMap(labels[0], labels[1], labels[2], labels[3]);
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private string? Scalar(YamlMappingNode node, string key, string at, bool required = false)
    {
        switch (Child(node, key))
        {
            case null:
                if (required)
                {
                    Problem(node.Start, at, "missing");
                }

                return null;
            case YamlScalarNode { Value: { } value } when !string.IsNullOrWhiteSpace(value):
                return value.Trim();
            case YamlScalarNode scalar:
                if (required)
                {
                    Problem(scalar.Start, at, "is empty");
                }

                return null;
            case var other:
                Problem(other.Start, at, "must be a text, not a list or a mapping");
                return null;
        }
    }

    /// <summary>A slug: lower-case letters, digits and dashes (persona ids may also use underscores).</summary>
    private string? Slug(YamlMappingNode node, string key, string at, bool allowUnderscore = false)
    {
        var value = Scalar(node, key, at, required: true);
        if (value is not null && !(allowUnderscore ? PersonaIdPattern() : SlugPattern()).IsMatch(value))
        {
            Problem(Child(node, key)!.Start, at, $"'{value}' must be a slug: lower-case letters, digits and dashes");
            return null;
        }

        return value;
    }

    private double? Number(YamlMappingNode node, string key, string at, double min, double max)
    {
        var text = Scalar(node, key, at, required: true);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Problem(Child(node, key)!.Start, at, $"'{text}' must be a number from {min} to {max}");
            return null;
        }

        return value;
    }

    private List<string> Strings(YamlMappingNode node, string key, string at)
    {
        switch (Child(node, key))
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                var items = new List<string>();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (sequence.Children[i] is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
                    {
                        items.Add(value.Trim());
                    }
                    else
                    {
                        Problem(sequence.Children[i].Start, $"{at}[{i}]", "must be a non-empty text");
                    }
                }

                return items;
            case YamlScalarNode { Value: { } single } when !string.IsNullOrWhiteSpace(single):
                // A lone text where a list is expected is read as a one-item list.
                return [single.Trim()];
            case var other:
                Problem(other.Start, at, "must be a list of texts");
                return [];
        }
    }

    private IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key, string at, bool required)
    {
        switch (Child(node, key))
        {
            case null when required:
                Problem(node.Start, at, "missing");
                return [];
            case null:
                return [];
            case YamlSequenceNode { Children.Count: 0 } empty when required:
                Problem(empty.Start, at, "is empty");
                return [];
            case YamlSequenceNode sequence:
                return sequence.Children;
            case var other:
                Problem(other.Start, at, "must be a list");
                return [];
        }
    }

    private void Unknown(YamlMappingNode node, HashSet<string> known, string prefix)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not null && !known.Contains(k.Value)))
        {
            var close = known.FirstOrDefault(k => Close(k, key.Value!));
            _warnings.Add($"{_file}:{key.Start.Line}: {prefix}{key.Value}: unknown field, ignored{(close is null ? string.Empty : $" (did you mean {close}?)")}");
        }
    }

    /// <summary>One edit apart, or a plural away: a probable typo.</summary>
    private static bool Close(string a, string b) =>
        a.TrimEnd('s') == b.TrimEnd('s') || (Math.Abs(a.Length - b.Length) <= 1 && a.Zip(b).Count(p => p.First != p.Second) <= 1);

    private void Problem(Mark mark, string field, string message) =>
        _problems.Add($"{_file}:{mark.Line}: {field}: {message}");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z0-9]+([-_][a-z0-9]+)*$")]
    private static partial Regex PersonaIdPattern();
}
