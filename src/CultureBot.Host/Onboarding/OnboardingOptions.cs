using CultureBot.Core.Onboarding;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Onboarding;

/// <summary>The <c>Onboarding</c> section: the organization's own journeys, its holidays, the time cards come.</summary>
public sealed class OnboardingOptions
{
    public const string Section = "Onboarding";

    /// <summary>A journey file (YAML) per pack slug (<c>Onboarding__Journeys__velo-vert-fr=/etc/culturebot/journey.fr.yaml</c>); other packs get the default journey.</summary>
    public Dictionary<string, string> Journeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Days without cards (<c>Onboarding__Holidays__0=2026-12-25</c>), besides weekends.</summary>
    public List<DateOnly> Holidays { get; } = [];

    /// <summary>The newcomer's local time cards come at.</summary>
    public TimeOnly Time { get; set; } = OnboardingCalendar.DefaultTime;
}

internal sealed class OnboardingOptionsValidator : IValidateOptions<OnboardingOptions>
{
    public ValidateOptionsResult Validate(string? name, OnboardingOptions options)
    {
        var missing = options.Journeys
            .Where(j => !File.Exists(j.Value))
            .Select(j => $"Onboarding:Journeys:{j.Key} names a file that does not exist: {j.Value}.")
            .ToList();
        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
