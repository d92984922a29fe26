using System.Globalization;
using System.Text.RegularExpressions;

namespace CultureBot.Cards.Templating.Expressions;

/// <summary>
/// Date functions as the reference engine runs them: ISO 8601 in, always UTC out (an offset is converted,
/// no offset means UTC), .NET-style format strings, and names that stay English whatever the locale.
/// </summary>
internal static partial class Dates
{
    private const string DefaultFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    public static string Format(object? value, string? format)
    {
        var instant = Parse(value) ?? throw new EvaluationException($"{Js.Describe(value)} is not a valid datetime string.");
        return Write(instant, format ?? DefaultFormat);
    }

    /// <summary><c>addDays(timestamp, n, format?)</c>: the timestamp must be exactly <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
    public static string Add(IReadOnlyList<object?> args, TimeSpan unit, string name)
    {
        if (args[0] is not string text || !StrictIso().IsMatch(text) || Parse(text) is not { } instant)
        {
            throw new EvaluationException($"{Js.Describe(args[0])} is not a ISO format datetime string.");
        }

        var amount = Js.Number(args.Count > 1 ? args[1] : null, name);
        var format = args.Count > 2 && args[2] is string f ? f : DefaultFormat;
        return Write(instant + (unit * amount), format);
    }

    private static DateTimeOffset? Parse(object? value)
    {
        if (value is not string text || !Iso().IsMatch(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;
    }

    private static string Write(DateTimeOffset instant, string format)
    {
        try
        {
            return instant.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new EvaluationException($"{format} is not a valid datetime format.");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex StrictIso();
}
