using System.Text.Json.Nodes;

namespace CultureBot.Cards.Templating.Expressions;

/// <summary>What a binding sees: the current <c>$data</c>, the <c>$root</c>, <c>$host</c>, and inside an array repeat, <c>$index</c>.</summary>
internal sealed record Scope(object? Data, object? Root, object? Host, int? Index)
{
    /// <summary><c>${$_acTemplateVersion.major}.${$_acTemplateVersion.minor}</c>: the reference engine's version, 2.3.</summary>
    public static readonly JsonObject TemplateVersion = new() { ["major"] = 2, ["minor"] = 3 };
}
