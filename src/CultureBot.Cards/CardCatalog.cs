using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Cards.Templating;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;

namespace CultureBot.Cards;

/// <summary>
/// The card catalog: <c>cards/&lt;platform&gt;/NAME.json</c> templates and the UI strings of
/// <c>cards/strings/&lt;lang&gt;.json</c>, loaded and parsed once at start. Rendering injects the strings
/// of the user's language as <c>t</c> beside the card's own data, so templates never hold UI text.
/// </summary>
public sealed class CardCatalog
{
    /// <summary>The folder of each platform's templates, by platform name.</summary>
    public static readonly IReadOnlyDictionary<string, string> PlatformFolders = new Dictionary<string, string>
    {
        [Core.Conversations.Platforms.Teams] = "teams",
        [Core.Conversations.Platforms.Slack] = "slack",
    };

    private readonly FrozenDictionary<(string Platform, string Name), CardTemplate> _templates;

    private CardCatalog(FrozenDictionary<(string, string), CardTemplate> templates, StringTable strings)
    {
        _templates = templates;
        Strings = strings;
    }

    public StringTable Strings { get; }

    public IEnumerable<string> Names(string platform) =>
        _templates.Keys.Where(k => k.Platform == platform).Select(k => k.Name).Order(StringComparer.Ordinal);

    /// <summary>
    /// Loads the catalog from <paramref name="directory"/>. Broken JSON, a template without a twin on the
    /// other platform, or a missing English string table throws <see cref="CardCatalogException"/>
    /// naming the file (and the line for JSON errors).
    /// </summary>
    public static CardCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CardCatalogException($"The card folder {directory} does not exist (setting Cards:Path).");
        }

        var templates = new Dictionary<(string, string), CardTemplate>();
        var sources = new List<(string File, string Text, CardTemplate Template)>();
        foreach (var (platform, folder) in PlatformFolders)
        {
            var platformDirectory = Path.Combine(directory, folder);
            if (!Directory.Exists(platformDirectory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(platformDirectory, "*.json"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var text = File.ReadAllText(file);
                try
                {
                    var template = CardTemplate.Parse(text);
                    templates[(platform, name)] = template;
                    sources.Add((file, text, template));
                }
                catch (JsonException e)
                {
                    throw new CardCatalogException($"{file}: line {(e.LineNumber ?? 0) + 1}: broken JSON: {e.Message}", e);
                }
                catch (TemplateException e)
                {
                    throw new CardCatalogException($"{file}: a binding does not parse: {e.Message}", e);
                }
            }
        }

        CheckTwins(directory, templates.Keys);
        var strings = LoadStrings(Path.Combine(directory, "strings"));
        foreach (var (file, text, template) in sources)
        {
            CatalogBindingCheck.Check(directory, file, text, template, strings);
        }

        return new CardCatalog(templates.ToFrozenDictionary(), strings);
    }

    /// <summary>Expands card <paramref name="card"/> for <paramref name="platform"/> in <paramref name="culture"/>.</summary>
    public JsonNode Render(string platform, CardContent card, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (!_templates.TryGetValue((platform, card.Name), out var template))
        {
            throw new CardCatalogException($"No {platform} card named '{card.Name}' in the catalog.");
        }

        // The UI strings join the card's own data for the expansion only: one cached object per thread and
        // language, attached and detached again, instead of a copy of the data and the strings per card.
        var data = card.Data;
        lock (data)
        {
            if (data.ContainsKey("t"))
            {
                throw new CardCatalogException($"The data of card '{card.Name}' has a field t, which is reserved for the UI strings.");
            }

            data["t"] = ThreadStrings(platform, culture);
            try
            {
                return template.Expand(data) ?? throw new CardCatalogException($"The {platform} card '{card.Name}' expanded to nothing.");
            }
            finally
            {
                data.Remove("t");
            }
        }
    }

    [ThreadStatic]
    private static Dictionary<(CardCatalog, string, string), JsonObject>? t_strings;

    private JsonObject ThreadStrings(string platform, CultureInfo culture)
    {
        var cache = t_strings ??= [];
        var key = (this, platform, culture.TwoLetterISOLanguageName);
        if (!cache.TryGetValue(key, out var strings))
        {
            strings = StringsObject(culture, platform);
            cache[key] = strings;
        }

        return strings;
    }

    /// <param name="culture">The language.</param>
    /// <param name="platform">
    /// The strings are written in Markdown (<c>**bold**</c>), which Teams renders; on Slack they become mrkdwn
    /// (<c>*bold*</c>), since a Slack template places them in mrkdwn text as they are.
    /// </param>
    private JsonObject StringsObject(CultureInfo culture, string platform = Platforms.Teams)
    {
        var strings = new JsonObject();
        foreach (var (key, value) in Strings.All(culture))
        {
            strings[key] = platform == Platforms.Slack ? value.Replace("**", "*", StringComparison.Ordinal) : value;
        }

        return strings;
    }

    /// <summary>What a template is expanded against: the card's data with the UI strings of <paramref name="culture"/> as <c>t</c>.</summary>
    public JsonObject ViewModel(CardContent card, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(card);
        var data = (JsonObject)card.Data.DeepClone();
        data["t"] = StringsObject(culture);
        return data;
    }

    private static void CheckTwins(string directory, IEnumerable<(string Platform, string Name)> keys)
    {
        var byName = keys.GroupBy(k => k.Name);
        foreach (var group in byName)
        {
            foreach (var (platform, folder) in PlatformFolders)
            {
                if (!group.Any(k => k.Platform == platform))
                {
                    var existing = group.First();
                    throw new CardCatalogException(
                        $"{Path.Combine(directory, PlatformFolders[existing.Platform], existing.Name + ".json")} has no twin {Path.Combine(directory, folder, existing.Name + ".json")}: every card exists for both platforms.");
                }
            }
        }
    }

    /// <summary>The language files <c>strings/&lt;lang&gt;.json</c>: UI strings, and the <c>commands</c>, <c>questions</c> and <c>smallTalk</c> people type.</summary>
    private static StringTable LoadStrings(string directory)
    {
        var tables = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        var words = new Dictionary<string, LanguageWords>(StringComparer.OrdinalIgnoreCase);
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
            {
                var language = Path.GetFileNameWithoutExtension(file);
                try
                {
                    (tables[language], words[language]) = ReadLanguageFile(File.ReadAllText(file));
                }
                catch (JsonException e)
                {
                    throw new CardCatalogException($"{file}: line {(e.LineNumber ?? 0) + 1}: broken JSON or a non-string value: {e.Message}", e);
                }
                catch (FormatException e)
                {
                    throw new CardCatalogException($"{file}: {e.Message}", e);
                }
            }
        }

        if (!tables.ContainsKey("en"))
        {
            throw new CardCatalogException($"{Path.Combine(directory, "en.json")} is missing: English is the fallback for every UI string.");
        }

        return new StringTable(tables, words);
    }

    /// <summary>Names of the word lists in a language file; every other member is a UI string.</summary>
    private const string CommandsMember = "commands";
    private const string QuestionsMember = "questions";
    private const string SmallTalkMember = "smallTalk";

    private static (Dictionary<string, string> Strings, LanguageWords Words) ReadLanguageFile(string json)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var document = JsonDocument.Parse(json, options);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("a language file is a JSON object.");
        }

        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, IReadOnlyList<string>> commands = new Dictionary<string, IReadOnlyList<string>>();
        IReadOnlyDictionary<string, IReadOnlyList<string>> questions = new Dictionary<string, IReadOnlyList<string>>();
        IReadOnlyDictionary<string, IReadOnlyList<string>> smallTalk = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var member in document.RootElement.EnumerateObject())
        {
            switch (member.Name)
            {
                case CommandsMember:
                    commands = WordLists(member);
                    break;
                case QuestionsMember:
                    questions = WordLists(member);
                    break;
                case SmallTalkMember:
                    smallTalk = WordLists(member);
                    break;
                case var key when member.Value.ValueKind == JsonValueKind.String:
                    strings[key] = member.Value.GetString()!;
                    break;
                default:
                    throw new FormatException($"the UI string '{member.Name}' is not a string.");
            }
        }

        return (strings, new LanguageWords(commands, questions) { SmallTalk = smallTalk });
    }

    /// <summary><c>{"route": ["words", …]}</c>.</summary>
    private static Dictionary<string, IReadOnlyList<string>> WordLists(JsonProperty member)
    {
        if (member.Value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"'{member.Name}' maps route names to lists of words.");
        }

        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var route in member.Value.EnumerateObject())
        {
            if (route.Value.ValueKind != JsonValueKind.Array || route.Value.EnumerateArray().Any(w => w.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(w.GetString())))
            {
                throw new FormatException($"'{member.Name}.{route.Name}' is a list of words (non-empty strings).");
            }

            lists[route.Name] = [.. route.Value.EnumerateArray().Select(w => w.GetString()!)];
        }

        return lists;
    }
}
