using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace CultureBot.Core.Privacy;

/// <summary>
/// IBANs in any case and grouping (fours, the French RIB's 5-5-11-2, no-break spaces, dashes), kept only when the
/// country's registered length and the ISO 7064 mod-97 check both hold; and French RIBs alone, by their key.
/// </summary>
internal static partial class BankAccounts
{
    /// <summary>IBAN length per country, from the SWIFT IBAN registry (ISO 13616).</summary>
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18,
        ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["GT"] = 28, ["HN"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20,
        ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20,
        ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24,
        ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25,
        ["SV"] = 28, ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
        ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Redact(string text, string mask)
    {
        text = RedactIbans(text, mask);
        return RibPattern().Replace(text, m => RibKeyHolds(m) ? mask : m.Value);
    }

    /// <summary>
    /// From each country code and check digits, reads exactly the country's length of letters and digits, single
    /// separators allowed between them, so the words after an IBAN are never taken for its last group.
    /// </summary>
    private static string RedactIbans(string text, string mask)
    {
        var result = new StringBuilder(text.Length);
        var copied = 0;
        foreach (Match start in IbanStartPattern().Matches(text))
        {
            if (start.Index < copied
                || !Lengths.TryGetValue(start.Value[..2].ToUpperInvariant(), out var length)
                || ReadIban(text, start.Index, length) is not var (end, iban)
                || !Mod97Holds(iban))
            {
                continue;
            }

            result.Append(text, copied, start.Index - copied).Append(mask);
            copied = end;
        }

        return copied == 0 ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static (int End, string Iban)? ReadIban(string text, int start, int length)
    {
        var iban = new StringBuilder(length);
        var i = start;
        while (iban.Length < length && i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                iban.Append(char.ToUpperInvariant(c));
            }
            else if (!(IsSeparator(c) && iban.Length > 0 && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1])))
            {
                return null;
            }

            i++;
        }

        var glued = i < text.Length && char.IsLetterOrDigit(text[i]);
        return iban.Length == length && !glued ? (i, iban.ToString()) : null;
    }

    private static bool IsSeparator(char c) => c is '-' or '.' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.SpaceSeparator;

    /// <summary>ISO 7064 mod 97-10: the country and check digits moved to the end, letters as 10–35, the number modulo 97 is 1.</summary>
    private static bool Mod97Holds(string iban)
    {
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>The French RIB key: 97 − ((89 × bank + 15 × branch + 3 × account) mod 97), letters in the account read as digits.</summary>
    private static bool RibKeyHolds(Match rib)
    {
        var remainder = 0;
        foreach (var (part, weight) in new[] { (rib.Groups["bank"].Value, 89), (rib.Groups["branch"].Value, 15), (rib.Groups["account"].Value, 3) })
        {
            var value = 0L;
            foreach (var c in part)
            {
                value = (value * 10) + RibDigit(c);
            }

            remainder = (int)((remainder + (weight * (value % 97))) % 97);
        }

        return 97 - remainder == int.Parse(rib.Groups["key"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A–I, J–R, S–Z are 1–9, 1–9, 2–9 in a RIB's account number.</summary>
    private static int RibDigit(char c) => char.ToUpperInvariant(c) switch
    {
        >= '0' and <= '9' => c - '0',
        var u and >= 'A' and <= 'I' => u - 'A' + 1,
        var u and >= 'J' and <= 'R' => u - 'J' + 1,
        var u => u - 'S' + 2,
    };

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}")]
    private static partial Regex IbanStartPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<bank>\d{5})" + PersonalDataRedactor.Separator + @"?(?<branch>\d{5})" + PersonalDataRedactor.Separator + @"?(?<account>[A-Za-z0-9]{11})" + PersonalDataRedactor.Separator + @"?(?<key>\d{2})(?![\p{L}\p{N}])")]
    private static partial Regex RibPattern();
}
