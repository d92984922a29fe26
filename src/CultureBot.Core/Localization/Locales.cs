using System.Globalization;

namespace CultureBot.Core.Localization;

/// <summary>The UI languages CultureBot speaks, and how a platform locale maps to one of them.</summary>
public static class Locales
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    public static IReadOnlyList<CultureInfo> Supported { get; } = [English, French];

    /// <summary>
    /// The supported UI culture for a BCP-47 tag such as <c>fr-FR</c>, <c>fr-CA</c>, <c>en-US</c>;
    /// English for anything else, including null and malformed tags.
    /// </summary>
    public static CultureInfo Resolve(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return English;
        }

        var language = tag.Trim().Replace('_', '-').Split('-')[0];
        return Supported.FirstOrDefault(c => string.Equals(c.TwoLetterISOLanguageName, language, StringComparison.OrdinalIgnoreCase))
            ?? English;
    }
}
