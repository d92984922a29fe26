using System.Text.Json.Nodes;
using CultureBot.Core.Features.Digests;
using CultureBot.Core.Privacy;
using CultureBot.Core.Verbatims;

namespace CultureBot.Core.Tests.Digests;

public class VerbatimFormTests
{
    [Fact]
    public void Every_free_text_field_of_the_form_loses_its_personal_data()
    {
        var form = new JsonObject
        {
            ["text"] = "Le vélo grince, appelez le 06 12 34 56 78",
            ["persona"] = "claire@exemple.fr",
            ["stage"] = "livraison, +33 6 12 34 56 78",
            ["kind"] = "irritant",
            ["source"] = "call",
        };

        var (verbatim, redacted) = VerbatimFeature.ReadForm(form, "fr")!.Value;

        Assert.True(redacted);
        Assert.Equal(
            ($"Le vélo grince, appelez le {PersonalDataRedactor.Phone}", PersonalDataRedactor.Email, $"livraison, {PersonalDataRedactor.Phone}", VerbatimKind.Irritant, VerbatimSource.Call, "fr"),
            (verbatim.Text, verbatim.PersonaId, verbatim.Stage, verbatim.Kind, verbatim.Source, verbatim.Language));
    }

    [Fact]
    public void A_form_without_words_gives_no_verbatim() =>
        Assert.Null(VerbatimFeature.ReadForm(new JsonObject { ["stage"] = "livraison" }, "fr"));
}
