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

    /// <summary>
    /// How many typing slips apart two words are: a letter added, dropped or changed, or two neighbours swapped
    /// ("hlep" and "help" are one slip apart; the optimal string alignment distance).
    /// </summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // Three rows of the table: a swap looks two rows back.
        var twoBack = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], twoBack[j - 2] + 1);
                }
            }

            (twoBack, previous, current) = (previous, current, twoBack);
        }

        return previous[b.Length];
    }

    private static readonly char[] TrimmedPunctuation = ['!', '.', '?', '¿', '¡', ':', ';', ','];
}
