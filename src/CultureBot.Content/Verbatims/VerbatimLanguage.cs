using System.Globalization;
using System.Text.RegularExpressions;

namespace CultureBot.Content.Verbatims;

/// <summary>The language given to the lines of a file that have no language cell, and why, in words for the operator.</summary>
/// <param name="Language">The language; null when it could not be told (those lines are then refused, never guessed).</param>
public sealed record LanguageChoice(string? Language, string Reason);

/// <summary>
/// The language of a verbatim file's lines without a language cell: the one given (<c>--language</c>), else the
/// file's name (<c>NAME.en.csv</c>), else what its words say. A file stored under the wrong language is shown to
/// nobody who reads it, so the choice is printed, and a file whose words do not tell is refused rather than guessed.
/// </summary>
public static partial class VerbatimLanguage
{
    public static LanguageChoice Choose(string? given, string fileName, IEnumerable<string> texts)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new LanguageChoice(Normalize(given), "given with --language");
        }

        if (FromFileName(fileName) is { } named)
        {
            return new LanguageChoice(named, $"from the file name {fileName}");
        }

        var (language, french, english) = StopWordDetector.Detect(texts);
        var counts = $"{french} French and {english} English common words";
        return language is null
            ? new LanguageChoice(null, $"cannot tell from the words ({counts}): add a language column, name the file NAME.fr.csv or NAME.en.csv, or pass --language")
            : new LanguageChoice(language, $"detected from the words ({counts})");
    }

    /// <summary>The language a name like <c>retours.en.csv</c> gives (two or three letters before the extension); null otherwise.</summary>
    public static string? FromFileName(string fileName)
    {
        var tag = Path.GetExtension(Path.GetFileNameWithoutExtension(fileName)).TrimStart('.');
        return LanguageTag().IsMatch(tag) ? tag.ToLowerInvariant() : null;
    }

    /// <summary><c>en-GB</c>, <c>FR_fr</c> → <c>en</c>, <c>fr</c>: verbatims are kept by language, not region.</summary>
    public static string Normalize(string language) => language.Trim().Split('-', '_')[0].ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z]{2,3}$")]
    private static partial Regex LanguageTag();
}
