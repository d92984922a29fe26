using System.Text.RegularExpressions;

namespace CultureBot.Core.Privacy;

/// <summary>
/// Removes personal data from free text before it leaves the bot or is stored: e-mail addresses (Unicode too),
/// IBANs (country length and mod-97) and French RIBs (key), payment card numbers (brand, length, grouping and
/// Luhn), and phone numbers (French, international with a real country code, North American). Numbers that only
/// look like these (SIRET, order and parcel numbers, amounts, dates) are left alone: every candidate is checked.
/// </summary>
public static partial class PersonalDataRedactor
{
    public const string Email = "[email]";
    public const string Iban = "[iban]";
    public const string Card = "[card]";
    public const string Phone = "[phone]";

    /// <summary>
    /// One character people and exports put between groups of digits: a space of any kind (French exports write
    /// U+00A0 and U+202F), a dot or a dash.
    /// </summary>
    internal const string Separator = @"[\p{Zs}.\-]";

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        text = EmailPattern().Replace(text, Email);
        text = BankAccounts.Redact(text, Iban);
        text = PaymentCards.Redact(text, Card);
        return PhoneNumbers.Redact(text, Phone);
    }

    /// <summary>Letters of any script in the local part and the domain (prénom.nom@société.fr), a top-level domain of letters.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{N}._%+\-'])[\p{L}\p{M}\p{N}_%+\-]+(?:[.'][\p{L}\p{M}\p{N}_%+\-]+)*@(?:[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}\-]*[\p{L}\p{M}\p{N}])?\.)+\p{L}[\p{L}\p{M}]+(?![\p{L}\p{M}\p{N}\-])")]
    private static partial Regex EmailPattern();
}
