using CultureBot.Core.Committees;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Committees;

/// <summary>The <c>Committees</c> section: when reminders go out, and the public address calendar links point to.</summary>
public sealed class CommitteeOptions
{
    public const string Section = "Committees";

    /// <summary>
    /// The host's public address (<c>https://culturebot.example.com</c>): cards link each meeting's calendar
    /// invitation under it. Without it, cards have no "Add to calendar" button.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The reminders' offsets in days from the meeting's day, and their local time.</summary>
    public ReminderPlan Reminders { get; set; } = new();
}

internal sealed class CommitteeOptionsValidator : IValidateOptions<CommitteeOptions>
{
    public ValidateOptionsResult Validate(string? name, CommitteeOptions options)
    {
        var errors = options.Reminders.Validate().ToList();
        if (options.PublicUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")))
        {
            errors.Add($"Committees:PublicUrl must be an absolute http(s) address; it is '{url}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
