using CultureBot.Core.Bot;

namespace CultureBot.Core.Tests.Bot;

public class TextMatchingTests
{
    [Theory]
    [InlineData("À propos", "a propos")]
    [InlineData("  Qu'est-ce   que\tc'est ?  ", "qu'est-ce que c'est")]
    [InlineData("ÉLOÏSE", "eloise")]
    [InlineData("help!", "help")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_ignores_case_accents_spacing_and_end_punctuation(string? input, string expected) =>
        Assert.Equal(expected, TextMatching.Fold(input));
}
