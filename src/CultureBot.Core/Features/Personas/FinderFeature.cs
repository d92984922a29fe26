using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Insights;
using CultureBot.Core.Personas;
using CultureBot.Core.Personas.Finder;

namespace CultureBot.Core.Features.Personas;

/// <summary>
/// The guided finder in chat: the pack's key questions as card choices; each answer updates the same card
/// (Teams Action.Execute, Slack block_actions) until one persona is clearly ahead, then the result and the sheet.
/// The result's "not this one" turns the leader down and goes on with the next question (or the next persona when
/// every question was asked), instead of starting over.
/// </summary>
public sealed class FinderFeature(PersonaDirectory personas)
{
    public const string QuestionCard = "finder-question";
    public const string AnswerVerb = "finder-answer";
    public const string RejectVerb = "finder-reject";

    /// <summary>Button labels: Slack cuts at 75 characters.</summary>
    private const int MaxAnswerLength = 75;

    public static void Map(FeatureRoutes<FinderFeature> routes) => routes
        .MapCommand("finder", finder => finder.StartAsync)
        .MapAction(AnswerVerb, finder => finder.AnswerAsync)
        .MapAction(RejectVerb, finder => finder.RejectAsync);

    private async Task StartAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (personas.PackFor(context) is not { } pack || pack.Questions.Count == 0)
        {
            await context.SendAsync(BotMessage.FromText(context.T("finderNoQuestions")), cancellationToken);
            return;
        }

        var step = new GuidedFinder(pack).Next(FinderState.Empty);
        await context.SendAsync(QuestionMessage(context, FinderState.Empty, step), cancellationToken);
    }

    private async Task AnswerAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (personas.PackFor(context) is not { } pack)
        {
            return;
        }

        var data = context.Turn.ActionData ?? [];
        var state = FinderState.Parse(ActionValues.Text(data["session"]));
        if (ActionValues.Text(data["question"]) is { Length: > 0 } question && int.TryParse(ActionValues.Text(data["answer"]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var answer))
        {
            state = state.With(question, answer);
        }

        await ShowAsync(context, pack, state, new GuidedFinder(pack).Next(state), cancellationToken);
    }

    /// <summary>"Not this one" on a result: the persona is out, and the finder asks on.</summary>
    private async Task RejectAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (personas.PackFor(context) is not { } pack)
        {
            return;
        }

        var data = context.Turn.ActionData ?? [];
        var state = FinderState.Parse(ActionValues.Text(data["session"]));
        if (ActionValues.Text(data["args"]) is { Length: > 0 } personaId && pack.Find(personaId) is not null)
        {
            state = state.Reject(personaId);
        }

        await ShowAsync(context, pack, state, new GuidedFinder(pack).Next(state, keepAsking: true), cancellationToken);
    }

    /// <summary>The next question in the same card, or the result in it and the winner's sheet below.</summary>
    private static async Task ShowAsync(TurnContext context, PersonaPack pack, FinderState state, GuidedFinder.Step step, CancellationToken cancellationToken)
    {
        if (!step.Done)
        {
            await context.Channel.UpdateActionSourceAsync(QuestionMessage(context, state, step), cancellationToken);
            return;
        }

        var winner = step.Ranking[0].Persona;
        await context.Channel.UpdateActionSourceAsync(ResultMessage(context, pack, state, step), cancellationToken);
        await context.SendAsync(new BotMessage(winner.Name, PersonaCards.SheetCard(winner, null, pack.Organization)), cancellationToken);
        await context.RecordAsync(EngagementKinds.FinderFinished, winner.Id, step.Ranking[0].Probability, cancellationToken: cancellationToken);
    }

    private static BotMessage QuestionMessage(TurnContext context, FinderState state, GuidedFinder.Step step)
    {
        var question = step.NextQuestion!;
        var leaders = step.Ranking.Take(2).ToList();
        var data = new JsonObject
        {
            ["session"] = state.ToString(),
            ["step"] = state.Answers.Count + 1,
            ["questionId"] = question.Id,
            ["question"] = question.Text,
            ["answers"] = new JsonArray([.. question.Answers.Select((a, i) => (JsonNode)new JsonObject { ["index"] = i, ["text"] = PersonaCards.Cut(a.Text, MaxAnswerLength) })]),
            ["leaders"] = state.Answers.Count == 0
                ? new JsonArray()
                : new JsonArray([.. leaders.Select(l => (JsonNode)new JsonObject { ["name"] = l.Persona.Name, ["confidence"] = l.Probability.ToString("P0", context.Culture) })]),
            ["leaderLines"] = state.Answers.Count == 0
                ? new JsonArray()
                : new JsonArray([.. leaders.Select(l => JsonValue.Create($"{l.Persona.Name} {l.Probability.ToString("P0", context.Culture)}"))]),
        };
        return BotMessage.FromCard(QuestionCard, data, question.Text);
    }

    /// <summary>The conclusion, in the match-result card: the top three with their probability, the answers as the evidence.</summary>
    private static BotMessage ResultMessage(TurnContext context, PersonaPack pack, FinderState state, GuidedFinder.Step step)
    {
        var answers = state.Answers
            .Select(a => (Question: pack.Questions.FirstOrDefault(q => q.Id == a.Key), Answer: a.Value))
            .Where(a => a.Question is not null && a.Answer >= 0 && a.Answer < a.Question.Answers.Count)
            .Select(a => a.Question!.Answers[a.Answer].Text)
            .ToList();
        var results = new JsonArray();
        foreach (var ((persona, probability), rank) in step.Ranking.Take(3).Select((r, i) => (r, i + 1)))
        {
            results.Add(PersonaFeature.ResultItem(rank, persona, probability, answers.Where(text => Supports(pack, text, persona.Id)), context.Culture));
        }

        var data = new JsonObject { ["query"] = answers.Count == 0 ? context.T("finderTitle") : string.Join(" · ", answers), ["results"] = results };
        if (step.Ranking.Count > 1)
        {
            // "Not this one": the session as it stands, and whom to turn down.
            data["retry"] = new JsonObject { ["session"] = state.ToString(), ["persona"] = step.Ranking[0].Persona.Id };
        }

        return BotMessage.FromCard("match-result", data, step.Ranking[0].Persona.Name);
    }

    private static bool Supports(PersonaPack pack, string answerText, string personaId) =>
        pack.Questions.SelectMany(q => q.Answers).Any(a => a.Text == answerText && a.Weights.GetValueOrDefault(personaId) > 0);
}
