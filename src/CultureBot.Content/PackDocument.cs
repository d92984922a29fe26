using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CultureBot.Content;

/// <summary>
/// A pack's YAML as YamlDotNet's representation model, edited field by field: what an editor did not change keeps its
/// YAML as it was (its quoting, its flow or block lists). The result is plain text for <see cref="PackReader"/> to
/// judge: this class shapes the YAML, it does not validate the pack. Comments are not part of the model, so a pack
/// edited here loses them (its history keeps every version as it was written).
/// </summary>
public sealed class PackDocument
{
    private static readonly YamlScalarNode PersonasKey = new("personas");
    private static readonly YamlScalarNode IdKey = new("id");

    private readonly YamlMappingNode _root;

    private PackDocument(YamlMappingNode root) => _root = root;

    /// <summary>The document of <paramref name="yaml"/>, a pack's text (one that <see cref="PackReader"/> accepted).</summary>
    /// <exception cref="PackFormatException">The text is not YAML or its top is not a mapping.</exception>
    public static PackDocument Load(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new PackFormatException([$"(pack):{e.Start.Line}: (YAML): {e.InnerException?.Message ?? e.Message}"]);
        }

        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? new PackDocument(root)
            : throw new PackFormatException(["(pack): the pack must be a mapping with pack, personas..."]);
    }

    /// <summary>The ids of the personas, in the pack's order.</summary>
    public IReadOnlyList<string> PersonaIds =>
        [.. Personas().Select(p => Scalar(p, IdKey)).OfType<string>()];

    public bool HasPersona(string id) => Persona(id) is not null;

    /// <summary>The field as an editor writes it (<see cref="PersonaFieldKind"/>); null when the persona does not have it.</summary>
    public string? Read(string personaId, PersonaField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Persona(personaId) is not { } persona || YamlFields.Child(persona, field.Key) is not { } node)
        {
            return null;
        }

        return (field.Kind, node) switch
        {
            (_, YamlScalarNode scalar) => scalar.Value,
            (PersonaFieldKind.List, YamlSequenceNode list) => Lines(list.Children.Select(Text)),
            (PersonaFieldKind.Rubrics, YamlMappingNode rubrics) => Lines(rubrics.Children.Select(r => $"{Text(r.Key)}: {Text(r.Value)}")),
            (PersonaFieldKind.Position, YamlMappingNode position) => $"{Text(YamlFields.Child(position, "x"))}, {Text(YamlFields.Child(position, "y"))}",
            _ => Lines(node.AllNodes.OfType<YamlScalarNode>().Select(Text)),
        };
    }

    /// <summary>
    /// Sets the field from what an editor wrote (blank removes it). A text equal to what <see cref="Read"/> gives leaves
    /// the field's YAML untouched. Returns false when the persona is not in the pack.
    /// </summary>
    public bool Write(string personaId, PersonaField field, string? text)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Persona(personaId) is not { } persona)
        {
            return false;
        }

        text = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.Equals(text ?? string.Empty, Read(personaId, field) ?? string.Empty, StringComparison.Ordinal))
        {
            return true;
        }

        var key = new YamlScalarNode(field.Key);
        if (string.IsNullOrEmpty(text))
        {
            persona.Children.Remove(key);
            return true;
        }

        YamlNode value = field.Kind switch
        {
            PersonaFieldKind.List => new YamlSequenceNode(Items(text).Select(TextNode)),
            PersonaFieldKind.Rubrics => new YamlMappingNode(Items(text).Select(Rubric)),
            PersonaFieldKind.Position => Position(text),
            _ => TextNode(text),
        };
        if (persona.Children.ContainsKey(key))
        {
            persona.Children[key] = value;
        }
        else
        {
            // A new field goes where the format puts it, so that the YAML reads like a hand-written sheet.
            var order = PersonaField.All.Select(f => f.Key).ToList();
            var rank = order.IndexOf(field.Key);
            var index = persona.Children.Keys.TakeWhile(k => k is not YamlScalarNode { Value: { } other } || order.IndexOf(other) < rank || other is "id").Count();
            persona.Children.Insert(index, key, value);
        }

        return true;
    }

    /// <summary>Adds a persona with its id and name at the end of the list (the reader judges both).</summary>
    public void AddPersona(string id, string name)
    {
        var persona = new YamlMappingNode { { "id", TextNode(id.Trim()) }, { "name", TextNode(name.Trim()) } };
        if (YamlFields.Child(_root, "personas") is YamlSequenceNode personas)
        {
            personas.Add(persona);
        }
        else
        {
            _root.Children[PersonasKey] = new YamlSequenceNode(persona);
        }
    }

    /// <summary>
    /// Takes the persona out of the pack, and out of the key questions' answers that pointed to it (a question may not
    /// name a persona the pack does not have). False when it is not in the pack.
    /// </summary>
    public bool RetirePersona(string id)
    {
        if (Persona(id) is not { } persona || YamlFields.Child(_root, "personas") is not YamlSequenceNode personas)
        {
            return false;
        }

        personas.Children.Remove(persona);
        var weights = (YamlFields.Child(_root, "questions") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
            .Select(q => YamlFields.Child(q, "answers")).OfType<YamlSequenceNode>()
            .SelectMany(a => a.Children.OfType<YamlMappingNode>())
            .Select(a => YamlFields.Child(a, "personas")).OfType<YamlMappingNode>() ?? [];
        foreach (var weight in weights)
        {
            weight.Children.Remove(new YamlScalarNode(id));
        }

        return true;
    }

    /// <summary>A top-level part of the pack (<c>map</c>, <c>questions</c>...) as YAML text, to tell whether it changed; null when absent.</summary>
    public string? Part(string key) => YamlFields.Child(_root, key) is { } node ? Serialize(node) : null;

    /// <summary>The top-level keys of the pack, in its order.</summary>
    public IReadOnlyList<string> Keys => [.. _root.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).OfType<string>()];

    /// <summary>The pack as YAML text.</summary>
    public string ToYaml() => Serialize(_root);

    private static string Serialize(YamlNode node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        var text = writer.ToString().ReplaceLineEndings("\n");
        // The emitter closes the document with an explicit end marker, which a hand-written pack does not have.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private IEnumerable<YamlMappingNode> Personas() =>
        (YamlFields.Child(_root, "personas") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [];

    private YamlMappingNode? Persona(string id) => Personas().FirstOrDefault(p => Scalar(p, IdKey) == id);

    private static string? Scalar(YamlMappingNode node, YamlScalarNode key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static string Text(YamlNode? node) => node is YamlScalarNode { Value: { } value } ? value : string.Empty;

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines);

    private static IEnumerable<string> Items(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    /// <summary>A text as YAML writes it best: plain or quoted as the emitter decides, a block when it has several lines.</summary>
    private static YamlScalarNode TextNode(string text) =>
        new(text) { Style = text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal : ScalarStyle.Any };

    /// <summary>"Title: text" (the first colon separates them); a line without one is a title whose text the reader finds empty.</summary>
    private static KeyValuePair<YamlNode, YamlNode> Rubric(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var (title, text) = colon < 0 ? (line, string.Empty) : (line[..colon].Trim(), line[(colon + 1)..].Trim());
        return new(new YamlScalarNode(title) { Style = ScalarStyle.DoubleQuoted }, TextNode(text));
    }

    /// <summary>"x, y" as <c>{ x: …, y: … }</c>; what is not two numbers is left for the reader to name, with its line.</summary>
    private static YamlMappingNode Position(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var position = new YamlMappingNode { Style = MappingStyle.Flow };
        position.Add("x", TextNode(parts[0]));
        if (parts.Length > 1)
        {
            position.Add("y", TextNode(string.Join(", ", parts[1..])));
        }

        return position;
    }
}
