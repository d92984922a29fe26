using System.CommandLine;
using System.Globalization;
using CultureBot.Content;
using CultureBot.Core.Localization;
using CultureBot.Core.Onboarding;
using CultureBot.Core.Personas;

namespace CultureBot.Host.Cli;

/// <summary><c>culturebot onboarding plan</c>: a journey's dated plan, so that an owner can check it before enabling it.</summary>
internal static class OnboardingCommands
{
    public static Command Create()
    {
        var pack = new Option<FileInfo>("--pack") { Description = "The persona pack (YAML).", Required = true }.ExistingFiles();
        var journey = new Option<FileInfo?>("--journey") { Description = "The organization's own journey (YAML); without it, the default journey generated from the pack." }.ExistingFiles();
        var start = new Option<string>("--start") { Description = "The first day, yyyy-MM-dd (a weekend or holiday starts on the next working day).", Required = true };
        var zone = new Option<string>("--tz") { Description = "The newcomer's time zone (IANA, e.g. Europe/Paris).", DefaultValueFactory = _ => "UTC" };
        var days = new Option<int?>("--days") { Description = "Only the first N cards." };
        var holidays = new Option<string[]>("--holiday") { Description = "A day without cards, yyyy-MM-dd (repeat the option for several).", AllowMultipleArgumentsPerToken = true };
        var plan = new Command("plan", "Print the dated plan: card number, local date and time, UTC, card.") { pack, journey, start, zone, days, holidays };
        plan.SetAction(parse => Plan(parse.GetValue(pack)!, parse.GetValue(journey), parse.GetValue(start)!, parse.GetValue(zone)!, parse.GetValue(days), parse.GetValue(holidays) ?? []));
        return new Command("onboarding", "Onboarding journeys for newcomers.") { plan };
    }

    private static int Plan(FileInfo packFile, FileInfo? journeyFile, string startText, string zoneId, int? days, string[] holidayTexts)
    {
        if (!DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            Console.Error.WriteLine($"--start: '{startText}' is not a date written yyyy-MM-dd");
            return 2;
        }

        if (!TimeZones.IsKnown(zoneId))
        {
            Console.Error.WriteLine($"--tz: '{zoneId}' is not a time zone (write it as Europe/Paris, America/New_York or UTC)");
            return 2;
        }

        var holidays = new List<DateOnly>();
        foreach (var text in holidayTexts.SelectMany(h => h.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var holiday))
            {
                Console.Error.WriteLine($"--holiday: '{text}' is not a date written yyyy-MM-dd");
                return 2;
            }

            holidays.Add(holiday);
        }

        PersonaPack personas;
        OnboardingJourney journey;
        try
        {
            personas = PackReader.ReadFile(packFile.FullName).Pack;
            journey = journeyFile is null ? OnboardingJourney.Default(personas) : JourneyReader.ReadFile(journeyFile.FullName, personas);
        }
        catch (Exception e) when (e is PackFormatException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var zone = TimeZones.Find(zoneId);
        var calendar = new OnboardingCalendar(holidays);
        Console.WriteLine($"{"#",-3} {"local day",-15} {"local time",-15} {"UTC",-17} card");
        foreach (var card in calendar.Plan(journey, start, zone, days))
        {
            var local = TimeZoneInfo.ConvertTime(card.DueAt, zone);
            var abbreviation = local.Offset == TimeSpan.Zero ? "UTC" : "UTC" + local.ToString("zzz", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{card.Number,-3} {card.Day.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture),-15} {local.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + abbreviation,-15} {card.DueAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z",-17} {Describe(card.Step, personas)}"));
        }

        return 0;
    }

    private static string Describe(OnboardingStep step, PersonaPack pack) => step.Kind switch
    {
        OnboardingCardKind.Intro => "intro: what a persona is, and why it matters",
        OnboardingCardKind.Persona when pack.Find(step.PersonaId!) is { } persona => $"persona: {persona.Name}" + (persona.Tagline is { } t ? $" — {t}" : string.Empty),
        OnboardingCardKind.Verbatim => "verbatim of the day",
        OnboardingCardKind.Quiz => string.Create(CultureInfo.InvariantCulture, $"mini quiz: {step.Questions} questions"),
        OnboardingCardKind.Text => $"text: {step.Title}",
        OnboardingCardKind.Closing => "closing: the journey's end, what to do next",
        _ => step.Kind.ToString(),
    };
}
