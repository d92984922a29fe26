using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace CultureBot.Core.Privacy;

/// <summary>
/// Phone numbers: international (+ or 00, then a calling code that exists and a national number of a plausible
/// length: +33 6 12 34 56 78, +1 (555) 123-4567), North American (555-123-4567, (555) 123-4567), and French
/// national (06 12 34 56 78, 01.23.45.67.89). A figure followed by a currency or a percentage is an amount
/// (+100 000 000 €), never a phone.
/// </summary>
internal static partial class PhoneNumbers
{
    /// <summary>The ITU calling codes of one and two digits; any other starts with a three-digit code.</summary>
    private static readonly FrozenSet<string> ShortCallingCodes = new[]
    {
        "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48",
        "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82",
        "84", "86", "90", "91", "92", "93", "94", "95", "98",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string Redact(string text, string mask)
    {
        text = InternationalPattern().Replace(text, m => International(text, m, mask));
        text = NorthAmericanPattern().Replace(text, mask);
        return FrenchPattern().Replace(text, mask);
    }

    /// <summary>
    /// The longest start of the candidate that is a valid number is the phone; what follows it (a count, a day)
    /// stays. "(0)" after the calling code is the national trunk prefix, written but not dialled.
    /// </summary>
    private static string International(string text, Match candidate, string mask)
    {
        var value = candidate.Value;
        for (var end = value.Length; end > 0; end--)
        {
            if (!char.IsAsciiDigit(value[end - 1]) || (end < value.Length && char.IsAsciiDigit(value[end])))
            {
                continue;
            }

            var digits = new string([.. value[..end].Replace("(0)", string.Empty, StringComparison.Ordinal).Where(char.IsAsciiDigit)]);
            if (value.StartsWith("00", StringComparison.Ordinal))
            {
                digits = digits[2..];
            }

            if (IsDialable(digits) && !IsAmount(text, candidate.Index + end))
            {
                return mask + value[end..];
            }
        }

        return value;
    }

    /// <summary>A calling code, then a national number that does not start with 0 (Italy's aside) and fits E.164's 15 digits.</summary>
    private static bool IsDialable(string digits)
    {
        if (digits.Length is < 8 or > 15)
        {
            return false;
        }

        if (digits[0] == '1')
        {
            // North America: a three-digit area code that starts with 2–9, then seven digits.
            return digits.Length == 11 && digits[1] is >= '2' and <= '9';
        }

        var codeLength = ShortCallingCodes.Contains(digits[..1]) ? 1 : ShortCallingCodes.Contains(digits[..2]) ? 2 : 3;
        var code = digits[..codeLength];
        var national = digits[codeLength..];
        return code switch
        {
            "33" => national.Length == 9 && national[0] != '0',
            "39" => national.Length is >= 6 and <= 11,
            _ => national.Length is >= 6 and <= 12 && national[0] != '0',
        };
    }

    private static bool IsAmount(string text, int end) => AmountAfter().IsMatch(text.AsSpan(end));

    [GeneratedRegex(@"(?<![\p{L}\p{N}+])(?:\+|00)[1-9](?:[\p{Zs}.\-()]{0,3}\d){5,16}(?!\p{N})")]
    private static partial Regex InternationalPattern();

    [GeneratedRegex(@"^\p{Zs}?(?:[€$£¥%‰]|(?:k|M|Md|bn)?(?:€|\$)|eur\b|euros?\b|usd\b|dollars?\b|pounds?\b|livres?\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountAfter();

    [GeneratedRegex(@"(?<![\p{L}\p{N}+(]|\p{N}" + PersonalDataRedactor.Separator + @")(?:\([2-9]\d{2}\)\p{Zs}?\d{3}[\-.\p{Zs}]|[2-9]\d{2}(?<s>[.\-])\d{3}\k<s>)\d{4}(?![\p{L}\p{N}]|[.\-]\d)")]
    private static partial Regex NorthAmericanPattern();

    /// <summary>Ten digits from 01 to 09, in pairs with one kind of separator or none.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}+]|\p{N}" + PersonalDataRedactor.Separator + @")0[1-9](?<s>" + PersonalDataRedactor.Separator + @"?)\d{2}(?:\k<s>\d{2}){3}(?![\p{L}\p{N}])")]
    private static partial Regex FrenchPattern();
}
