using CultureBot.Host.Web;
using CultureBot.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.EndToEnd;

/// <summary>The end-to-end runs' adjustable clock: only in the test host, and never next to a real platform.</summary>
public sealed class TestClockTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("culturebot-clock-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string[] Args(params string[] settings) =>
        ["--urls=http://127.0.0.1:0", $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "db.sqlite")}", $"--{TestClock.Key}={Start:O}", .. settings];

    [Theory]
    [InlineData("--Teams:AppId=11111111-2222-3333-4444-555555555555")]
    [InlineData("--Slack:SigningSecret=s")]
    public void The_test_clock_is_refused_next_to_a_real_platform(string credential)
    {
        var error = Assert.Throws<InvalidOperationException>(() => BotHost.Build(Args(credential), TestClock.Additions));

        Assert.Contains("Testing:Clock is for end-to-end tests in local mode only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_test_host_starts_its_clock_at_the_setting_and_the_shipped_host_ignores_it()
    {
        await using (var testHost = BotHost.Build(Args(), TestClock.Additions))
        {
            var clock = testHost.Services.GetRequiredService<TimeProvider>();
            Assert.IsType<AdjustableClock>(clock);
            Assert.InRange(clock.GetUtcNow(), Start, Start.AddMinutes(5));
        }

        await using var shipped = BotHost.Build(Args());
        Assert.Same(TimeProvider.System, shipped.Services.GetRequiredService<TimeProvider>());
    }
}
