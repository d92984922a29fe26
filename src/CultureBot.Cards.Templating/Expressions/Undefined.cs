namespace CultureBot.Cards.Templating.Expressions;

/// <summary>A path that names nothing (JavaScript's <c>undefined</c>), distinct from a JSON null.</summary>
internal sealed class Undefined
{
    public static readonly Undefined Value = new();

    private Undefined()
    {
    }

    public override string ToString() => "undefined";
}
