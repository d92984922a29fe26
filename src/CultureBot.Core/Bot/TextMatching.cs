using System.Globalization;
using System.Text;

namespace CultureBot.Core.Bot;

/// <summary>
/// Folds text for matching what people type: case, accents, punctuation at the ends and runs of
/// white space do not matter (<c>"À propos !"</c> and <c>"a propos"</c> are the same command).
/// </summary>
public static class TextMatching
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Trim(TrimmedPunctuation).Trim();
    }

    /// <summary>
    /// <see cref="Fold"/> for reading command words: punctuation that closes a word inside the text is dropped too, so
    /// <c>"which persona fits: a student"</c> reads as the command <c>which persona fits</c> followed by its argument.
    /// (Kept apart from <see cref="Fold"/>, whose output is stored in content hashes.)
    /// </summary>
    public static string FoldWords(string? text) =>
        string.Join(' ', Fold(text).Split(' ').Select(w => w.TrimEnd(TrimmedPunctuation)).Where(w => w.Length > 0));

    private static readonly char[] TrimmedPunctuation = ['!', '.', '?', '¿', '¡', ':', ';', ','];
}
