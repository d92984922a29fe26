using System.Text.Json.Nodes;
using CultureBot.Core.Bot;

namespace CultureBot.Core.Personas;

/// <summary>
/// The view-models of the persona cards. Long content is cut here, once for both platforms, to the stricter
/// of their limits (Slack: 3,000 characters a section, 50 blocks; Teams: about 28 KB a card), so a pack with
/// 40 irritants or a 5,000-character verbatim still gives a card the platform accepts.
/// </summary>
public static class PersonaCards
{
    public const string Sheet = "persona";
    public const string List = "persona-list";

    /// <summary>Items shown per list rubric; the rest is counted ("and 12 more").</summary>
    public const int MaxListItems = 6;

    /// <summary>Characters per list item.</summary>
    public const int MaxItemLength = 180;

    /// <summary>Characters per text rubric (profile, purchase process, posture...).</summary>
    public const int MaxTextLength = 700;

    /// <summary>Characters of the key verbatim.</summary>
    public const int MaxVerbatimLength = 500;

    /// <summary>Sector rubrics shown; each takes a Slack block.</summary>
    public const int MaxSectorRubrics = 8;

    /// <summary>Personas per list card; Slack allows 50 blocks and each persona takes one.</summary>
    public const int MaxListPersonas = 40;

    /// <param name="persona">The persona.</param>
    /// <param name="photoUrl">An https or data: URL for the photo, or null (the card then shows the initials).</param>
    /// <param name="organization">The pack's organization, shown in the card's footer.</param>
    public static CardContent SheetCard(Persona persona, string? photoUrl, string? organization)
    {
        ArgumentNullException.ThrowIfNull(persona);
        var rubrics = new JsonArray();
        foreach (var (title, text) in persona.SectorRubrics.Take(MaxSectorRubrics))
        {
            rubrics.Add(new JsonObject { ["title"] = Cut(title, 80), ["text"] = Cut(text, MaxTextLength) });
        }

        var data = new JsonObject
        {
            ["id"] = persona.Id,
            ["name"] = Cut(persona.Name, 80),
            ["initials"] = Initials(persona.Name),
            ["photo"] = photoUrl,
            ["tagline"] = Cut(persona.Tagline, 200),
            ["role"] = persona.Role,
            ["profile"] = Cut(persona.Profile, MaxTextLength),
            ["values"] = Items(persona.Values),
            ["purchaseProcess"] = Cut(persona.PurchaseProcess, MaxTextLength),
            ["channels"] = Items(persona.Channels),
            ["purchases"] = Cut(persona.Purchases, MaxTextLength),
            ["satisfaction"] = persona.Satisfaction is { } s ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s:0.#}/10") : null,
            ["usages"] = Cut(persona.Usages, MaxTextLength),
            ["expectations"] = Items(persona.Expectations),
            ["delights"] = Items(persona.Delights),
            ["irritants"] = Items(persona.Irritants),
            ["verbatim"] = Cut(persona.Verbatim, MaxVerbatimLength),
            ["promise"] = Cut(persona.Promise, MaxTextLength),
            ["posture"] = Cut(persona.Posture, MaxTextLength),
            ["sectorRubrics"] = rubrics,
            ["organization"] = organization,
        };
        return BotMessage.FromCard(Sheet, WithoutNulls(data), persona.Name).Card!;
    }

    /// <summary>A rubric list: its first items, cut, and how many were left out (0 when none).</summary>
    public static JsonObject Items(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new JsonObject
        {
            ["items"] = new JsonArray([.. items.Take(MaxListItems).Select(i => JsonValue.Create(Cut(i, MaxItemLength)))]),
            ["count"] = items.Count,
            ["more"] = Math.Max(0, items.Count - MaxListItems),
        };
    }

    /// <summary>At most <paramref name="max"/> characters, cut at a word boundary with an ellipsis.</summary>
    public static string? Cut(string? text, int max)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }

        var cut = text[..(max - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > max / 2 ? cut[..space] : cut).TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    public static string Initials(string name) =>
        string.Concat(name.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));

    /// <summary>Sets <paramref name="name"/> only when there is a value: templates test optional fields with <c>exists()</c>.</summary>
    public static void AddIfPresent(JsonObject target, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!string.IsNullOrEmpty(value))
        {
            target[name] = value;
        }
    }

    /// <summary>Absent rubrics are left out, so templates test them with <c>exists()</c> and no null reaches mixed text.</summary>
    private static JsonObject WithoutNulls(JsonObject data)
    {
        foreach (var key in data.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            data.Remove(key);
        }

        return data;
    }
}
