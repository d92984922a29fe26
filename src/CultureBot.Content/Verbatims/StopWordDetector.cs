using System.Text.RegularExpressions;

namespace CultureBot.Content.Verbatims;

/// <summary>
/// Tells French from English by their most common small words, the ones a sentence can hardly avoid ("le", "est",
/// "pas"; "the", "is", "not"). Words both languages use ("a", "on", "me", "plus") count for neither. It answers
/// only with a clear majority of enough words, and otherwise says it cannot tell: it never guesses.
/// </summary>
public static partial class StopWordDetector
{
    /// <summary>Fewer common words than this, over the whole file, is too little to tell.</summary>
    public const int MinimumWords = 3;

    private static readonly HashSet<string> French = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "un", "une", "des", "du", "de", "et", "est", "sont", "pas", "ne", "je", "j", "il", "elle", "nous",
        "vous", "ils", "elles", "que", "qui", "qu", "pour", "dans", "sur", "avec", "ce", "cette", "ces", "mais", "ou", "très",
        "trop", "mon", "ma", "mes", "ton", "au", "aux", "était", "ai", "avait", "c", "n", "l", "d", "se", "sa", "ses", "leur",
        "nos", "votre", "vos", "chez", "aussi", "déjà", "jamais", "toujours", "rien", "été", "fait", "quand", "comme", "sans",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "is", "are", "was", "were", "to", "of", "in", "it", "that", "this", "with", "for", "not", "but", "my",
        "we", "you", "they", "he", "she", "have", "has", "had", "be", "been", "very", "too", "at", "from", "our", "your",
        "their", "would", "could", "should", "i", "there", "what", "when", "which", "an", "by", "do", "does", "did", "just",
        "always", "never", "nothing", "without", "because", "so", "if", "all", "no", "them", "will", "can",
    };

    /// <summary>"fr", "en", or null when the words do not tell, with the count of each language's common words.</summary>
    public static (string? Language, int French, int English) Detect(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var (french, english) = (0, 0);
        foreach (var word in texts.SelectMany(t => Words().Matches(t.ToLowerInvariant())).Select(m => m.Value))
        {
            french += French.Contains(word) ? 1 : 0;
            english += English.Contains(word) ? 1 : 0;
        }

        // A clear majority: twice the other language's count, over enough words.
        var language = french + english < MinimumWords ? null
            : french >= 2 * english && french > english ? "fr"
            : english >= 2 * french && english > french ? "en"
            : null;
        return (language, french, english);
    }

    /// <summary>Runs of letters: "j'ai" is "j" and "ai", "don't" is "don" and "t".</summary>
    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
