using Microsoft.Extensions.Options;

namespace CultureBot.Scheduling;

/// <summary>The <c>Retention</c> section: how long the queues' records are kept before the hourly purge removes them.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// How long an inbound event or activity id is remembered, to recognise the platform's retries (Slack retries
    /// within the hour, Socket Mode and the Bot Connector within minutes). Ids only: no content.
    /// </summary>
    public TimeSpan InboundEvents { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long an item set aside (its payload, which may hold what users wrote, and its error) waits for an operator.</summary>
    public TimeSpan SetAside { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long engagement events (pseudonymous: what people did, never who) are kept for <c>culturebot insights</c>.</summary>
    public TimeSpan Engagement { get; set; } = TimeSpan.FromDays(365);
}

internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    /// <summary>Shorter than this, a platform's own retry could be taken for a new event and done twice.</summary>
    public static readonly TimeSpan MinimumInboundEvents = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var errors = new List<string>();
        if (options.InboundEvents < MinimumInboundEvents)
        {
            errors.Add($"Retention:InboundEvents must be at least {MinimumInboundEvents:c} (platforms retry for up to an hour); it is {options.InboundEvents:c}.");
        }

        if (options.SetAside <= TimeSpan.Zero)
        {
            errors.Add($"Retention:SetAside must be more than zero (for example 30.00:00:00); it is {options.SetAside:c}.");
        }

        if (options.Engagement <= TimeSpan.Zero)
        {
            errors.Add($"Retention:Engagement must be more than zero (for example 365.00:00:00); it is {options.Engagement:c}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
