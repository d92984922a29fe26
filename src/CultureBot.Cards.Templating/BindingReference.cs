namespace CultureBot.Cards.Templating;

/// <summary>A data path a template binds, for checking templates against their sample data.</summary>
/// <param name="Path">The path from its root, member names only: <c>t.helpTitle</c>, <c>$root.t.personaOpen</c>, <c>question.text</c>.</param>
/// <param name="InRepeat">Inside an object with <c>$data</c>: relative paths there name the repeated item's fields.</param>
/// <param name="IsExistsTest">The direct argument of <c>exists()</c>: the template knows the value may be absent.</param>
/// <param name="Source">The string the binding stands in, to find it in the file.</param>
public sealed record BindingReference(string Path, bool InRepeat, bool IsExistsTest, string Source);
