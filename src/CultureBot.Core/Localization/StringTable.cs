using System.Globalization;

namespace CultureBot.Core.Localization;

/// <summary>
/// The UI strings of every supported language (content comes from packs, in the pack's language), and the words
/// people type in each: the command words of every route and the question patterns.
/// A missing key in one language falls back to English, and a key missing everywhere is returned
/// bracketed so that it shows in tests and screenshots instead of silently vanishing.
/// </summary>
public sealed class StringTable
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _byLanguage;
    private readonly IReadOnlyDictionary<string, LanguageWords> _words;

    public StringTable(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byLanguage,
        IReadOnlyDictionary<string, LanguageWords>? words = null)
    {
        ArgumentNullException.ThrowIfNull(byLanguage);
        if (!byLanguage.ContainsKey(Locales.English.TwoLetterISOLanguageName))
        {
            throw new ArgumentException("The string table needs English, the fallback language.", nameof(byLanguage));
        }

        _byLanguage = byLanguage;
        _words = words ?? new Dictionary<string, LanguageWords>();
    }

    public string Get(string key, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Lookup(culture.TwoLetterISOLanguageName, key)
            ?? Lookup(Locales.English.TwoLetterISOLanguageName, key)
            ?? $"[{key}]";
    }

    /// <summary>The string <paramref name="key"/> in <paramref name="culture"/>'s own language, without the English fallback.</summary>
    public string? Own(string key, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Lookup(culture.TwoLetterISOLanguageName, key);
    }

    public string Format(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, Get(key, culture), args);

    /// <summary>All strings of one language with English underneath, as templates see them (<c>${t.key}</c>).</summary>
    public IReadOnlyDictionary<string, string> All(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var merged = new Dictionary<string, string>(_byLanguage[Locales.English.TwoLetterISOLanguageName], StringComparer.Ordinal);
        if (_byLanguage.TryGetValue(culture.TwoLetterISOLanguageName, out var own))
        {
            foreach (var (k, v) in own)
            {
                merged[k] = v;
            }
        }

        return merged;
    }

    /// <summary>The languages of the table, English first: the languages CultureBot speaks.</summary>
    public IEnumerable<string> Languages =>
        _byLanguage.Keys.OrderBy(l => l == Locales.English.TwoLetterISOLanguageName ? 0 : 1).ThenBy(l => l, StringComparer.Ordinal);

    /// <summary>The language CultureBot answers a user of <paramref name="culture"/> in: theirs when the table has it, else English.</summary>
    public CultureInfo Speak(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return _byLanguage.ContainsKey(culture.TwoLetterISOLanguageName) ? culture : Locales.English;
    }

    public IEnumerable<string> Keys(string language) =>
        _byLanguage.TryGetValue(language, out var table) ? table.Keys : [];

    /// <summary>The command words and question patterns of <paramref name="language"/> (none when its file has none).</summary>
    public LanguageWords Words(string language) =>
        _words.TryGetValue(language, out var words) ? words : LanguageWords.None;

    private string? Lookup(string language, string key) =>
        _byLanguage.TryGetValue(language, out var table) && table.TryGetValue(key, out var value) ? value : null;
}
