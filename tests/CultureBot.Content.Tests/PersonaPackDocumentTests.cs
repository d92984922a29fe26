using System.Text.RegularExpressions;
using CultureBot.Testing;

namespace CultureBot.Content.Tests;

/// <summary>
/// docs/persona-pack.md, the pack format as the repository documents it, against the importer: its example pack
/// imports without a problem or a warning, and the errors and warnings it quotes are the ones the importer gives.
/// </summary>
public sealed partial class PersonaPackDocumentTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(PeerTools.RepoRoot, "docs", "persona-pack.md"));

    /// <summary>The document's example: its one fenced yaml block.</summary>
    private static string Example => Assert.Single(YamlBlock().Matches(Document)).Groups["yaml"].Value;

    [Fact]
    public void The_documented_example_pack_imports_without_a_problem_or_a_warning()
    {
        var read = PackReader.Parse(Example, "acme.en.yaml");

        Assert.Empty(read.Warnings);
        Assert.Equal("acme-en", read.Pack.Slug);
        Assert.Equal(["nadia", "key_account", "startup"], read.Pack.Personas.Select(p => p.Id));
        Assert.Equal(2, read.Pack.Questions.Count);
        Assert.NotNull(read.Pack.Map);
        Assert.All(read.Pack.Personas, p => Assert.NotNull(p.MapPosition));
    }

    [Theory]
    [InlineData("id: key_account", "id: Key Account", "acme.en.yaml:31: personas[1].id: 'Key Account' must be a slug: lower-case letters, digits and dashes")]
    [InlineData("satisfaction: 6", "satisfaction: 11", "acme.en.yaml:40: personas[1].satisfaction: '11' is not a number from 0 to 10")]
    [InlineData("personas: { startup: 3, nadia: 1 }", "personas: { startup: 3, nadja: 1 }", "acme.en.yaml:81: questions[1].answers[2].personas: 'nadja' is not a persona of this pack")]
    public void The_documented_errors_are_the_importers(string original, string changed, string error)
    {
        Assert.Contains(original, Example, StringComparison.Ordinal);

        var broken = Example.Replace(original, changed, StringComparison.Ordinal);

        var problems = Assert.Throws<PackFormatException>(() => PackReader.Parse(broken, "acme.en.yaml")).Message;
        Assert.Contains(error, problems, StringComparison.Ordinal);
        Assert.Contains(error, Document, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_warning_is_the_importers()
    {
        const string warning = "acme.en.yaml:24: personas[0].irritant: unknown field, ignored (did you mean irritants?)";

        var read = PackReader.Parse(Example.Replace("    irritants: [\"Partial", "    irritant: [\"Partial", StringComparison.Ordinal), "acme.en.yaml");

        Assert.Contains(warning, read.Warnings);
        Assert.Contains(warning, Document, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^```yaml\n(?<yaml>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
