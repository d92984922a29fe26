using CultureBot.Content.Verbatims;
using CultureBot.Core.Privacy;
using CultureBot.Core.Verbatims;

namespace CultureBot.Content.Tests;

/// <summary>Verbatim files as teams export them: French spreadsheet (semicolons, BOM, multi-line cells), an English survey export with its own headers.</summary>
public class VerbatimCsvReaderTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "verbatims", name);

    private static VerbatimCsv Read(string name, IReadOnlyDictionary<string, string>? mapping = null, string language = "fr")
    {
        using var stream = File.OpenRead(Sample(name));
        return VerbatimCsvReader.Read(stream, name, mapping, language);
    }

    [Fact]
    public void A_french_spreadsheet_export_is_read_with_its_good_lines_kept_and_its_bad_lines_named()
    {
        var csv = Read("retours-clients.fr.csv");

        Assert.Equal(5, csv.Verbatims.Count);
        Assert.Equal(1, csv.Duplicates);
        Assert.Equal(
            [
                "retours-clients.fr.csv:8: date: '31/02/2026' is not a date: write 2026-11-22 or 22/11/2026",
                "retours-clients.fr.csv:9: kind: 'colère' is not a kind: use delight, irritant or expectation (enchantement, irritant, attente)",
                "retours-clients.fr.csv:10: text: empty: a verbatim needs its words",
            ],
            csv.Errors.Select(e => e.ToString()));
        var first = csv.Verbatims[0];
        Assert.Equal("Le vélo était prêt le lendemain, comme promis ; bravo à l'atelier.", first.Text);
        Assert.Equal(("camille", VerbatimKind.Delight, "après-vente", VerbatimSource.Interview, new DateOnly(2026, 11, 16), "magasin", "fr"), (first.PersonaId, first.Kind, first.Stage, first.Source, first.Date!.Value, first.Channel, first.Language));
        Assert.Null(csv.Verbatims[^1].Date);
    }

    [Fact]
    public void Personal_data_is_removed_on_the_way_in_and_multi_line_cells_stay_whole()
    {
        var csv = Read("retours-clients.fr.csv");

        var call = csv.Verbatims.Single(v => v.Source == VerbatimSource.Call);
        var refund = csv.Verbatims.Single(v => v.PersonaId == "ines");
        Assert.Equal($"J'ai attendu dix jours pour une chambre à air.\nDix jours ! Appelez-moi au {PersonalDataRedactor.Phone} ou écrivez à {PersonalDataRedactor.Email}", call.Text.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 11, 17), call.Date);
        Assert.Equal($"Remboursez sur {PersonalDataRedactor.Iban} merci", refund.Text);
        Assert.Equal(2, csv.Redacted);
    }

    [Fact]
    public void A_survey_export_with_its_own_headers_is_read_through_a_mapping()
    {
        var unmapped = Read("export.en.csv", language: "en");
        var mapping = VerbatimCsvReader.ParseMapping(["Customer comment=text", "Segment=persona", "Sentiment=kind", "When=date"]);

        var csv = Read("export.en.csv", mapping, "en");

        Assert.Empty(unmapped.Verbatims);
        Assert.StartsWith("export.en.csv:1: header: no column holds the text", Assert.Single(unmapped.Errors).ToString(), StringComparison.Ordinal);
        Assert.Empty(csv.Errors);
        Assert.Equal(2, csv.Verbatims.Count);
        Assert.Equal($"Quick repair, friendly staff, card {PersonalDataRedactor.Card} was charged twice though", csv.Verbatims[0].Text);
        Assert.Equal("Loved the test ride, \"best Saturday\" in months", csv.Verbatims[1].Text);
        Assert.Equal(VerbatimKind.Delight, csv.Verbatims[1].Kind);
        Assert.All(csv.Verbatims, v => Assert.Equal("en", v.Language));
    }

    [Theory]
    [InlineData("Comment")]
    [InlineData("Comment=mood")]
    [InlineData("=text")]
    public void A_bad_mapping_is_refused_with_the_fields_it_could_be(string option) =>
        Assert.Contains("text, persona, kind", Assert.Throws<ArgumentException>(() => VerbatimCsvReader.ParseMapping([option])).Message, StringComparison.Ordinal);

    [Fact]
    public void An_empty_file_says_so()
    {
        using var stream = new MemoryStream();

        var csv = VerbatimCsvReader.Read(stream, "empty.csv", null, "fr");

        Assert.Equal("empty.csv:1: header: the file is empty: the first line must name the columns", Assert.Single(csv.Errors).ToString());
    }

    [Fact]
    public void Personal_data_is_removed_from_every_text_column_not_only_the_words()
    {
        var file = "texte;persona;étape;canal;langue\n"
            + "Livré en retard;camille;rappel au 06\u00A012\u00A034\u00A056\u00A078;marie@exemple.fr;fr\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file));

        var csv = VerbatimCsvReader.Read(stream, "colonnes.csv", null, "fr");

        var verbatim = Assert.Single(csv.Verbatims);
        Assert.Equal(("Livré en retard", $"rappel au {PersonalDataRedactor.Phone}", PersonalDataRedactor.Email), (verbatim.Text, verbatim.Stage, verbatim.Channel));
        Assert.Equal(1, csv.Redacted);
    }

    [Fact]
    public void The_fingerprint_ignores_case_accents_and_spacing_but_not_the_persona()
    {
        var a = new Verbatim { Text = "Prêt le lendemain !", PersonaId = "camille", Language = "fr" };

        Assert.Equal(a.Fingerprint, (a with { Text = "  pret LE   lendemain !" }).Fingerprint);
        Assert.NotEqual(a.Fingerprint, (a with { PersonaId = "gerard" }).Fingerprint);
    }
}
