using System.Globalization;
using System.Text.RegularExpressions;
using CultureBot.Core.Privacy;

namespace CultureBot.Core.Tests.Privacy;

/// <summary>
/// The redactor against a labelled corpus (TestData/personal-data-corpus.tsv): personal data in French and English
/// as customers and exports write it (no-break spaces, dashes, dots, lower case), and numbers that only look like it
/// (SIRET, order and parcel numbers, amounts, dates), which must stay.
/// </summary>
public partial class PersonalDataRedactorTests
{
    public static TheoryData<string, string, string> Corpus()
    {
        var data = new TheoryData<string, string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "Privacy", "TestData", "personal-data-corpus.tsv");
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            Assert.True(cells.Length == 3, $"corpus line '{line}': write input, expected output and a note, separated by tabs");
            data.Add(Unescape(cells[0]), Unescape(cells[1]), cells[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_corpus_is_redacted_as_labelled(string input, string expected, string note)
    {
        var redacted = PersonalDataRedactor.Redact(input);

        Assert.True(string.Equals(expected, redacted, StringComparison.Ordinal), $"{note}:\n  input    {input}\n  expected {expected}\n  got      {redacted}");
    }

    [Fact]
    public void The_corpus_is_large_and_balanced()
    {
        var cases = Corpus().Select(row => ((string)row[0], (string)row[1])).ToList();

        Assert.True(cases.Count >= 100, $"{cases.Count} cases");
        Assert.True(cases.Count(c => c.Item1 != c.Item2) >= 40, "positives");
        Assert.True(cases.Count(c => c.Item1 == c.Item2) >= 40, "negatives");
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("   ", "   ")]
    public void Nothing_gives_nothing(string? text, string expected) =>
        Assert.Equal(expected, PersonalDataRedactor.Redact(text));

    /// <summary>The corpus writes invisible characters as <c>\uXXXX</c>.</summary>
    private static string Unescape(string cell) =>
        EscapePattern().Replace(cell, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial Regex EscapePattern();
}
