using CultureBot.Content;

namespace CultureBot.Content.Tests;

public class PackReaderTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    [Fact]
    public void The_public_eval_pack_reads_whole()
    {
        var read = PackReader.ReadFile(Data("palmes-et-rando.pack.yaml"));
        var pack = read.Pack;

        Assert.Equal("palmes-et-rando", pack.Slug);
        Assert.Equal("fr", pack.Language);
        Assert.Equal(new DateOnly(2025, 9, 15), pack.Updated);
        Assert.Equal(6, pack.Personas.Count);
        Assert.Equal(4, pack.Questions.Count);
        Assert.Empty(read.Warnings);
        var quentin = pack.Find("quentin")!;
        Assert.Equal(6, quentin.Satisfaction);
        Assert.Equal((0.7, 0.9), quentin.MapPosition);
        Assert.Equal("Pratiques", quentin.SectorRubrics[0].Key);
        Assert.Equal(3, pack.Questions[0].Answers[0].Weights["quentin"]);
        Assert.Equal("Achète en magasin", pack.Map!.XLow);
    }

    [Fact]
    public void A_minimal_pack_with_only_ids_and_names_is_accepted()
    {
        var pack = PackReader.Parse("pack: mini\npersonas:\n  - id: a\n    name: Anna\n", "mini.yaml").Pack;

        Assert.Equal("Anna", Assert.Single(pack.Personas).Name);
        Assert.Empty(pack.Personas[0].Irritants);
        Assert.Null(pack.Map);
    }

    [Theory]
    [InlineData("pack: Bad Slug\npersonas:\n  - id: a\n    name: A\n", "bad.yaml:1: pack: 'Bad Slug' must be a slug")]
    [InlineData("pack: p\npersonas:\n  - id: a\n    name: A\n  - id: b\n", "bad.yaml:5: personas[1].name: missing")]
    [InlineData("pack: p\npersonas:\n  - id: a\n    name: A\n    satisfaction: 12\n", "bad.yaml:5: personas[0].satisfaction: '12' is not a number from 0 to 10")]
    [InlineData("pack: p\npersonas:\n  - id: a\n    name: A\n    irritants: { x: 1 }\n", "bad.yaml:5: personas[0].irritants: must be a list of texts")]
    [InlineData("pack: p\npersonas:\n  - id: a\n    name: A\n    map: { x: 2, y: 0 }\n", "bad.yaml:5: personas[0].map.x: '2' must be a number from -1 to 1")]
    [InlineData("pack: p\npersonas:\n  - id: a\n    name: A\n  - id: a\n    name: B\n", "personas: the id 'a' is used by 2 personas")]
    [InlineData("pack: p\npersonas:\n  - id: a\n    name: A\nquestions:\n  - id: q\n    text: Q?\n    answers:\n      - text: yes\n        personas: { zed: 2 }\n", "bad.yaml:10: questions[0].answers[0].personas: 'zed' is not a persona of this pack")]
    [InlineData("pack: p\nupdated: 15/09/2025\npersonas:\n  - id: a\n    name: A\n", "bad.yaml:2: updated: '15/09/2025' is not a date written yyyy-MM-dd")]
    [InlineData("pack: p\npersonas: [\n", "bad.yaml:")]
    [InlineData("pack: p\n", "bad.yaml:1: personas: missing")]
    public void A_malformed_pack_is_refused_naming_file_line_and_field(string yaml, string expected)
    {
        var error = Assert.Throws<PackFormatException>(() => PackReader.Parse(yaml, "bad.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_satisfaction_and_underscored_persona_ids_are_accepted()
    {
        var persona = PackReader.Parse("pack: p\npersonas:\n  - id: marie_claire\n    name: Marie-Claire\n    satisfaction: 7.5\n", "p.yaml").Pack.Personas[0];

        Assert.Equal("marie_claire", persona.Id);
        Assert.Equal(7.5, persona.Satisfaction);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<PackFormatException>(() => PackReader.Parse("pack: p\npersonas:\n  - id: A\n    satisfaction: x\n", "bad.yaml"));

        Assert.True(error.Problems.Count >= 3, error.Message);
    }

    [Fact]
    public void Problems_in_a_persona_without_a_name_are_reported_too()
    {
        var error = Assert.Throws<PackFormatException>(() => PackReader.Parse("pack: p\npersonas:\n  - id: a\n    irritants: { x: 1 }\n", "bad.yaml"));

        Assert.Contains("personas[0].name: missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:4: personas[0].irritants: must be a list of texts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_are_warnings_with_a_suggestion()
    {
        var read = PackReader.Parse("pack: p\npersonas:\n  - id: a\n    name: A\n    irritant: [x]\n", "p.yaml");

        Assert.Contains("p.yaml:5: personas[0].irritant: unknown field, ignored (did you mean irritants?)", read.Warnings);
    }

    [Theory]
    [InlineData("iritants", "irritants")]
    [InlineData("delihgts", "delights")]
    [InlineData("promisse", "promise")]
    [InlineData("verbatm", "verbatim")]
    [InlineData("Expectation", "expectations")]
    [InlineData("nmae", "name")]
    public void A_typo_of_a_persona_field_names_the_field_it_was_meant_for(string typed, string meant)
    {
        var read = PackReader.Parse($"pack: p\npersonas:\n  - id: a\n    name: A\n    {typed}: [x]\n", "p.yaml");

        Assert.Contains($"p.yaml:5: personas[0].{typed}: unknown field, ignored (did you mean {meant}?)", read.Warnings);
    }

    [Theory]
    [InlineData("hobbies")]
    [InlineData("budget")]
    public void A_field_that_is_no_typo_gets_no_suggestion(string typed)
    {
        var read = PackReader.Parse($"pack: p\npersonas:\n  - id: a\n    name: A\n    {typed}: [x]\n", "p.yaml");

        Assert.Contains($"p.yaml:5: personas[0].{typed}: unknown field, ignored", read.Warnings);
        Assert.DoesNotContain(read.Warnings, w => w.Contains("did you mean", StringComparison.Ordinal));
    }

    [Fact]
    public void A_yaml_syntax_error_is_one_line_naming_the_file_and_line()
    {
        var error = Assert.Throws<PackFormatException>(() => PackReader.Parse("pack: p\npersonas:\n  - id: a\n    name: [unclosed\n", "bad.yaml"));

        var line = Assert.Single(error.Problems);
        Assert.Matches(@"^bad\.yaml:\d+: \(YAML\): ", line);
    }
}
