namespace CultureBot.Cards.Templating.Expressions;

/// <summary>Lists the data paths an expression reads.</summary>
internal static class ReferenceCollector
{
    public static void Collect(Expr expression, bool inRepeat, string source, ICollection<BindingReference> references, bool existsTest = false)
    {
        switch (expression)
        {
            case IdentifierExpr or MemberExpr:
                if (PathOf(expression) is { } path)
                {
                    references.Add(new BindingReference(path, inRepeat, existsTest, source));
                }

                if (expression is MemberExpr { Target: var target } && PathOf(target) is null)
                {
                    Collect(target, inRepeat, source, references);
                }

                break;
            case IndexExpr index:
                Collect(index.Target, inRepeat, source, references);
                Collect(index.Index, inRepeat, source, references);
                break;
            case CallExpr call:
                foreach (var argument in call.Arguments)
                {
                    Collect(argument, inRepeat, source, references, existsTest: call.Name == "exists");
                }

                break;
        }
    }

    /// <summary><c>a.b.c</c> for a chain of member accesses from an identifier; null otherwise.</summary>
    private static string? PathOf(Expr expression) => expression switch
    {
        IdentifierExpr identifier => identifier.Name,
        MemberExpr member when PathOf(member.Target) is { } target => target + "." + member.Name,
        _ => null,
    };
}
