using CultureBot.Core.Privacy;

namespace CultureBot.Llm.Tests;

public class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("Écrivez à marie.curie+facture@exemple.fr svp", "Écrivez à [email] svp")]
    [InlineData("Appelez le 06 12 34 56 78 demain", "Appelez le [phone] demain")]
    [InlineData("ou le +33 6 12 34 56 78", "ou le [phone]")]
    [InlineData("fixe 01.23.45.67.89.", "fixe [phone].")]
    [InlineData("UK +44 20 7946 0958", "UK [phone]")]
    [InlineData("IBAN FR76 3000 6000 0112 3456 7890 189 pour le virement", "IBAN [iban] pour le virement")]
    [InlineData("carte 4111 1111 1111 1111 refusée", "carte [card] refusée")]
    public void Personal_data_is_redacted(string text, string expected) =>
        Assert.Equal(expected, PersonalDataRedactor.Redact(text));

    [Theory]
    [InlineData("Commande 1234 livrée le 12/03/2026, 3 articles à 49,90 €")]
    [InlineData("Un numéro qui ne passe pas Luhn : 1234 5678 9012 3456")]
    [InlineData("Client depuis 2009, 66 ans")]
    public void Ordinary_numbers_stay(string text)
    {
        var redacted = PersonalDataRedactor.Redact(text);

        Assert.DoesNotContain("[card]", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("[phone]", redacted, StringComparison.Ordinal);
    }
}
