using System.Globalization;
using CultureBot.Core.Bot;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CultureBot.Content;

/// <summary>
/// Reads the fields of a YAML content file (packs, onboarding journeys) and collects every problem as
/// <c>file:line: field: message</c>, so that a malformed file is refused whole with all its problems named at once.
/// Unknown fields are warnings, with the probable typo named.
/// </summary>
internal sealed class YamlFields(string file)
{
    public string File { get; } = file;

    public List<string> Problems { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>
    /// The root mapping of the file's first document; null when the text is not YAML or its root is not a mapping,
    /// with the problem recorded (<paramref name="expected"/> says what the root must be, for the message).
    /// </summary>
    public YamlMappingNode? Root(string yaml, string expected)
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
            Problem(stream.Documents.FirstOrDefault()?.RootNode.Start ?? Mark.Empty, "(root)", expected);
            return null;
        }

        return root;
    }

    /// <summary>What was read, when the file had no problem; a file with any is refused whole.</summary>
    /// <param name="kind">What the file holds (<c>pack</c>, <c>journey</c>), for the message when it holds nothing.</param>
    /// <exception cref="PackFormatException">The file has problems (the message lists every one) or holds nothing.</exception>
    public T Accepted<T>(T? read, string kind)
        where T : class =>
        Problems.Count == 0 && read is not null ? read : throw new PackFormatException(Problems.Count > 0 ? Problems : [$"{File}: the {kind} is empty"]);

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? Scalar(YamlMappingNode node, string key, string at, bool required = false)
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

    public double? Number(YamlMappingNode node, string key, string at, double min, double max)
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

    public List<string> Strings(YamlMappingNode node, string key, string at)
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

    public IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key, string at, bool required)
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

    public void Unknown(YamlMappingNode node, HashSet<string> known, string prefix)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not null && !known.Contains(k.Value)))
        {
            var close = Closest(key.Value!, known);
            Warnings.Add($"{File}:{key.Start.Line}: {prefix}{key.Value}: unknown field, ignored{(close is null ? string.Empty : $" (did you mean {close}?)")}");
        }
    }

    /// <summary>
    /// The known field a probable typo was meant for: the nearest by edits (a letter missing, added, changed, or two
    /// swapped), within one edit for names of up to four letters and two for longer ones; null when none is that near.
    /// </summary>
    internal static string? Closest(string typed, IEnumerable<string> known)
    {
        var allowed = typed.Length <= 4 ? 1 : 2;
        return known
            .Select(k => (Field: k, Distance: TextMatching.EditDistance(typed.ToLowerInvariant(), k)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .Select(c => c.Field)
            .FirstOrDefault();
    }

    public void Problem(Mark mark, string field, string message) =>
        Problems.Add($"{File}:{mark.Line}: {field}: {message}");

}
