using System.Globalization;
using CultureBot.Core.Audit;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Quiz;
using CultureBot.Host.Tests.Support;
using CultureBot.Studio.Access;
using CultureBot.Studio.Quiz;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Quiz;

/// <summary>What an organization's content owners decide in the studio's quiz review, as the quiz then plays it.</summary>
public sealed class QuizOverrideTests : IDisposable
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private readonly BotHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    private QuizReview Review => _host.Services.CreateScope().ServiceProvider.GetRequiredService<QuizReview>();

    private static StudioUser OwnerOf(OrganizationKey organization) => new(organization, StudioRoles.Owner, "Ada Owner", IsLocal: false);

    [Fact]
    public async Task A_hidden_question_is_never_drawn_and_a_corrected_explanation_is_what_the_reveal_shows()
    {
        _ = _host.Server;
        var games = _host.Services.GetRequiredService<QuizGames>();
        var store = _host.Services.GetRequiredService<IQuizStore>();
        var conversation = new ConversationKey(Platforms.Teams, "tenant-review", "a:personal-chat");
        var owner = OwnerOf(conversation.Organization);
        var pack = (await Review.ListAsync(owner, CancellationToken.None)).Single(p => p.Pack.Language.StartsWith("en", StringComparison.Ordinal));
        var hidden = pack.Questions[0];
        Assert.True(await Review.SetHiddenAsync(owner, pack.Pack.Slug, hidden.Id, hidden: true, CancellationToken.None));
        var corrected = pack.Questions.Where(q => q.Id != hidden.Id).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in corrected)
        {
            Assert.True(await Review.CorrectExplanationAsync(owner, pack.Pack.Slug, id, "Corrected by the content team.", CancellationToken.None));
        }

        // Two passes over the pool: every other question comes up, the hidden one never.
        var player = new BotUser("29:player", "Pat");
        var drawn = new List<string>();
        for (var i = 0; i < 2 * pack.Questions.Count; i++)
        {
            Assert.NotNull(await games.SoloNextAsync(conversation, player, English, CancellationToken.None));
            var game = (await store.RunningInAsync(conversation, CancellationToken.None))!;
            var round = (await store.GetRoundAsync(game.Id, game.CurrentRound, CancellationToken.None))!;
            drawn.Add(round.QuestionId);
            if (i == 0)
            {
                var (outcome, reveal) = await games.AnswerAsync(conversation, game.Id, round.Number, 0, player, null, CancellationToken.None);
                Assert.Equal(QuizAnswerOutcome.Recorded, outcome);
                Assert.Equal(["Corrected by the content team."], reveal!.Card!.Data["explanation"]!.AsArray().Select(e => e!.GetValue<string>()));
            }
        }

        Assert.DoesNotContain(hidden.Id, drawn);
        Assert.Equal(corrected.Order(StringComparer.Ordinal), drawn.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Overrides_are_one_organizations_audited_restorable_and_refused_to_a_viewer()
    {
        _ = _host.Server;
        var acme = new OrganizationKey(Platforms.Teams, "tenant-acme");
        var other = new OrganizationKey(Platforms.Slack, "T0OTHER");
        var pack = (await Review.ListAsync(OwnerOf(acme), CancellationToken.None))[0];
        var question = pack.Questions[0];

        await Assert.ThrowsAsync<StudioRefusalException>(() => Review.SetHiddenAsync(OwnerOf(acme) with { Role = StudioRoles.Viewer }, pack.Pack.Slug, question.Id, true, CancellationToken.None));
        await Assert.ThrowsAsync<StudioRefusalException>(() => Review.CorrectExplanationAsync(OwnerOf(acme) with { Role = StudioRoles.Viewer }, pack.Pack.Slug, question.Id, "No.", CancellationToken.None));
        Assert.False(await Review.SetHiddenAsync(OwnerOf(acme), pack.Pack.Slug, "not-a-question", true, CancellationToken.None));
        Assert.True(await Review.SetHiddenAsync(OwnerOf(acme), pack.Pack.Slug, question.Id, true, CancellationToken.None));
        Assert.True(await Review.CorrectExplanationAsync(OwnerOf(acme), pack.Pack.Slug, question.Id, "Acme's words.", CancellationToken.None));

        var ofAcme = (await Review.ListAsync(OwnerOf(acme), CancellationToken.None))[0].Questions.Single(q => q.Id == question.Id);
        var ofOther = (await Review.ListAsync(OwnerOf(other), CancellationToken.None)).SelectMany(p => p.Questions).Single(q => q.Id == question.Id);
        Assert.Equal((true, "Acme's words."), (ofAcme.Hidden, ofAcme.CorrectedExplanation));
        Assert.Equal((false, null), (ofOther.Hidden, ofOther.CorrectedExplanation));

        Assert.True(await Review.SetHiddenAsync(OwnerOf(acme), pack.Pack.Slug, question.Id, false, CancellationToken.None));
        var restored = (await Review.ListAsync(OwnerOf(acme), CancellationToken.None))[0].Questions.Single(q => q.Id == question.Id);
        Assert.Equal((false, "Acme's words."), (restored.Hidden, restored.CorrectedExplanation));
        var audit = await _host.Services.GetRequiredService<IAuditLog>().ListAsync(acme, 10, CancellationToken.None);
        Assert.Equal(["quiz.unhide", "quiz.explain", "quiz.hide"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal($"quiz:{pack.Pack.Slug}:{question.Id}", e.Target));
        Assert.Empty(await _host.Services.GetRequiredService<IAuditLog>().ListAsync(other, 10, CancellationToken.None));
    }
}
