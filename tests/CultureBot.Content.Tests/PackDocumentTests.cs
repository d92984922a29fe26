namespace CultureBot.Content.Tests;

/// <summary>Editing a pack's YAML field by field: what is read back, what is left alone, and what the change summary says.</summary>
public class PackDocumentTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    private static PersonaField Field(string key) => PersonaField.Of(key)!;

    [Fact]
    public void Every_persona_field_reads_as_an_editor_writes_it()
    {
        var document = PackDocument.Load(File.ReadAllText(Data("palmes-et-rando.pack.yaml")));
        var pack = PackReader.ReadFile(Data("palmes-et-rando.pack.yaml")).Pack;
        var quentin = pack.Find("quentin")!;

        Assert.Equal(pack.Personas.Select(p => p.Id), document.PersonaIds);
        Assert.Equal(quentin.Name, document.Read("quentin", Field("name")));
        Assert.Equal(string.Join('\n', quentin.Irritants), document.Read("quentin", Field("irritants")));
        Assert.Equal("0.7, 0.9", document.Read("quentin", Field("map")));
        Assert.StartsWith("Pratiques: ", document.Read("quentin", Field("sector_rubrics")), StringComparison.Ordinal);
        Assert.Null(document.Read("nobody", Field("name")));
    }

    [Fact]
    public void A_write_changes_that_field_alone_and_the_reader_reads_the_result()
    {
        var original = File.ReadAllText(Data("palmes-et-rando.pack.yaml"));
        var document = PackDocument.Load(original);

        Assert.True(document.Write("quentin", Field("irritants"), "Attendre\r\n\r\n  Payer deux fois  \n"));
        Assert.True(document.Write("quentin", Field("satisfaction"), "6.5"));
        Assert.True(document.Write("quentin", Field("posture"), "Ligne un\nLigne deux"));
        Assert.True(document.Write("quentin", Field("sector_rubrics"), "Pratiques: randonnée: 3 jours\nBudget: serré"));
        Assert.False(document.Write("nobody", Field("name"), "X"));

        var pack = PackReader.Parse(document.ToYaml(), "edited.yaml").Pack;
        var before = PackReader.Parse(original, "original.yaml").Pack;
        var quentin = pack.Find("quentin")!;
        Assert.Equal(["Attendre", "Payer deux fois"], quentin.Irritants);
        Assert.Equal(6.5, quentin.Satisfaction);
        Assert.Equal("Ligne un\nLigne deux", quentin.Posture);
        Assert.Equal([new("Pratiques", "randonnée: 3 jours"), new KeyValuePair<string, string>("Budget", "serré")], quentin.SectorRubrics);
        Assert.Equal(before.Find("quentin")!.Expectations, quentin.Expectations);
        Assert.Equal(before.Questions.Count, pack.Questions.Count);
        Assert.Equal(before.Map, pack.Map);
        Assert.Equal("quentin: satisfaction, irritants, posture, sector_rubrics changed", PackChanges.Summarize(PackDocument.Load(original), document));
    }

    [Fact]
    public void A_blank_field_is_removed_and_a_new_one_goes_where_the_format_puts_it()
    {
        var document = PackDocument.Load("pack: p\npersonas:\n  - id: a\n    name: A\n    irritants: [x]\n    posture: Calm\n");

        document.Write("a", Field("posture"), "  ");
        document.Write("a", Field("tagline"), "In a few words");

        var yaml = document.ToYaml();
        Assert.DoesNotContain("posture", yaml, StringComparison.Ordinal);
        Assert.True(yaml.IndexOf("tagline", StringComparison.Ordinal) < yaml.IndexOf("irritants", StringComparison.Ordinal), yaml);
        Assert.True(yaml.IndexOf("name", StringComparison.Ordinal) < yaml.IndexOf("tagline", StringComparison.Ordinal), yaml);
    }

    [Fact]
    public void An_unchanged_text_leaves_its_yaml_as_written()
    {
        // Written as YamlDotNet's emitter writes it (flow lists and quotes kept as they were): a write that changes nothing changes no character.
        const string yaml = "pack: p\npersonas:\n- id: a\n  name: A\n  values: [\"One\", \"Two\"]\n  map: {x: 0.5, y: -0.5}\n";
        var document = PackDocument.Load(yaml);

        document.Write("a", Field("values"), "One\nTwo");
        document.Write("a", Field("map"), "0.5, -0.5");

        Assert.Equal(yaml, document.ToYaml());
    }

    [Fact]
    public void Retiring_a_persona_takes_it_out_of_the_key_questions_too()
    {
        var original = File.ReadAllText(Data("palmes-et-rando.pack.yaml"));
        var document = PackDocument.Load(original);

        Assert.True(document.RetirePersona("quentin"));
        Assert.False(document.RetirePersona("quentin"));
        document.AddPersona("ines", "Inès");

        var pack = PackReader.Parse(document.ToYaml(), "edited.yaml").Pack;
        Assert.Null(pack.Find("quentin"));
        Assert.Equal("Inès", pack.Find("ines")!.Name);
        Assert.DoesNotContain(pack.Questions.SelectMany(q => q.Answers), a => a.Weights.ContainsKey("quentin"));
        Assert.Equal(["ines added", "quentin retired", "questions changed"], PackChanges.Summarize(PackDocument.Load(original), document).Split("; "));
    }

    [Fact]
    public void A_bad_value_is_left_for_the_reader_to_name_with_its_line()
    {
        var document = PackDocument.Load("pack: p\npersonas:\n  - id: a\n    name: A\n");

        document.Write("a", Field("map"), "left");

        var problem = Assert.Throws<PackFormatException>(() => PackReader.Parse(document.ToYaml(), "p.yaml"));
        Assert.Equal(["p.yaml:5: personas[0].map.x: 'left' must be a number from -1 to 1", "p.yaml:5: personas[0].map.y: missing"], problem.Problems);
    }

    [Fact]
    public void The_summary_of_identical_packs_says_so()
    {
        var yaml = File.ReadAllText(Data("palmes-et-rando.pack.yaml"));

        Assert.Equal(PackChanges.Nothing, PackChanges.Summarize(PackDocument.Load(yaml), PackDocument.Load(yaml)));
    }
}
