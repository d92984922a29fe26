namespace CultureBot.Content;

/// <summary>How an editor writes a persona field as text: one line, one item a line, one "Title: text" a line, or "x, y".</summary>
public enum PersonaFieldKind
{
    Text,
    List,
    Rubrics,
    Position,
}

/// <summary>
/// A field of a persona that can be edited, by its key in the pack format (<c>docs/persona-pack.md</c>). The id is not
/// one: key questions name personas by it, so it stays what it was when the persona was added.
/// </summary>
public sealed record PersonaField(string Key, PersonaFieldKind Kind)
{
    /// <summary>Every editable field, in the order of a persona sheet.</summary>
    public static readonly IReadOnlyList<PersonaField> All =
    [
        new("name", PersonaFieldKind.Text),
        new("photo", PersonaFieldKind.Text),
        new("tagline", PersonaFieldKind.Text),
        new("role", PersonaFieldKind.Text),
        new("profile", PersonaFieldKind.Text),
        new("values", PersonaFieldKind.List),
        new("purchase_process", PersonaFieldKind.Text),
        new("channels", PersonaFieldKind.List),
        new("purchases", PersonaFieldKind.Text),
        new("satisfaction", PersonaFieldKind.Text),
        new("usages", PersonaFieldKind.Text),
        new("expectations", PersonaFieldKind.List),
        new("delights", PersonaFieldKind.List),
        new("irritants", PersonaFieldKind.List),
        new("verbatim", PersonaFieldKind.Text),
        new("promise", PersonaFieldKind.Text),
        new("posture", PersonaFieldKind.Text),
        new("sector_rubrics", PersonaFieldKind.Rubrics),
        new("map", PersonaFieldKind.Position),
    ];

    /// <summary>The field of that key; null for a key that is not an editable field (the id, a typo).</summary>
    public static PersonaField? Of(string key) => All.FirstOrDefault(f => f.Key == key);
}
