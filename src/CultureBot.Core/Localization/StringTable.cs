using System.Globalization;

namespace CultureBot.Core.Localization;

/// <summary>
/// The UI strings of every supported language (content comes from packs, in the pack's language).
/// A missing key in one language falls back to English, and a key missing everywhere is returned
/// bracketed so that it shows in tests and screenshots instead of silently vanishing.
/// </summary>
public sealed class StringTable
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _byLanguage;

    public StringTable(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byLanguage)
    {
        ArgumentNullException.ThrowIfNull(byLanguage);
        if (!byLanguage.ContainsKey(Locales.English.TwoLetterISOLanguageName))
        {
            throw new ArgumentException("The string table needs English, the fallback language.", nameof(byLanguage));
        }

        _byLanguage = byLanguage;
    }

    public string Get(string key, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Lookup(culture.TwoLetterISOLanguageName, key)
            ?? Lookup(Locales.English.TwoLetterISOLanguageName, key)
            ?? $"[{key}]";
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

    public IEnumerable<string> Languages => _byLanguage.Keys;

    public IEnumerable<string> Keys(string language) =>
        _byLanguage.TryGetValue(language, out var table) ? table.Keys : [];

    private string? Lookup(string language, string key) =>
        _byLanguage.TryGetValue(language, out var table) && table.TryGetValue(key, out var value) ? value : null;
}
