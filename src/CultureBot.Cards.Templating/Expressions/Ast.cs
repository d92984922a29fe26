namespace CultureBot.Cards.Templating.Expressions;

/// <summary>A parsed expression. <see cref="ToString"/> gives the normalized text the reference engine substitutes.</summary>
internal abstract class Expr;

internal sealed class ConstantExpr(object? value) : Expr
{
    public object? Value { get; } = value;

    public override string ToString() => Value switch
    {
        string s => "'" + s + "'",
        double d => Js.NumberToString(d),
        bool b => b ? "true" : "false",
        null => "null",
        _ => Value.ToString() ?? string.Empty,
    };
}

/// <summary>A name at the root of a path: a data property, or <c>$root</c>, <c>$data</c>, <c>$index</c>, <c>$host</c>.</summary>
internal sealed class IdentifierExpr(string name) : Expr
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}

/// <summary><c>target.name</c>.</summary>
internal sealed class MemberExpr(Expr target, string name) : Expr
{
    public Expr Target { get; } = target;

    public string Name { get; } = name;

    public override string ToString() => $"{Target}.{Name}";
}

/// <summary><c>target[index]</c>.</summary>
internal sealed class IndexExpr(Expr target, Expr index) : Expr
{
    public Expr Target { get; } = target;

    public Expr Index { get; } = index;

    public override string ToString() => $"{Target}[{Index}]";
}

/// <summary>A function call, or an operator written as one (<c>a + b</c> is <c>+</c> with two arguments).</summary>
internal sealed class CallExpr(string name, IReadOnlyList<Expr> arguments, bool isOperator = false) : Expr
{
    public string Name { get; } = name;

    public IReadOnlyList<Expr> Arguments { get; } = arguments;

    public bool IsOperator { get; } = isOperator;

    public override string ToString()
    {
        if (IsOperator && Arguments.Count == 1)
        {
            return Name + Arguments[0];
        }

        if (IsOperator && Arguments.Count == 2)
        {
            return $"({Arguments[0]} {Name} {Arguments[1]})";
        }

        return Name + "(" + string.Join(", ", Arguments.Select(a => a.ToString())) + ")";
    }
}
