using CultureBot.Core.Audit;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using CultureBot.Core.Onboarding;
using CultureBot.Core.Personas;
using CultureBot.Studio.Access;

namespace CultureBot.Studio.Operations;

/// <summary>A newcomer's journey as the studio shows it: the enrolment and its plan, card by card.</summary>
public sealed record JourneyRow(Enrolment Enrolment, IReadOnlyList<JourneyCard> Plan);

/// <summary>One card of a journey: sent already (no day), or due on <paramref name="Day"/> while the journey runs.</summary>
public sealed record JourneyCard(int Number, OnboardingStep Step, bool Sent, DateOnly? Day);

/// <summary>
/// The onboarding journeys of the studio's organization: who is on one, the dated plan of their cards, and pause,
/// resume or stop. The plan is computed as the scheduler sends it (working days, holidays, the journey of the pack).
/// </summary>
public sealed class OnboardingAdmin(IOnboardingStore store, OnboardingJourneys journeys, PersonaDirectory personas, IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<JourneyRow>> ListAsync(StudioUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var rows = new List<JourneyRow>();
        foreach (var enrolment in await store.ListAsync(user.Organization, cancellationToken))
        {
            rows.Add(new JourneyRow(enrolment, Plan(user.Organization, enrolment)));
        }

        return rows;
    }

    /// <summary>Pauses, resumes (the next card on the next working day) or stops a newcomer's journey.</summary>
    public async Task SetStatusAsync(StudioUser user, string userId, EnrolmentStatus status, CancellationToken cancellationToken)
    {
        user.RequireOwner();
        if (status is not (EnrolmentStatus.Active or EnrolmentStatus.Paused or EnrolmentStatus.Stopped))
        {
            throw new StudioRefusalException("RefusedStatus");
        }

        var person = new ConversationKey(user.Organization.Platform, user.Organization.TenantId, userId);
        var enrolment = await store.GetAsync(person, cancellationToken) ?? throw new StudioRefusalException(StudioRefusalException.NotFound);
        var now = clock.GetUtcNow();
        DateTimeOffset? next = status == EnrolmentStatus.Active ? journeys.Calendar.NextDueAt(now, TimeZones.Find(enrolment.TimeZone)) : null;
        if (!await store.SetStatusAsync(person, status, next, cancellationToken))
        {
            throw new StudioRefusalException("RefusedStatus");
        }

        await audit.RecordAsync(new AuditEntry(user.Organization, now, user.Name, "onboarding." + status.ToString().ToLowerInvariant(), userId,
            $"{enrolment.Name ?? userId}: {enrolment.Status} → {status}"), cancellationToken);
    }

    /// <summary>
    /// The cards of the newcomer's journey: those sent, then the rest dated from the next one's due day on, working
    /// day after working day, as the scheduler will send them (an active journey only: a paused one has no dates).
    /// </summary>
    private List<JourneyCard> Plan(OrganizationKey organization, Enrolment enrolment)
    {
        var pack = personas.Find(organization, enrolment.PackSlug)
            ?? personas.PacksFor(organization).FirstOrDefault(p => p.Language == enrolment.Language);
        if (pack is null)
        {
            return [];
        }

        var journey = journeys.For(pack);
        var zone = TimeZones.Find(enrolment.TimeZone);
        var sent = Math.Min(enrolment.NextStep, journey.Steps.Count);
        var cards = journey.Steps.Take(sent).Select((step, i) => new JourneyCard(i + 1, step, Sent: true, Day: null)).ToList();
        var rest = journey with { Steps = [.. journey.Steps.Skip(sent)] };
        var dated = enrolment.Status == EnrolmentStatus.Active;
        cards.AddRange(journeys.Calendar.Plan(rest, TimeZones.LocalDate(enrolment.NextDueAt, zone), zone)
            .Select(planned => new JourneyCard(sent + planned.Number, planned.Step, Sent: false, dated ? planned.Day : null)));
        return cards;
    }
}
