namespace CultureBot.Cards.Templating;

/// <summary>
/// A template cannot be expanded: a syntax error (raised when the template is parsed, before any data),
/// or an expression that fails when it is a string's whole content (inside mixed text a failing
/// expression is kept as its <c>${…}</c> text instead, as the reference engine does).
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An expression failed while evaluating; caught by the expander, which decides what the failure means.</summary>
internal sealed class EvaluationException(string message) : Exception(message);
