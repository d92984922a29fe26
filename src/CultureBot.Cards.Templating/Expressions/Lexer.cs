using System.Globalization;

namespace CultureBot.Cards.Templating.Expressions;

internal enum TokenKind
{
    Number,
    String,
    Identifier,
    Operator,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Position, double Number = 0);

/// <summary>Splits an Adaptive Expression into tokens. Identifiers may start with <c>$</c> or <c>@</c> (<c>$root</c>, <c>$index</c>).</summary>
internal static class Lexer
{
    private static readonly string[] Operators = ["&&", "||", "==", "!=", "<>", "<=", ">=", "<", ">", "+", "-", "*", "/", "%", "^", "!", "&", "?", ":"];

    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            switch (c)
            {
                case '(':
                    tokens.Add(new Token(TokenKind.LeftParen, "(", i++));
                    continue;
                case ')':
                    tokens.Add(new Token(TokenKind.RightParen, ")", i++));
                    continue;
                case '[':
                    tokens.Add(new Token(TokenKind.LeftBracket, "[", i++));
                    continue;
                case ']':
                    tokens.Add(new Token(TokenKind.RightBracket, "]", i++));
                    continue;
                case ',':
                    tokens.Add(new Token(TokenKind.Comma, ",", i++));
                    continue;
                case '.' when i + 1 >= source.Length || !char.IsAsciiDigit(source[i + 1]):
                    tokens.Add(new Token(TokenKind.Dot, ".", i++));
                    continue;
                case '\'' or '"':
                    tokens.Add(new Token(TokenKind.String, ReadString(source, ref i), start));
                    continue;
                case '`':
                    throw Syntax(start);
            }

            if (char.IsAsciiDigit(c) || c == '.')
            {
                while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] == '.'))
                {
                    i++;
                }

                var text = source[start..i];
                if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || (i < source.Length && char.IsLetter(source[i])))
                {
                    throw Syntax(start);
                }

                tokens.Add(new Token(TokenKind.Number, text, start, number));
                continue;
            }

            if (char.IsLetter(c) || c is '_' or '$' or '@' or '#')
            {
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] is '_' or '$' or '@' or '#'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, source[start..i], start));
                continue;
            }

            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(source, i, o, 0, o.Length) == 0);
            if (op is null)
            {
                throw Syntax(start);
            }

            tokens.Add(new Token(TokenKind.Operator, op, start));
            i += op.Length;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, source.Length));
        return tokens;
    }

    private static string ReadString(string source, ref int i)
    {
        var quote = source[i];
        var start = i;
        i++;
        var builder = new System.Text.StringBuilder();
        while (i < source.Length && source[i] != quote)
        {
            if (source[i] == '\\' && i + 1 < source.Length)
            {
                var next = source[i + 1];
                builder.Append(next switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ => next,
                });
                i += 2;
                continue;
            }

            builder.Append(source[i]);
            i++;
        }

        if (i >= source.Length)
        {
            throw Syntax(start);
        }

        i++;
        return builder.ToString();
    }

    public static TemplateException Syntax(int position) =>
        new($"syntax error at line 1:{position} Invalid expression format.");
}
