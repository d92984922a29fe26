using System.Text.RegularExpressions;

namespace CultureBot.Core.Privacy;

/// <summary>
/// Removes personal data from free text before it leaves the bot or is stored: e-mail addresses, IBANs,
/// payment card numbers (Luhn-checked), and phone numbers (French and international forms).
/// </summary>
public static partial class PersonalDataRedactor
{
    public const string Email = "[email]";
    public const string Iban = "[iban]";
    public const string Card = "[card]";
    public const string Phone = "[phone]";

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        text = EmailPattern().Replace(text, Email);
        text = IbanPattern().Replace(text, Iban);
        text = CardPattern().Replace(text, m => Luhn(m.Value) ? Card : m.Value);
        text = PhonePattern().Replace(text, m => m.Value.Count(char.IsAsciiDigit) is >= 9 and <= 15 ? Phone : m.Value);
        return text;
    }

    private static bool Luhn(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"\b(?:\d[ -]?){12,18}\d\b")]
    private static partial Regex CardPattern();

    /// <summary>International (+33 6 12 34 56 78, 0044 20 7946 0958) or French national (06 12 34 56 78, 01.23.45.67.89).</summary>
    [GeneratedRegex(@"(?:(?:\+|\b00)[1-9]\d{0,2}(?:[ .\-]?(?:\(0\))?\d{1,4}){2,6}|\b0[1-9](?:[ .\-]?\d{2}){4})\b")]
    private static partial Regex PhonePattern();
}
