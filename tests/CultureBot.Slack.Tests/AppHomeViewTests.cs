using CultureBot.Cards;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using CultureBot.Core.Personas;
using CultureBot.Slack.Adapter;
using CultureBot.Testing;

namespace CultureBot.Slack.Tests;

/// <summary>The App Home view the bot publishes, checked as a Home surface by <c>slack-blocks-validate</c>.</summary>
public class AppHomeViewTests
{
    private static readonly DateTimeOffset Week47 = new(2026, 11, 18, 9, 0, 0, TimeSpan.Zero); // a Wednesday

    private static PersonaPack Pack(int personas) => new()
    {
        Slug = "test",
        Language = "en",
        Personas = [.. Enumerable.Range(1, personas).Select(i => new Persona
        {
            Id = $"p{i}",
            Name = $"Persona {i}",
            Tagline = "Rides & repairs <fast>",
            Verbatim = new string('v', 480),
            Promise = "Back on the road tomorrow.",
            Irritants = ["Waiting"],
        })],
    };

    public static TheoryData<int, string> Cases() => new() { { 3, "en" }, { 3, "fr" }, { 0, "en" } };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task The_home_view_passes_slack_blocks_validate_as_a_home_surface(int personas, string language)
    {
        PeerTools.Require();
        var catalog = CardCatalog.Load(Path.Combine(PeerTools.RepoRoot, "cards"));
        var card = PersonaOfTheWeek.HomeCard(personas == 0 ? null : Pack(personas), Week47);
        var view = SlackMessages.HomeView(catalog.Render(Platforms.Slack, card, Locales.Resolve(language)));
        var path = Path.Combine(Path.GetTempPath(), $"culturebot-home-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, view.ToJsonString());

        var run = await PeerTools.RunAsync("slack-blocks-validate", [path, "--surface", "home"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("home", view["type"]!.GetValue<string>());
    }

    [Fact]
    public void The_persona_of_the_week_changes_every_week_and_goes_round_the_pack()
    {
        var pack = Pack(3);

        var weeks = Enumerable.Range(0, 6).Select(w => PersonaOfTheWeek.Of(pack, Week47.AddDays(7 * w))!.Id).ToList();

        Assert.Equal(weeks[0], weeks[3]);
        Assert.Equal(3, weeks.Take(3).Distinct().Count());
        Assert.Equal(weeks[0], PersonaOfTheWeek.Of(pack, Week47.AddDays(1))!.Id);
        Assert.NotEqual(weeks[0], PersonaOfTheWeek.Of(pack, Week47.AddDays(5))!.Id); // the Monday after
        Assert.Null(PersonaOfTheWeek.Of(Pack(0), Week47));
    }
}
