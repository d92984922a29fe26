using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Insights;
using CultureBot.Core.Localization;
using CultureBot.Core.Onboarding;
using CultureBot.Core.Personas;
using CultureBot.Core.Quiz;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Features.Onboarding;

/// <summary>
/// Onboarding in chat: <c>onboarding start</c> (for oneself), <c>onboarding enrol @someone</c>
/// (a manager, who gets a report at the end), <c>onboarding on|off</c> (in a channel or team: people who join it are
/// enrolled; <c>onboarding on workspace</c>: everyone who joins the Slack workspace or the Teams tenant's teams), <c>onboarding pause|resume|stop</c>, <c>onboarding</c> (where I am). Newcomers get their cards in their
/// personal chat with the bot.
/// </summary>
public sealed class OnboardingFeature(IOnboardingStore store, OnboardingJourneys journeys, IQuizStore quizzes, PersonaDirectory personas, PersonalChat personalChat, TimeProvider clock)
{
    /// <summary>The conversation id that stands for the whole workspace (Slack) or tenant (Teams) in the onboarding switches.</summary>
    public const string Everywhere = "*";

    private static readonly HashSet<string> EverywhereWords = ["workspace", "everywhere", "all", "tenant", "espace", "partout", "tous"];

    public static void Map(FeatureRoutes<OnboardingFeature> routes) => routes
        .MapCommand("onboarding", onboarding => onboarding.ShowAsync)
        .MapSubCommand("onboarding", "onboarding-start", onboarding => onboarding.StartAsync)
        .MapSubCommand("onboarding", "onboarding-enrol", onboarding => onboarding.EnrolMentionedAsync)
        .MapSubCommand("onboarding", "onboarding-on", onboarding => (context, cancellationToken) => onboarding.ChannelAsync(context, true, cancellationToken))
        .MapSubCommand("onboarding", "onboarding-off", onboarding => (context, cancellationToken) => onboarding.ChannelAsync(context, false, cancellationToken))
        .MapSubCommand("onboarding", "onboarding-pause", onboarding => (context, cancellationToken) => onboarding.StatusAsync(context, EnrolmentStatus.Paused, cancellationToken))
        .MapSubCommand("onboarding", "onboarding-resume", onboarding => (context, cancellationToken) => onboarding.StatusAsync(context, EnrolmentStatus.Active, cancellationToken))
        .MapSubCommand("onboarding", "onboarding-stop", onboarding => (context, cancellationToken) => onboarding.StatusAsync(context, EnrolmentStatus.Stopped, cancellationToken))
        .OnMembersAdded("onboarding-newcomers", onboarding => onboarding.EnrolNewcomersAsync);

    private async Task StartAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (context.Turn.From is not { } me)
        {
            return;
        }

        var enrolled = await EnrolAsync(context, me, null, null, cancellationToken);
        await context.SendAsync(BotMessage.FromText(context.T(enrolled ? "onboardingStarted" : "onboardingAlready")), cancellationToken);
    }

    /// <summary>A manager enrols the people they @mention; they get a short report when each one completes the journey.</summary>
    private async Task EnrolMentionedAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (context.Turn.From is not { } manager || context.Turn.Mentions.Count == 0)
        {
            await context.SendAsync(BotMessage.FromText(context.T("onboardingEnrolHow")), cancellationToken);
            return;
        }

        var reportTo = await personalChat.OpenAsync(context, manager, cancellationToken);
        var enrolled = new List<string>();
        var already = new List<string>();
        foreach (var newcomer in context.Turn.Mentions)
        {
            (await EnrolAsync(context, newcomer, manager.Id, reportTo, cancellationToken) ? enrolled : already).Add(newcomer.Name ?? newcomer.Id);
        }

        var lines = new List<string>();
        if (enrolled.Count > 0)
        {
            lines.Add(string.Format(context.Culture, context.T("onboardingEnrolled"), string.Join(", ", enrolled)));
        }

        if (already.Count > 0)
        {
            lines.Add(string.Format(context.Culture, context.T("onboardingEnrolledBefore"), string.Join(", ", already)));
        }

        await context.SendAsync(BotMessage.FromText(string.Join("\n\n", lines)), cancellationToken);
    }

    private async Task EnrolNewcomersAsync(TurnContext context, CancellationToken cancellationToken)
    {
        // On here, or everywhere: a Slack team_join arrives in the newcomer's own direct message, not in a channel.
        var here = context.Turn.Conversation.Key;
        if (!await store.IsChannelOnAsync(here, cancellationToken) && !await store.IsChannelOnAsync(here with { ConversationId = Everywhere }, cancellationToken))
        {
            return;
        }

        foreach (var member in context.Turn.Members)
        {
            await EnrolAsync(context, member, "channel", null, cancellationToken);
        }
    }

    /// <summary>Enrols <paramref name="person"/> (no second enrolment); their cards go to their personal chat with the bot.</summary>
    private async Task<bool> EnrolAsync(TurnContext context, BotUser person, string? by, ConversationKey? reportTo, CancellationToken cancellationToken)
    {
        if (personas.PackFor(context) is not { } pack)
        {
            return false;
        }

        var here = context.Turn.Conversation;
        var deliverTo = await personalChat.OpenAsync(context, person, cancellationToken);
        var now = clock.GetUtcNow();
        var zone = here.TimeZone is { } id && TimeZones.IsKnown(id) ? id : "UTC";
        var first = journeys.Calendar.FirstDueAt(now, TimeZones.Find(zone));
        var enrolment = new Enrolment(
            here.Key with { ConversationId = person.Id }, person.Name, deliverTo, pack.Slug, context.Culture.Name, zone, 0, first, EnrolmentStatus.Active,
            by ?? context.Turn.From?.Id, reportTo, now);
        if (!await store.EnrolAsync(enrolment, cancellationToken))
        {
            return false;
        }

        // The newcomer started, whoever enrolled them: the event is theirs, in the chat their cards go to.
        if (context.Services.GetService<IEngagementLog>() is { } engagement)
        {
            await engagement.RecordAsync(deliverTo, person.Id, EngagementKinds.OnboardingStarted, cancellationToken: cancellationToken);
        }

        return true;
    }

    /// <summary><c>onboarding on workspace</c> (or <c>everywhere</c>, <c>partout</c>…): the switch for everyone who joins, not this channel's.</summary>
    private static bool MeansEverywhere(TurnContext context) =>
        context.CommandArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => EverywhereWords.Contains(TextMatching.Fold(w)));

    private async Task ChannelAsync(TurnContext context, bool enabled, CancellationToken cancellationToken)
    {
        var everywhere = MeansEverywhere(context);
        if (context.Turn.Conversation.Kind == ConversationKind.Personal && !everywhere)
        {
            await context.SendAsync(BotMessage.FromText(context.T("onboardingChannelOnly")), cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var key = everywhere ? context.Turn.Conversation.Key with { ConversationId = Everywhere } : context.Turn.Conversation.Key;
        await store.SetChannelAsync(key, enabled, context.Turn.From?.Id, now, cancellationToken);
        var reply = (enabled, everywhere) switch
        {
            (true, true) => "onboardingEverywhereOn",
            (false, true) => "onboardingEverywhereOff",
            (true, false) => "onboardingChannelOn",
            _ => "onboardingChannelOff",
        };
        await context.SendAsync(BotMessage.FromText(context.T(reply)), cancellationToken);
    }

    private async Task StatusAsync(TurnContext context, EnrolmentStatus status, CancellationToken cancellationToken)
    {
        if (context.Turn.From is not { } me)
        {
            return;
        }

        var person = context.Turn.Conversation.Key with { ConversationId = me.Id };
        DateTimeOffset? next = null;
        if (status == EnrolmentStatus.Active && await store.GetAsync(person, cancellationToken) is { } enrolment)
        {
            next = journeys.Calendar.NextDueAt(
                clock.GetUtcNow(), TimeZones.Find(enrolment.TimeZone));
        }

        var changed = await store.SetStatusAsync(person, status, next, cancellationToken);
        var key = !changed ? "onboardingNotEnrolled" : status switch
        {
            EnrolmentStatus.Paused => "onboardingPaused",
            EnrolmentStatus.Active => "onboardingResumed",
            _ => "onboardingStopped",
        };
        await context.SendAsync(BotMessage.FromText(context.T(key)), cancellationToken);
    }

    private async Task ShowAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var me = context.Turn.From is { } from ? context.Turn.Conversation.Key with { ConversationId = from.Id } : null;
        var enrolment = me is null ? null : await store.GetAsync(me, cancellationToken);
        var text = enrolment is null
            ? context.T("onboardingNotEnrolled")
            : string.Format(context.Culture, context.T("onboardingStatus"), enrolment.NextStep, context.T("onboardingState" + enrolment.Status))
              + await OnboardingScheduler.QuizResultsAsync(quizzes, context.Strings, enrolment.Person, context.Culture, cancellationToken);
        await context.SendAsync(BotMessage.FromText(text), cancellationToken);
    }
}
