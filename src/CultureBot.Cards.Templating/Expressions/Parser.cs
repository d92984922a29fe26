namespace CultureBot.Cards.Templating.Expressions;

/// <summary>
/// Parses Adaptive Expressions with the reference grammar's precedence, lowest first:
/// <c>?:</c>, <c>||</c>, <c>&amp;&amp;</c>, comparisons, <c>&amp;</c> (string join), <c>== != &lt;&gt;</c>,
/// <c>+ -</c>, <c>* / %</c>, <c>^</c> (right-associative), unary <c>! - +</c>, then paths and calls.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private int _position;

    private Parser(List<Token> tokens) => _tokens = tokens;

    public static Expr Parse(string source)
    {
        var parser = new Parser(Lexer.Tokenize(source));
        if (parser.Peek.Kind == TokenKind.End)
        {
            throw Lexer.Syntax(0);
        }

        var expression = parser.Ternary();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw Lexer.Syntax(parser.Peek.Position);
        }

        return expression;
    }

    private Token Peek => _tokens[_position];

    private Token Next() => _tokens[_position++];

    private bool IsOperator(params string[] ops) => Peek.Kind == TokenKind.Operator && ops.Contains(Peek.Text);

    private Expr Ternary()
    {
        var condition = Binary(0);
        if (Peek.Kind == TokenKind.Operator && Peek.Text == "?")
        {
            Next();
            var then = Ternary();
            Expect(TokenKind.Operator, ":");
            return new CallExpr("if", [condition, then, Ternary()]);
        }

        return condition;
    }

    private static readonly string[][] Levels =
    [
        ["||"],
        ["&&"],
        ["<", "<=", ">", ">="],
        ["&"],
        ["==", "!=", "<>"],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private Expr Binary(int level)
    {
        if (level == Levels.Length)
        {
            return Power();
        }

        var left = Binary(level + 1);
        while (IsOperator(Levels[level]))
        {
            var op = Next();
            var right = Binary(level + 1);
            left = new CallExpr(op.Text == "<>" ? "!=" : op.Text, [left, right], isOperator: true);
        }

        return left;
    }

    private Expr Power()
    {
        var left = Unary();
        if (IsOperator("^"))
        {
            Next();
            return new CallExpr("^", [left, Power()], isOperator: true);
        }

        return left;
    }

    private Expr Unary()
    {
        if (IsOperator("!", "-", "+"))
        {
            var op = Next();
            return new CallExpr(op.Text, [Unary()], isOperator: true);
        }

        return Postfix(Primary());
    }

    private Expr Primary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new ConstantExpr(token.Number);
            case TokenKind.String:
                return new ConstantExpr(token.Text);
            case TokenKind.LeftParen:
                var inner = Ternary();
                Expect(TokenKind.RightParen);
                return inner;
            case TokenKind.LeftBracket:
                var items = List(TokenKind.RightBracket);
                return new CallExpr("createArray", items);
            case TokenKind.Identifier when Peek.Kind == TokenKind.LeftParen:
                Next();
                return new CallExpr(token.Text, List(TokenKind.RightParen));
            case TokenKind.Identifier:
                return token.Text switch
                {
                    "true" => new ConstantExpr(true),
                    "false" => new ConstantExpr(false),
                    "null" => new ConstantExpr(null),
                    _ => new IdentifierExpr(token.Text),
                };
            default:
                throw Lexer.Syntax(token.Position);
        }
    }

    private Expr Postfix(Expr target)
    {
        while (true)
        {
            if (Peek.Kind == TokenKind.Dot)
            {
                Next();
                var name = Next();
                if (name.Kind != TokenKind.Identifier)
                {
                    throw Lexer.Syntax(name.Position);
                }

                target = new MemberExpr(target, name.Text);
            }
            else if (Peek.Kind == TokenKind.LeftBracket)
            {
                Next();
                var index = Ternary();
                Expect(TokenKind.RightBracket);
                target = new IndexExpr(target, index);
            }
            else
            {
                return target;
            }
        }
    }

    private List<Expr> List(TokenKind close)
    {
        var items = new List<Expr>();
        if (Peek.Kind == close)
        {
            Next();
            return items;
        }

        while (true)
        {
            items.Add(Ternary());
            var separator = Next();
            if (separator.Kind == close)
            {
                return items;
            }

            if (separator.Kind != TokenKind.Comma)
            {
                throw Lexer.Syntax(separator.Position);
            }
        }
    }

    private void Expect(TokenKind kind, string? text = null)
    {
        var token = Next();
        if (token.Kind != kind || (text is not null && token.Text != text))
        {
            throw Lexer.Syntax(token.Position);
        }
    }
}
