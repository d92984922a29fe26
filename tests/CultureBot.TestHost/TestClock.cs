using CultureBot.Host.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CultureBot.TestHost;

/// <summary>
/// What the test host adds to the shipped composition: with <c>Testing:Clock</c> set, the host's clock starts at that
/// instant and <see cref="ClockEvent"/> moves it; without it, the host runs on the real clock and the event does nothing.
/// </summary>
public static class TestClock
{
    /// <summary>The setting: the instant the host's clock starts at (see <see cref="AdjustableClock"/>).</summary>
    public const string Key = "Testing:Clock";

    public static HostAdditions Additions { get; } = new(AddServices, routes => routes.MapTestClock());

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<DateTimeOffset?>(Key) is not { } start)
        {
            return;
        }

        // A clock that lies would break token and signature checks, and reminders: never with a real platform.
        if (!string.IsNullOrEmpty(configuration["Teams:AppId"]) || !string.IsNullOrEmpty(configuration["Slack:SigningSecret"]))
        {
            throw new InvalidOperationException($"{Key} is for end-to-end tests in local mode only: remove it, or remove Teams:AppId and Slack:SigningSecret.");
        }

        var clock = new AdjustableClock(start);
        services.AddSingleton(clock);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
    }
}
