namespace CultureBot.Host.Scheduling;

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
