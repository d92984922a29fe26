using System.Globalization;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Insights;
using CultureBot.Core.Localization;
using CultureBot.Core.Personas;
using CultureBot.Core.Quiz;
using CultureBot.Core.Verbatims;

namespace CultureBot.Core.Onboarding;

/// <summary>
/// Sends the onboarding cards that are due: each active newcomer's next card, then the next one on the following
/// working day at 9:00 in their time zone. A newcomer whose day was missed (the host was down) gets that card now
/// and the next one on the next working day: a catch-up, not a flood. The last card completes the journey, and the
/// enroller gets a short report when they asked for one. Decided once per card, whatever fires the check.
/// </summary>
public sealed class OnboardingScheduler(
    IOnboardingStore store, IVerbatimStore verbatims, IQuizStore quiz, PersonaDirectory personas, OnboardingJourneys journeys, StringTable strings, IEngagementLog? engagement = null) : IDueCheck
{
    public const string Purpose = "onboarding";

    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        var verbatimsByLanguage = new Dictionary<(OrganizationKey, string), IReadOnlyList<Verbatim>>(); // read once per check, not per card
        foreach (var enrolment in await store.DueAsync(now, cancellationToken))
        {
            if (personas.Find(OrganizationKey.Of(enrolment.Person), enrolment.PackSlug) is not { } pack)
            {
                continue;
            }

            // A card missed on a working day waits for the next one, never for a weekend or a holiday.
            var zone = TimeZones.Find(enrolment.TimeZone);
            if (!journeys.Calendar.IsWorkingDay(TimeZones.LocalDate(now, zone)))
            {
                continue;
            }

            var journey = journeys.For(pack);
            var step = Math.Clamp(enrolment.NextStep, 0, journey.Steps.Count - 1);
            var card = journey.Steps[step];
            var verbatim = card.Kind == OnboardingCardKind.Verbatim ? await VerbatimOfTheDayAsync(enrolment.Person.Organization, pack, step, verbatimsByLanguage, cancellationToken) : null;
            var messages = new List<OutboxMessage>
            {
                new(enrolment.DeliverTo, OnboardingCards.Day(card, step + 1, journey.Steps.Count, pack, verbatim), Purpose),
            };
            var completed = step + 1 >= journey.Steps.Count;
            if (completed && enrolment.ReportTo is { } reportTo)
            {
                var culture = CultureInfo.GetCultureInfo(enrolment.Language);
                var report = strings.Format("onboardingReport", culture, enrolment.Name ?? enrolment.Person.ConversationId, journey.Steps.Count)
                    + await QuizResultsAsync(quiz, strings, enrolment.Person, culture, cancellationToken);
                messages.Add(new OutboxMessage(reportTo, BotMessage.FromText(report), Purpose));
            }

            if (await store.AdvanceAsync(enrolment.Person, enrolment.NextStep, journeys.Calendar.NextDueAt(now, zone), completed, messages, now, cancellationToken))
            {
                sent++;
                await RecordProgressAsync(enrolment, step + 1, completed, cancellationToken);
            }
        }

        return sent;
    }

    /// <summary>The newcomer's progress, recorded once the step is stored (decided once, so recorded once); the log never throws.</summary>
    private async Task RecordProgressAsync(Enrolment enrolment, int step, bool completed, CancellationToken cancellationToken)
    {
        if (engagement is null)
        {
            return;
        }

        await engagement.RecordAsync(enrolment.DeliverTo, enrolment.Person.ConversationId, EngagementKinds.OnboardingCardDelivered, value: step, cancellationToken: cancellationToken);
        if (completed)
        {
            await engagement.RecordAsync(enrolment.DeliverTo, enrolment.Person.ConversationId, EngagementKinds.OnboardingCompleted, value: step, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// " Mini quiz: 7 right answers out of 9." for a newcomer who practised in their organization (the journey's quiz card
    /// opens solo practice); empty otherwise. <paramref name="person"/> is the newcomer as enrolled (organization and user id).
    /// </summary>
    public static async Task<string> QuizResultsAsync(IQuizStore quiz, StringTable strings, ConversationKey person, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(person);
        var results = await quiz.ResultsByQuestionAsync(person.Organization, person.ConversationId, cancellationToken);
        var right = results.Values.Sum(r => r.Right);
        var answered = right + results.Values.Sum(r => r.Wrong);
        return answered == 0 ? string.Empty : strings.Format("onboardingQuizResults", culture, right, answered);
    }

    /// <summary>A verbatim the newcomer's organization sees, in the pack's language, a different one for each place in the journey (attributed ones first).</summary>
    private async Task<Verbatim?> VerbatimOfTheDayAsync(
        OrganizationKey organization, PersonaPack pack, int step, Dictionary<(OrganizationKey, string), IReadOnlyList<Verbatim>> byLanguage, CancellationToken cancellationToken)
    {
        var language = pack.Language.Split('-')[0];
        if (!byLanguage.TryGetValue((organization, language), out var pool))
        {
            var said = await verbatims.ListAsync(organization, language, DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
            var withPersona = said.Where(v => v.PersonaId is not null).ToList();
            pool = byLanguage[(organization, language)] = withPersona.Count > 0 ? withPersona : [.. said];
        }

        return pool.Count == 0 ? null : pool[step % pool.Count];
    }
}

/// <summary>The journey each pack's newcomers follow (the organization's own when configured, else the default) and the calendar.</summary>
public sealed class OnboardingJourneys(OnboardingCalendar calendar, Func<PersonaPack, OnboardingJourney?>? custom = null)
{
    public OnboardingCalendar Calendar { get; } = calendar;

    public OnboardingJourney For(PersonaPack pack) => custom?.Invoke(pack) ?? OnboardingJourney.Default(pack);
}
