using System.Globalization;
using System.Text;

namespace CultureBot.Core.Personas.Matching;

/// <summary>
/// Turns text into comparable terms, in any Latin-script language, with no model: case and accents folded,
/// function words (French and English) dropped, and words cut to a light stem — common suffixes off, then at
/// most 7 letters — so that "retraité" meets "retraite", "familles" meets "famille", "réparation" meets "réparer".
/// </summary>
public static class TextAnalyzer
{
    private const int StemLength = 7;

    private static readonly string[] Suffixes =
    [
        "issements", "issement", "ements", "ement", "ations", "ation", "itions", "ition", "ateurs", "ateur", "atrice", "ances", "ance", "ences", "ence",
        "euses", "euse", "eux", "ives", "ive", "ifs", "if", "ables", "able", "ibles", "ible", "istes", "iste", "ismes", "isme", "ites", "ite",
        "ings", "ing", "edly", "ness", "ments", "ment", "ers", "er", "ed", "ies", "es", "ee", "e", "s", "x",
    ];

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // French
        "le", "la", "les", "un", "une", "des", "du", "de", "d", "l", "et", "ou", "a", "au", "aux", "en", "dans", "par", "pour", "sur", "sous", "avec",
        "sans", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "il", "elle",
        "ils", "elles", "on", "nous", "vous", "je", "j", "me", "m", "te", "se", "s", "lui", "y", "qui", "que", "qu", "quoi", "dont", "ou", "ne", "n",
        "pas", "plus", "moins", "tres", "trop", "bien", "tout", "tous", "toute", "toutes", "est", "sont", "etait", "ete", "etre", "avoir", "a", "ai",
        "as", "avait", "ont", "fait", "faire", "c", "ca", "si", "mais", "donc", "car", "comme", "quand", "meme", "aussi", "deja", "encore", "entre",
        "vers", "chez", "apres", "avant", "depuis", "pendant", "alors", "puis", "peu", "beaucoup", "autre", "autres", "client", "cliente", "clients",
        "veut", "voudrait", "voulait", "demande", "demandait", "cherche", "souhaite", "quelqu", "quelque", "quelques", "chose", "choses",
        // French light verbs: they say little about who the customer is.
        "aller", "va", "vont", "allait", "venir", "vient", "venu", "venue", "voir", "vu", "dire", "dit", "prendre", "pris", "mettre", "mis",
        "pouvoir", "peut", "peuvent", "pourrait", "vouloir", "devoir", "doit", "savoir", "sait", "falloir", "faut", "rester", "reste",
        "trouve", "trouver", "trouvait", "semble", "sembler",
        // Numbers say how many, not who: "deux enfants" is about children.
        "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze", "vingt", "trente", "quarante", "cinquante",
        "soixante", "cent", "cents", "mille",
        // English
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "without", "at", "by", "from", "as", "is", "are", "was", "were", "be",
        "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "they", "them", "his", "her", "their", "we", "our", "you", "your",
        "i", "my", "me", "who", "whom", "which", "what", "not", "no", "but", "if", "so", "than", "too", "very", "can", "could", "would", "should",
        "will", "has", "have", "had", "do", "does", "did", "all", "any", "some", "more", "most", "other", "about", "into", "over", "after", "before",
        "customer", "customers", "wants", "wanted", "asked", "asks", "looking", "there", "here", "just", "also", "only", "someone", "something",
        // English light verbs.
        "go", "goes", "went", "get", "gets", "got", "make", "makes", "made", "take", "takes", "took", "come", "comes", "came", "want", "need",
        "needs", "say", "says", "said", "see", "saw", "know", "knows", "knew", "let", "put", "keep", "keeps",
        // Numbers.
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty",
        "fifty", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "twice",
    };

    /// <summary>The stems of a text's content words, in order.</summary>
    public static List<string> Terms(string? text)
    {
        var terms = new List<string>();
        foreach (var word in Words(text))
        {
            if (Stem(word) is { } stem)
            {
                terms.Add(stem);
            }
        }

        return terms;
    }

    /// <summary>The folded words of a text (lower case, no accents), stop words included.</summary>
    public static IEnumerable<string> Words(string? text) => Tokens(text).Select(t => t.Word);

    /// <summary>
    /// The words of a text as typed (<paramref name="text"/>'s own spelling, to show back to people) with their folded
    /// form (to compare): "Étudiante" is shown as typed and compared as "etudiante".
    /// </summary>
    public static IEnumerable<(string Word, string AsTyped)> Tokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        // Cut on the text as typed (an accent typed as a combining mark belongs to its letter), then fold each word.
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || (start >= 0 && CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var typed = text[start..i];
                yield return (Fold(typed), typed);
                start = -1;
            }
        }
    }

    /// <summary>The stem of one folded word, or null for a stop word or a too short one.</summary>
    public static string? Stem(string word)
    {
        if (word.Length < 3 || StopWords.Contains(word) || word.All(char.IsAsciiDigit))
        {
            return null;
        }

        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                word = word[..^suffix.Length];
                break;
            }
        }

        return word.Length > StemLength ? word[..StemLength] : word;
    }

    /// <summary>Lower case without diacritics.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Replace('œ', 'o').Replace('æ', 'a');
    }
}
