using System.Text.Json.Nodes;

namespace CultureBot.Cards.Templating.Expressions;

/// <summary>
/// Evaluates an expression in a scope. With <c>substitute</c>, a path that names nothing becomes the text
/// <c>${path}</c> before any function sees it; conditions (<c>if</c>'s test, <c>and</c>, <c>or</c>, <c>not</c>,
/// comparisons, <c>exists</c>, <c>empty</c>) evaluate without it, so there a missing value is null.
/// </summary>
internal static class Evaluator
{
    public static object? Evaluate(Expr expression, Scope scope, bool substitute)
    {
        switch (expression)
        {
            case ConstantExpr constant:
                return constant.Value;
            case IdentifierExpr or MemberExpr or IndexExpr:
                var value = Resolve(expression, scope, isTarget: false);
                return value is Undefined && substitute ? "${" + expression + "}" : value;
            case CallExpr call:
                return Functions.Call(call, scope, substitute);
            default:
                throw new EvaluationException($"Cannot evaluate {expression}.");
        }
    }

    /// <summary>
    /// A path's value, or <see cref="Undefined"/>. An index out of range is an error when it ends the path
    /// (<c>items[9]</c>) and simply undefined inside it (<c>items[9].name</c>), as in the reference engine.
    /// </summary>
    private static object? Resolve(Expr expression, Scope scope, bool isTarget)
    {
        switch (expression)
        {
            case IdentifierExpr identifier:
                return identifier.Name switch
                {
                    "$root" => scope.Root,
                    "$data" => scope.Data,
                    "$host" => scope.Host ?? Undefined.Value,
                    "$index" => scope.Index is { } i ? (double)i : Undefined.Value,
                    "$_acTemplateVersion" => Scope.TemplateVersion,
                    _ => Property(scope.Data, identifier.Name),
                };

            case MemberExpr member:
                return Property(Resolve(member.Target, scope, isTarget: true), member.Name);

            case IndexExpr index:
                var target = Resolve(index.Target, scope, isTarget: true);
                var key = Evaluate(index.Index, scope, substitute: false);
                if (key is string name)
                {
                    return Property(target, name);
                }

                if (key is double number && Js.IsList(target))
                {
                    var items = Js.Items(target);
                    var position = (int)number;
                    if (position < 0 || position >= items.Count || !Js.IsInteger(number))
                    {
                        return isTarget ? Undefined.Value : throw new EvaluationException($"{Js.NumberToString(number)} is out of range for {Js.ToText(target)}");
                    }

                    return items[position];
                }

                return Undefined.Value;

            default:
                return Evaluate(expression, scope, substitute: false);
        }
    }

    /// <summary>Case-insensitive property lookup, as the reference engine does it (exact case first).</summary>
    private static object? Property(object? target, string name)
    {
        if (target is not JsonObject obj)
        {
            return Undefined.Value;
        }

        if (obj.TryGetPropertyValue(name, out var exact))
        {
            return Js.FromNode(exact);
        }

        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return Js.FromNode(value);
            }
        }

        return Undefined.Value;
    }
}
