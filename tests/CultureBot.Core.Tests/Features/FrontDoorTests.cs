using System.Globalization;
using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Committees;
using CultureBot.Core.Conversations;
using CultureBot.Core.Features;
using CultureBot.Core.Features.Help;
using CultureBot.Core.Localization;
using CultureBot.Core.Personas;
using CultureBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Tests.Features;

/// <summary>
/// What a newcomer types in the first hour, through the shipped features and language files: greetings, a persona's
/// name alone, typos, French from an English client, punctuation, gibberish, a committee asked for in a private chat.
/// </summary>
public sealed class FrontDoorTests : IDisposable
{
    private static readonly StringTable Strings = CardCatalog.Load(Path.Combine(PeerTools.RepoRoot, "cards")).Strings;

    private static readonly PersonaPack Pack = new()
    {
        Slug = "bikes-en",
        Language = "en",
        Organization = "Bikes",
        Personas =
        [
            new Persona { Id = "camille", Name = "Camille", Tagline = "The student commuter", Profile = "A student who rides to campus every day on a second-hand bike." },
            new Persona { Id = "gerard", Name = "Gérard", Tagline = "The retired tourer", Profile = "Retired, he plans long cycling tours with friends." },
            new Persona { Id = "famille-martin", Name = "The Martins", Tagline = "The family on wheels", Profile = "Parents with two children and a cargo bike." },
        ],
    };

    private readonly RecordingChannel _channel = new();
    private readonly ServiceProvider _services;

    public FrontDoorTests()
    {
        var services = new ServiceCollection()
            .AddSingleton(Strings)
            .AddSingleton(new PersonaDirectory([Pack]))
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Mock.Of<IConversationStore>())
            .AddSingleton(Mock.Of<ICommitteeStore>())
            .AddSingleton(new CommitteeLinks(null))
            .AddSingleton<CommitteeCards>()
            .AddSingleton(new ReminderPlan())
            .AddSingleton<CommitteeScheduler>();
        _services = services.AddCultureBotFeatures().BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    private async Task<IReadOnlyList<string>> SayAsync(string text, string locale = "en-US", ConversationKind kind = ConversationKind.Personal, string platform = Platforms.Teams) =>
        await RunAsync(new Turn { Kind = TurnKind.Message, Conversation = Conversation(kind, platform), Culture = CultureInfo.GetCultureInfo(locale), Text = text });

    private async Task<IReadOnlyList<string>> RunAsync(Turn turn)
    {
        await using var scope = _services.CreateAsyncScope();
        return await _services.GetRequiredService<BotRouter>().DispatchAsync(new TurnContext(turn, _channel, Strings, scope.ServiceProvider), CancellationToken.None);
    }

    private static ConversationReference Conversation(ConversationKind kind, string platform) =>
        new(new ConversationKey(platform, "t", "c"), kind, null, null, "u", null, null, DateTimeOffset.UnixEpoch);

    private BotMessage Only => Assert.Single(_channel.Sent);

    private static string English(string key) => Strings.Get(key, Locales.English);

    private static string French(string key) => Strings.Get(key, Locales.French);

    [Theory]
    [InlineData("hello", "greetingReply", "en")]
    [InlineData("Hi!", "greetingReply", "en")]
    [InlineData("thanks", "thanksReply", "en")]
    [InlineData("bonjour", "greetingReply", "fr")]
    [InlineData("Merci !", "thanksReply", "fr")]
    public async Task Greetings_and_thanks_are_answered_in_a_line_in_the_language_they_were_typed_in(string text, string key, string language)
    {
        await SayAsync(text);

        Assert.Equal(Strings.Get(key, CultureInfo.GetCultureInfo(language)), Only.Text);
        Assert.Null(Only.Card);
    }

    [Theory]
    [InlineData("Camille", "camille")]
    [InlineData("camile", "camille")]
    [InlineData("GERARD", "gerard")]
    [InlineData("the martins", "famille-martin")]
    public async Task A_persona_name_alone_opens_its_sheet(string text, string id)
    {
        await SayAsync(text);

        Assert.Equal(PersonaCards.Sheet, Only.Card?.Name);
        Assert.Equal(Pack.Find(id)!.Name, Only.Text);
    }

    [Theory]
    [InlineData("cam")]
    [InlineData("camiiile")]
    public async Task A_beginning_or_two_typos_is_not_a_name_on_its_own(string text)
    {
        await SayAsync(text);

        Assert.Equal(HelpFeature.Cards.Suggestions, Only.Card?.Name);
    }

    [Fact]
    public async Task A_description_with_words_the_pack_knows_gets_the_match()
    {
        await SayAsync("a student who buys a second-hand bike for commuting");

        Assert.Equal("match-result", Only.Card?.Name);
        Assert.Equal("camille", Only.Card!.Data["results"]![0]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("blorp fizzle womble quux")]
    [InlineData("what is this?")]
    [InlineData("???")]
    [InlineData("...")]
    [InlineData("!")]
    public async Task Gibberish_and_punctuation_get_what_the_bot_can_do_with_three_buttons(string text)
    {
        await SayAsync(text);

        Assert.Equal(HelpFeature.Cards.Suggestions, Only.Card?.Name);
        Assert.Equal(English("canDoTitle"), Only.Text);
        Assert.Equal(HelpFeature.FirstCommands, Only.Card!.Data["commands"]!.AsArray().Select(c => c!["verb"]!.GetValue<string>()));
        Assert.Equal(English("cmdPersonasDescription"), Only.Card.Data["commands"]![0]!["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("hlep", "en-US", "help", "en")]
    [InlineData("quizz", "en-US", "quiz", "en")]
    [InlineData("aidde", "en-US", "aide", "fr")]
    [InlineData("personna camile", "en-US", "persona camile", "en")]
    public async Task A_near_miss_gets_did_you_mean_in_the_language_of_the_command(string text, string locale, string words, string language)
    {
        await SayAsync(text, locale);

        Assert.Equal(HelpFeature.Cards.Suggestions, Only.Card?.Name);
        Assert.Equal(words, Only.Card!.Data["words"]!.GetValue<string>());
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, Strings.Get("suggestDidYouMean", CultureInfo.GetCultureInfo(language)), words), Only.Text);
        Assert.Equal(language == "en" ? null : language, Only.Culture?.Name);
    }

    [Fact]
    public async Task The_did_you_mean_button_runs_the_words_as_typed_in_their_language()
    {
        var click = new Turn
        {
            Kind = TurnKind.Action,
            Conversation = Conversation(ConversationKind.Personal, Platforms.Teams),
            Culture = CultureInfo.GetCultureInfo("en-US"),
            ActionVerb = HelpFeature.DidYouMeanVerb,
            ActionData = new System.Text.Json.Nodes.JsonObject { ["verb"] = HelpFeature.DidYouMeanVerb, ["args"] = "aide" },
        };

        Assert.Equal(["action:" + HelpFeature.DidYouMeanVerb], await RunAsync(click));

        Assert.Equal(HelpFeature.Cards.Help, Only.Card?.Name);
        Assert.Equal("fr", Only.Culture?.Name);
        Assert.Equal(French("helpTitle"), Only.Text);
    }

    [Theory]
    [InlineData("aide", "help", "helpTitle")]
    [InlineData("les personas", "personas", "personaListTitle")]
    public async Task French_words_from_an_english_client_are_answered_in_french(string text, string route, string titleKey)
    {
        Assert.Equal([route], await SayAsync(text));

        Assert.Equal("fr", Only.Culture?.Name);
        Assert.Equal(French(titleKey), Only.Text);
    }

    [Fact]
    public async Task English_words_from_a_french_client_are_answered_in_english()
    {
        Assert.Equal(["help"], await SayAsync("help", "fr-FR"));

        Assert.Equal("en", Only.Culture?.Name);
        Assert.Equal(English("helpTitle"), Only.Text);
    }

    [Theory]
    [InlineData("who is the persona of the week?", "en-US")]
    [InlineData("Who's the persona of the week", "en-US")]
    [InlineData("qui est le persona de la semaine ?", "en-US")]
    [InlineData("qui est le persona de la semaine ?", "fr-FR")]
    public async Task The_persona_of_the_week_asked_as_a_question_is_the_week_card(string text, string locale)
    {
        Assert.Equal(["week"], await SayAsync(text, locale));

        Assert.Equal(PersonaOfTheWeek.HomeCardName, Only.Card?.Name);
    }

    [Theory]
    [InlineData("committee", Platforms.Teams, "committeeInChannelOnlyTeams")]
    [InlineData("committee create Customer panel", Platforms.Teams, "committeeInChannelOnlyTeams")]
    [InlineData("committee meeting 2027-01-14 18:30", Platforms.Slack, "committeeInChannelOnlySlack")]
    public async Task A_committee_asked_for_in_a_personal_chat_is_sent_to_a_channel(string text, string platform, string key)
    {
        await SayAsync(text, platform: platform);

        Assert.Equal(English(key), Only.Text);
    }

    [Fact]
    public async Task A_committee_in_a_channel_is_not_sent_elsewhere()
    {
        await SayAsync("committee", kind: ConversationKind.Channel);

        Assert.Equal(English("committeeNone"), Only.Text);
    }

    /// <summary>What the features send, as the platform would receive it.</summary>
    private sealed class RecordingChannel : ITurnChannel
    {
        public List<BotMessage> Sent { get; } = [];

        public Task<string?> SendAsync(BotMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.FromResult<string?>(null);
        }

        public Task UpdateActionSourceAsync(BotMessage message, CancellationToken cancellationToken) => SendAsync(message, cancellationToken);

        public Task NotifyActorAsync(string text, CancellationToken cancellationToken) => SendAsync(BotMessage.FromText(text), cancellationToken);

        public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
