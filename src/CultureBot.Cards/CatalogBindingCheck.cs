using System.Text.Json.Nodes;
using CultureBot.Cards.Templating;
using CultureBot.Core.Localization;

namespace CultureBot.Cards;

/// <summary>
/// Every card has sample data (<c>cards/samples/NAME.json</c>), and every path its templates bind outside a
/// <c>$data</c> scope (and every <c>$root.</c> path inside one) starts at a field of that sample — or at one
/// the template tests with <c>exists()</c>, which makes it optional. <c>t.KEY</c> must be an English UI string.
/// So a typo in a template stops the host at start, with the file and line, instead of showing <c>${typo}</c>.
/// </summary>
internal static class CatalogBindingCheck
{
    public static void Check(string directory, string file, string text, CardTemplate template, StringTable strings)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var samplePath = Path.Combine(directory, "samples", name + ".json");
        if (!File.Exists(samplePath))
        {
            throw new CardCatalogException($"{file}: no sample data {samplePath}: every card has one, for designers and checks.");
        }

        JsonObject sample;
        try
        {
            sample = JsonNode.Parse(File.ReadAllText(samplePath))?.AsObject() ?? [];
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new CardCatalogException($"{samplePath}: the sample data is not a JSON object: {e.Message}", e);
        }

        var optional = template.References.Where(r => r.IsExistsTest).Select(r => Root(r.Path)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var english = strings.Keys(Locales.English.TwoLetterISOLanguageName).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in template.References)
        {
            var path = reference.Path;
            if (path.StartsWith("$root.", StringComparison.Ordinal))
            {
                path = path["$root.".Length..];
            }
            else if (reference.InRepeat || path.StartsWith('$'))
            {
                continue;
            }

            var segments = path.Split('.');
            if (segments[0] == "t")
            {
                if (segments.Length < 2 || !english.Contains(segments[1]))
                {
                    throw Unknown(file, text, reference, $"the UI string '{(segments.Length < 2 ? "t" : segments[1])}' is not in strings/en.json");
                }

                continue;
            }

            if (!sample.Any(p => string.Equals(p.Key, segments[0], StringComparison.OrdinalIgnoreCase)) && !optional.Contains(segments[0]))
            {
                throw Unknown(file, text, reference, $"'{segments[0]}' is neither in {samplePath} nor tested with exists()");
            }
        }
    }

    private static string Root(string path)
    {
        var trimmed = path.StartsWith("$root.", StringComparison.Ordinal) ? path["$root.".Length..] : path;
        return trimmed.Split('.')[0];
    }

    private static CardCatalogException Unknown(string file, string text, BindingReference reference, string why) =>
        new($"{file}: line {LineOf(text, reference)}: a binding reads {reference.Path}, but {why}.");

    /// <summary>The first line of the file holding the binding's string (JSON keeps non-ASCII text as it is, so a search finds it).</summary>
    private static int LineOf(string text, BindingReference reference)
    {
        var probe = reference.Source.Split('\n')[0];
        var index = text.IndexOf(probe, StringComparison.Ordinal);
        if (index < 0)
        {
            index = text.IndexOf(reference.Path.Split('.')[^1], StringComparison.Ordinal);
        }

        return index < 0 ? 1 : text.AsSpan(0, index).Count('\n') + 1;
    }
}
