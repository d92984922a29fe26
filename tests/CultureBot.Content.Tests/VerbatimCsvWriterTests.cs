using System.Text;
using CultureBot.Content.Verbatims;
using CultureBot.Core.Personas;
using CultureBot.Core.Verbatims;

namespace CultureBot.Content.Tests;

/// <summary>What the export writes, the import reads back the same; columns and personas the import cannot place are named.</summary>
public class VerbatimCsvWriterTests
{
    [Fact]
    public void Exported_verbatims_read_back_the_same_quotes_separators_and_line_breaks_included()
    {
        Verbatim[] verbatims =
        [
            new() { Text = "Le vélo était prêt ; \"bravo\", vraiment.", PersonaId = "camille", Kind = VerbatimKind.Delight, Stage = "après-vente", Source = VerbatimSource.Interview, Date = new DateOnly(2026, 11, 16), Channel = "magasin", Language = "fr" },
            new() { Text = "Two lines:\nthe first, then the second.", PersonaId = null, Kind = VerbatimKind.Irritant, Source = VerbatimSource.Call, Language = "en" },
            new() { Text = "Rien d'autre", Language = "fr" },
        ];
        var buffer = new StringWriter();

        VerbatimCsvWriter.Write(buffer, verbatims);
        var read = VerbatimCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(buffer.ToString())), "export.csv", null, null);

        Assert.Empty(read.Errors);
        Assert.Empty(read.IgnoredColumns);
        Assert.Null(read.Language); // every line carries its own
        Assert.Equal(verbatims, read.Verbatims);
    }

    [Fact]
    public void Columns_the_reader_does_not_know_are_named_and_their_lines_still_read()
    {
        const string csv = "Comment,Segment,Mood\nThe shop was closed when I came.,camille,bad\n";

        var read = VerbatimCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "survey.en.csv", null, null);

        Assert.Equal(["Segment", "Mood"], read.IgnoredColumns);
        Assert.Equal("The shop was closed when I came.", Assert.Single(read.Verbatims).Text);
    }

    [Fact]
    public void A_file_with_no_column_it_knows_is_refused_whole_with_its_columns_named()
    {
        const string csv = "Remark,Segment\nThe shop was closed when I came.,camille\n";

        var read = VerbatimCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "survey.en.csv", null, null);

        Assert.Empty(read.Verbatims);
        Assert.Equal(["Remark", "Segment"], read.IgnoredColumns);
        Assert.Contains("no column holds the text", Assert.Single(read.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Personas_no_pack_knows_are_named_by_id_or_name_with_accents_and_case_forgiven()
    {
        var pack = new PersonaPack { Slug = "velo-vert-fr", Personas = [new Persona { Id = "ines", Name = "Inès" }, new Persona { Id = "famille-martin", Name = "Les Martin" }] };
        var named = new Dictionary<string, int> { ["INES"] = 2, ["les martin"] = 1, ["Camile"] = 3, ["bob"] = 1 };

        var unknown = VerbatimPersonas.NotIn([pack], named);

        Assert.Equal([new("Camile", 3), new KeyValuePair<string, int>("bob", 1)], unknown);
    }
}
