using System.Text.RegularExpressions;

namespace CultureBot.Core.Privacy;

/// <summary>
/// Payment card numbers: written as one run of 13–19 digits or grouped as cards print them (4-4-4-4, 4-4-4-4-3,
/// American Express 4-6-5, Diners 4-6-4) with one kind of separator, a brand's prefix and length, and the Luhn
/// check. A number labelled as something else (SIRET, order, parcel, invoice) is not a card even when it passes:
/// SIRET numbers are Luhn-checked too.
/// </summary>
internal static partial class PaymentCards
{
    public static string Redact(string text, string mask) =>
        CardPattern().Replace(text, m =>
        {
            if (LabelledAsSomethingElse(text, m.Index))
            {
                return m.Value;
            }

            if (IsCard(m.Value))
            {
                return mask;
            }

            // 4-4-4-4 followed by three digits that are not the card's (a CVC, a count): the sixteen alone.
            var tail = m.Groups["tail"];
            return tail.Success && IsCard(m.Value[..(tail.Index - m.Index)]) ? mask + tail.Value : m.Value;
        });

    private static bool IsCard(string candidate)
    {
        var digits = new string([.. candidate.Where(char.IsAsciiDigit)]);
        return BrandAccepts(digits) && Luhn(digits);
    }

    /// <summary>The issuer prefixes (IIN ranges) and lengths of the brands in use.</summary>
    private static bool BrandAccepts(string digits)
    {
        var length = digits.Length;
        var two = int.Parse(digits.AsSpan(0, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var three = int.Parse(digits.AsSpan(0, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        var four = int.Parse(digits.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        return digits[0] switch
        {
            '4' => length is 13 or 16 or 19,                                                        // Visa
            '5' when two is >= 51 and <= 55 => length == 16,                                         // Mastercard
            '5' when two is 50 or (>= 56 and <= 58) => length is >= 13 and <= 19,                   // Maestro
            '2' when four is >= 2221 and <= 2720 => length == 16,                                    // Mastercard 2-series
            '2' when four is >= 2200 and <= 2204 => length is >= 16 and <= 19,                       // Mir
            '3' when two is 34 or 37 => length == 15,                                                // American Express
            '3' when three is >= 300 and <= 305 || two is 36 or 38 or 39 => length is >= 14 and <= 19, // Diners Club
            '3' when four is >= 3528 and <= 3589 => length is >= 16 and <= 19,                      // JCB
            '6' => length is >= 13 and <= 19,                                                        // Discover, UnionPay, Maestro
            _ => false,
        };
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    private static bool LabelledAsSomethingElse(string text, int index)
    {
        var before = text[Math.Max(0, index - 30)..index];
        return OtherNumberLabel().IsMatch(before);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}]|\p{N}" + PersonalDataRedactor.Separator + @")(?:\d{13,19}|\d{4}(?<s>" + PersonalDataRedactor.Separator + @")\d{4}\k<s>\d{4}\k<s>\d{4}(?<tail>\k<s>\d{3})?|\d{4}(?<s>" + PersonalDataRedactor.Separator + @")\d{6}\k<s>\d{4,5})(?![\p{L}\p{N}])")]
    private static partial Regex CardPattern();

    /// <summary>A label just before the number says what it is: "SIRET :", "Commande n°", "Order #", "suivi colis".</summary>
    [GeneratedRegex(@"\b(?:siret|siren|commande|order|colis|parcel|suivi|tracking|facture|invoice|r[ée]f[ée]rence|ref|dossier|ticket|ean|isbn)\W{0,3}(?:n°|no\.?|#|num[ée]ro|number)?\W{0,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherNumberLabel();
}
