using Microsoft.Extensions.Options;
using Quartz;

namespace CultureBot.Scheduling;

/// <summary>The <c>Scheduling</c> section: the Quartz scheduler that keeps time for every proactive feature.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>
    /// The scheduler's name, the key of its jobs and triggers in the <c>qrtz_</c> tables: every host of one deployment
    /// (one database) must use the same, so that after a restart they find their jobs and, on PostgreSQL, form one cluster.
    /// </summary>
    public string SchedulerName { get; set; } = "CultureBot";

    /// <summary>When the digest check runs (a Quartz cron expression, seconds first): every minute, on the minute.</summary>
    public string DigestCheck { get; set; } = "0 * * * * ?";

    /// <summary>How often a clustered host says it is alive; a host silent for twice as long is presumed dead and its jobs recovered.</summary>
    public TimeSpan ClusterCheckin { get; set; } = TimeSpan.FromSeconds(7.5);
}

internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SchedulerName))
        {
            errors.Add("Scheduling:SchedulerName must not be empty: it keys the jobs in the qrtz_ tables (the default is CultureBot).");
        }

        if (!IsCron(options.DigestCheck))
        {
            errors.Add($"Scheduling:DigestCheck must be a Quartz cron expression, seconds first (the default, every minute, is '0 * * * * ?'); it is '{options.DigestCheck}'.");
        }

        if (options.ClusterCheckin <= TimeSpan.Zero)
        {
            errors.Add($"Scheduling:ClusterCheckin must be more than zero (for example 00:00:07.5); it is {options.ClusterCheckin:c}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Whether Quartz reads <paramref name="expression"/> as a cron expression (it says so only by throwing).</summary>
    private static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
