namespace CultureBot.Content;

/// <summary>
/// What changed between two versions of a pack, in a line a history can show: <c>camille: irritants changed; ines
/// added; gerard retired; questions changed</c>. Personas are named by id and fields by their key in the format, the
/// words people see in the YAML, whatever the reader's language.
/// </summary>
public static class PackChanges
{
    public const string Nothing = "no change";

    public static string Summarize(PackDocument before, PackDocument after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        foreach (var id in after.PersonaIds)
        {
            if (!before.HasPersona(id))
            {
                changes.Add($"{id} added");
                continue;
            }

            var fields = PersonaField.All.Where(f => before.Read(id, f) != after.Read(id, f)).Select(f => f.Key).ToList();
            if (fields.Count > 0)
            {
                changes.Add($"{id}: {string.Join(", ", fields)} changed");
            }
        }

        changes.AddRange(before.PersonaIds.Where(id => !after.HasPersona(id)).Select(id => $"{id} retired"));
        if (!before.PersonaIds.Where(after.HasPersona).SequenceEqual(after.PersonaIds.Where(before.HasPersona)))
        {
            changes.Add("personas reordered");
        }

        changes.AddRange(before.Keys.Union(after.Keys).Where(k => k != "personas" && before.Part(k) != after.Part(k)).Select(k => $"{k} changed"));
        return changes.Count == 0 ? Nothing : string.Join("; ", changes);
    }
}
