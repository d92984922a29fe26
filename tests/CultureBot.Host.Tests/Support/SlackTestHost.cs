using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Support;

/// <summary>
/// The real host with Slack on, as the Slack tests use it: signed requests in (<see cref="Signed"/>), a fake Slack Web
/// API out (<see cref="Api"/>), the configured single-workspace bot token, and whatever settings, services and clock
/// the test adds.
/// </summary>
public sealed class SlackTestHost : IDisposable
{
    public const string Secret = "test-signing-secret-0123456789abcdef";

    /// <param name="settings">Settings on top of Slack's (an access list, a schedule…).</param>
    /// <param name="services">Services the test replaces (a quiz timer…).</param>
    /// <param name="clock">The host's clock, and the one requests are signed at; the real one when null.</param>
    public SlackTestHost(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, TimeProvider? clock = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-configured-token",
            ["Slack:ApiBaseUrl"] = Api.ApiBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        Host = new BotHostFactory(all, collection =>
        {
            if (clock is not null)
            {
                collection.AddSingleton(clock);
            }

            services?.Invoke(collection);
        });
        Client = Host.CreateClient();
        Signed = new SignedSlack(Client, Secret, clock ?? TimeProvider.System);
    }

    /// <summary>Settings that let the fake workspace in, and no other (as a deployment lists its workspaces).</summary>
    public static Dictionary<string, string?> OnlyTheFakeWorkspace => new() { ["Access:SlackWorkspaces:0"] = FakeSlackApi.TeamId };

    public FakeSlackApi Api { get; } = new();

    public BotHostFactory Host { get; }

    public HttpClient Client { get; }

    public SignedSlack Signed { get; }

    public IServiceProvider Services => Host.Services;

    public void Dispose()
    {
        Client.Dispose();
        Host.Dispose();
        Api.Dispose();
    }
}
