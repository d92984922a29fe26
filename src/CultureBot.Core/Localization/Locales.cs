using System.Globalization;

namespace CultureBot.Core.Localization;

/// <summary>
/// How a platform locale maps to a language. Which languages CultureBot speaks is not decided here but by the
/// language files (<see cref="StringTable.Languages"/>): a turn is answered in the user's language when there is
/// a file for it, else in English (<see cref="StringTable.Speak"/>).
/// </summary>
public static class Locales
{
    /// <summary>The fallback language: every UI string and every command word exists in English.</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    /// <summary>
    /// The language of a BCP-47 tag such as <c>fr-FR</c>, <c>fr-CA</c>, <c>de-DE</c> (the neutral culture:
    /// <c>fr</c>, <c>de</c>); English for null, malformed and unknown tags.
    /// </summary>
    public static CultureInfo Resolve(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return English;
        }

        var language = tag.Trim().Replace('_', '-').Split('-')[0];
        if (language.Length is < 2 or > 3 || !language.All(char.IsAsciiLetter))
        {
            return English;
        }

        try
        {
            return CultureInfo.GetCultureInfo(language.ToLowerInvariant(), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return English;
        }
    }
}
