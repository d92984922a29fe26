using System.Globalization;
using System.Text.RegularExpressions;
using CultureBot.Core.Personas;
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

    private readonly YamlFields _yaml;

    private PackReader(string file) => _yaml = new YamlFields(file);

    /// <summary>A pack and what was odd but acceptable in it.</summary>
    public sealed record Result(PersonaPack Pack, IReadOnlyList<string> Warnings);

    public static Result ReadFile(string path) => Parse(File.ReadAllText(path), path);

    /// <exception cref="PackFormatException">The pack is malformed; the message lists every problem.</exception>
    public static Result Parse(string yaml, string file)
    {
        var reader = new PackReader(file);
        var pack = reader._yaml.Accepted(reader.ReadDocument(yaml), "pack");
        return new Result(pack, reader._yaml.Warnings);
    }

    private PersonaPack? ReadDocument(string yaml)
    {
        if (_yaml.Root(yaml, "the pack must be a mapping with pack, personas...") is not { } root)
        {
            return null;
        }

        _yaml.Unknown(root, PackFields, string.Empty);
        var slug = Slug(root, "pack", "pack");
        var personas = _yaml.Sequence(root, "personas", "personas", required: true)
            .Select((node, i) => ReadPersona(node, $"personas[{i}]"))
            .OfType<Persona>()
            .ToList();
        foreach (var duplicate in personas.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            _yaml.Problem(root.Start, "personas", $"the id '{duplicate.Key}' is used by {duplicate.Count()} personas; ids are unique in a pack");
        }

        var ids = personas.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var questions = _yaml.Sequence(root, "questions", "questions", required: false)
            .Select((node, i) => ReadQuestion(node, $"questions[{i}]", ids))
            .OfType<KeyQuestion>()
            .ToList();

        var updatedText = _yaml.Scalar(root, "updated", "updated");
        DateOnly? updated = null;
        if (updatedText is not null)
        {
            if (DateOnly.TryParseExact(updatedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                updated = date;
            }
            else
            {
                _yaml.Problem(root.Children[new YamlScalarNode("updated")].Start, "updated", $"'{updatedText}' is not a date written yyyy-MM-dd");
            }
        }

        return slug is null ? null : new PersonaPack
        {
            Slug = slug,
            Organization = _yaml.Scalar(root, "organization", "organization"),
            Language = _yaml.Scalar(root, "language", "language") ?? "en",
            Sector = _yaml.Scalar(root, "sector", "sector"),
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
            _yaml.Problem(node.Start, at, "a persona must be a mapping with at least id and name");
            return null;
        }

        _yaml.Unknown(persona, PersonaFields, at + ".");
        var id = Slug(persona, "id", at + ".id", allowUnderscore: true);
        var name = _yaml.Scalar(persona, "name", at + ".name", required: true);
        var satisfactionText = _yaml.Scalar(persona, "satisfaction", at + ".satisfaction");
        double? satisfaction = null;
        if (satisfactionText is not null)
        {
            if (double.TryParse(satisfactionText, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 10)
            {
                satisfaction = s;
            }
            else
            {
                _yaml.Problem(persona.Children[new YamlScalarNode("satisfaction")].Start, at + ".satisfaction", $"'{satisfactionText}' is not a number from 0 to 10");
            }
        }

        var rubrics = new List<KeyValuePair<string, string>>();
        if (YamlFields.Child(persona, "sector_rubrics") is { } rubricNode)
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
                        _yaml.Problem(value.Start, $"{at}.sector_rubrics", "each sector rubric is a title and a text");
                    }
                }
            }
            else
            {
                _yaml.Problem(rubricNode.Start, $"{at}.sector_rubrics", "must be a mapping of rubric titles to texts");
            }
        }

        (double X, double Y)? position = null;
        if (YamlFields.Child(persona, "map") is YamlMappingNode mapNode)
        {
            var x = _yaml.Number(mapNode, "x", $"{at}.map.x", -1, 1);
            var y = _yaml.Number(mapNode, "y", $"{at}.map.y", -1, 1);
            if (x is not null && y is not null)
            {
                position = (x.Value, y.Value);
            }
        }
        else if (YamlFields.Child(persona, "map") is { } wrong)
        {
            _yaml.Problem(wrong.Start, $"{at}.map", "must be a mapping { x: ..., y: ... } with coordinates in [-1, 1]");
        }

        // Every field is read even when the id or name is wrong, so that all of a persona's problems are reported at once.
        var read = new Persona
        {
            Id = id ?? string.Empty,
            Name = name ?? string.Empty,
            Photo = _yaml.Scalar(persona, "photo", at + ".photo"),
            Tagline = _yaml.Scalar(persona, "tagline", at + ".tagline"),
            Role = _yaml.Scalar(persona, "role", at + ".role"),
            Profile = _yaml.Scalar(persona, "profile", at + ".profile"),
            Values = _yaml.Strings(persona, "values", at + ".values"),
            PurchaseProcess = _yaml.Scalar(persona, "purchase_process", at + ".purchase_process"),
            Channels = _yaml.Strings(persona, "channels", at + ".channels"),
            Purchases = _yaml.Scalar(persona, "purchases", at + ".purchases"),
            Satisfaction = satisfaction,
            Usages = _yaml.Scalar(persona, "usages", at + ".usages"),
            Expectations = _yaml.Strings(persona, "expectations", at + ".expectations"),
            Delights = _yaml.Strings(persona, "delights", at + ".delights"),
            Irritants = _yaml.Strings(persona, "irritants", at + ".irritants"),
            Verbatim = _yaml.Scalar(persona, "verbatim", at + ".verbatim"),
            Promise = _yaml.Scalar(persona, "promise", at + ".promise"),
            Posture = _yaml.Scalar(persona, "posture", at + ".posture"),
            SectorRubrics = rubrics,
            MapPosition = position,
        };
        return id is null || name is null ? null : read;
    }

    private KeyQuestion? ReadQuestion(YamlNode node, string at, HashSet<string> personaIds)
    {
        if (node is not YamlMappingNode question)
        {
            _yaml.Problem(node.Start, at, "a question must be a mapping with id, text and answers");
            return null;
        }

        var id = _yaml.Scalar(question, "id", at + ".id", required: true);
        var text = _yaml.Scalar(question, "text", at + ".text", required: true);
        var answers = new List<KeyAnswer>();
        foreach (var (answerNode, i) in _yaml.Sequence(question, "answers", at + ".answers", required: true).Select((n, i) => (n, i)))
        {
            var answerAt = $"{at}.answers[{i}]";
            if (answerNode is not YamlMappingNode answer)
            {
                _yaml.Problem(answerNode.Start, answerAt, "an answer must be a mapping with text and personas");
                continue;
            }

            var answerText = _yaml.Scalar(answer, "text", answerAt + ".text", required: true);
            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            if (YamlFields.Child(answer, "personas") is YamlMappingNode weightMap)
            {
                foreach (var (key, value) in weightMap.Children)
                {
                    var persona = (key as YamlScalarNode)?.Value ?? string.Empty;
                    if (!personaIds.Contains(persona))
                    {
                        _yaml.Problem(key.Start, $"{answerAt}.personas", $"'{persona}' is not a persona of this pack");
                    }
                    else if (value is YamlScalarNode { Value: { } w } && double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && weight >= 0)
                    {
                        weights[persona] = weight;
                    }
                    else
                    {
                        _yaml.Problem(value.Start, $"{answerAt}.personas.{persona}", "the weight must be a number, 0 or more");
                    }
                }
            }
            else
            {
                _yaml.Problem(answer.Start, $"{answerAt}.personas", "missing: a mapping of persona ids to evidence weights");
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
        if (YamlFields.Child(root, "map") is not { } node)
        {
            return null;
        }

        if (node is not YamlMappingNode map || YamlFields.Child(map, "x") is not YamlMappingNode x || YamlFields.Child(map, "y") is not YamlMappingNode y)
        {
            _yaml.Problem(node.Start, "map", "must be { x: { low, high }, y: { low, high } }");
            return null;
        }

        var labels = new[] { (x, "x", "low"), (x, "x", "high"), (y, "y", "low"), (y, "y", "high") }
            .Select(l => _yaml.Scalar(l.Item1, l.Item3, $"map.{l.Item2}.{l.Item3}", required: true) ?? string.Empty)
            .ToArray();
        return new PersonaMap(labels[0], labels[1], labels[2], labels[3]);
    }

    /// <summary>A slug: lower-case letters, digits and dashes (persona ids may also use underscores).</summary>
    private string? Slug(YamlMappingNode node, string key, string at, bool allowUnderscore = false)
    {
        var value = _yaml.Scalar(node, key, at, required: true);
        if (value is not null && !(allowUnderscore ? PersonaIdPattern() : SlugPattern()).IsMatch(value))
        {
            _yaml.Problem(YamlFields.Child(node, key)!.Start, at, $"'{value}' must be a slug: lower-case letters, digits and dashes");
            return null;
        }

        return value;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z0-9]+([-_][a-z0-9]+)*$")]
    private static partial Regex PersonaIdPattern();
}
