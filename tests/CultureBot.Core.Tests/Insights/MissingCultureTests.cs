using CultureBot.Core.Insights;

namespace CultureBot.Core.Tests.Insights;

/// <summary>What no persona fitted, grouped by the words the texts share: the rule as the studio explains it.</summary>
public class MissingCultureTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static UnmatchedDescription Text(int minute, string text, string? persona = null) => new(T0.AddMinutes(minute), persona, 0.2, text);

    [Fact]
    public void Texts_join_the_group_of_their_most_shared_word_whatever_its_form_and_lonely_ones_are_left_out()
    {
        var groups = MissingCulture.Group(
        [
            Text(0, "Des retraités qui font du vélo électrique", "camille"),
            Text(1, "Un retraité passionné de randonnée à vélo", "camille"),
            Text(2, "Retraitée, elle loue un vélo cargo", "ines"),
            Text(3, "Une famille avec un vélo cargo"),
            Text(4, "An astronaut collecting rare stamps"),
            Text(5, "Une famille qui cherche un cargo pour l'école", "ines"),
        ]);

        Assert.Equal(2, groups.Count);
        // "vélo" is shared by four texts, more than any other word: the three retirees and the cargo family join it
        // (no other word is shared by more than half of them, so it is the whole label).
        Assert.Equal(("vélo", 4, "camille"), (groups[0].Label, groups[0].Count, groups[0].NearestPersonaId));
        Assert.Equal(MissingCulture.ExamplesPerGroup, groups[0].Examples.Count);
        Assert.Equal("Une famille avec un vélo cargo", groups[0].Examples[0]);
        // The school family shares "famille" and "cargo" but not "vélo": its most shared word is "cargo" (3 texts).
        Assert.Equal(("cargo", 1), (groups[1].Label, groups[1].Count));
        Assert.DoesNotContain(groups, g => g.Examples.Any(e => e.Contains("astronaut", StringComparison.Ordinal)));
    }

    [Fact]
    public void Masked_personal_data_and_function_words_never_make_a_group()
    {
        var groups = MissingCulture.Group(
        [
            Text(0, "write to [email] for the order"),
            Text(1, "reply to [email] about delivery"),
            Text(2, "the and of with"),
        ]);

        Assert.Empty(groups);
    }
}
