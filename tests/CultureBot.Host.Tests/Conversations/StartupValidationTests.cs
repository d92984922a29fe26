using Microsoft.Extensions.DependencyInjection;
using CultureBot.Host.Tests.Support;
using CultureBot.Host.Web;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Tests.Conversations;

/// <summary>A missing or contradictory setting stops the host, built as Program builds it, with a sentence naming the setting.</summary>
public sealed class StartupValidationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("culturebot-start-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<OptionsValidationException> StartFailsAsync(params string[] settings)
    {
        string[] args = ["--urls=http://127.0.0.1:0", $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "db.sqlite")}", .. settings];
        return await HostStart.FailsAsync(args);
    }

    [Theory]
    [InlineData("--Teams:AppId=11111111-2222-3333-4444-555555555555", "Teams:AppPassword (or Teams:CertificatePath) must be set")]
    [InlineData("--Teams:AppId=not-a-guid", "Teams:AppId must be the bot registration's application (client) id")]
    [InlineData("--Teams:TenantId=22222222-2222-3333-4444-555555555555", "Teams:AppId must be set")]
    [InlineData("--Teams:OpenIdMetadataUrl=http://login.example.com/metadata", "Teams:OpenIdMetadataUrl must be an absolute https URL")]
    [InlineData("--Storage:Provider=Oracle", "Storage:Provider must be Sqlite or Postgres")]
    [InlineData("--Content:Packs:0=/no/such/pack.yaml", "Content:Packs:0 names a file that does not exist")]
    [InlineData("--Slack:BotToken=xoxb-test", "Slack:SigningSecret must be set when Slack is on")]
    [InlineData("--Teams:ReplyTimeout=00:00:30", "Teams:ReplyTimeout must be more than zero and at most 00:00:14")]
    [InlineData("--Retention:InboundEvents=00:10:00", "Retention:InboundEvents must be at least 1.00:00:00")]
    [InlineData("--Retention:SetAside=00:00:00", "Retention:SetAside must be more than zero")]
    [InlineData("--Retention:Engagement=00:00:00", "Retention:Engagement must be more than zero")]
    [InlineData("--Scheduling:DigestCheck=every-minute", "Scheduling:DigestCheck must be a Quartz cron expression, seconds first")]
    [InlineData("--Scheduling:SchedulerName=", "Scheduling:SchedulerName must not be empty")]
    [InlineData("--Scheduling:ClusterCheckin=00:00:00", "Scheduling:ClusterCheckin must be more than zero")]
    [InlineData("--OpenAI:Endpoint=https://api.openai.com/v1", "OpenAI:Model must be set when OpenAI:Endpoint is")]
    [InlineData("--OpenAI:Model=gpt-4o-mini", "OpenAI:Endpoint must be set when OpenAI:Model is")]
    [InlineData("--OpenAI:Endpoint=api.openai.com/v1 --OpenAI:Model=gpt-4o-mini", "OpenAI:Endpoint must be an absolute http(s) address")]
    [InlineData("--OpenAI:TimeoutSeconds=0", "OpenAI:TimeoutSeconds must be a number of seconds more than zero")]
    [InlineData("--OpenAI:MaxPersonas=0", "OpenAI:MaxPersonas must be at least 1")]
    [InlineData("--Slack:SigningSecret=s --Slack:BotToken=xoxb-test", "Slack is on, but no workspace may use it: list the workspace ids (T…) in Access:SlackWorkspaces")]
    [InlineData("--Teams:AppId=11111111-2222-3333-4444-555555555555 --Teams:AppPassword=p", "no tenant may use it: list the tenant ids in Access:TeamsTenants")]
    [InlineData("--Access:AllowAnyOrganization=true --Access:SlackWorkspaces:0=T0ACME", "Access:AllowAnyOrganization=true opens the deployment to every organization, yet")]
    [InlineData("--ForwardedHeaders:KnownNetworks:0=10.0.0.0/99", "ForwardedHeaders:KnownNetworks:0 must be a network in CIDR notation")]
    [InlineData("--ForwardedHeaders:KnownProxies:0=proxy.local", "ForwardedHeaders:KnownProxies:0 must be an IP address")]
    public async Task Bad_settings_stop_the_host_naming_the_setting(string settings, string expected)
    {
        var error = await StartFailsAsync(settings.Split(' '));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contradictory_credentials_are_refused()
    {
        var certificate = Path.Combine(_directory, "bot.pfx");
        await File.WriteAllTextAsync(certificate, "not used");

        var error = await StartFailsAsync("--Teams:AppId=11111111-2222-3333-4444-555555555555", "--Teams:AppPassword=secret", $"--Teams:CertificatePath={certificate}");

        Assert.Contains("Teams:AppPassword and Teams:CertificatePath are both set", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message.Replace("client secret", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_persona_pack_stops_the_host_with_file_line_and_field()
    {
        var pack = Path.Combine(_directory, "broken.yaml");
        await File.WriteAllTextAsync(pack, "pack: broken\npersonas:\n  - id: a\n    name: A\n    satisfaction: twelve\n");
        string[] args = ["--urls=http://127.0.0.1:0", $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "db.sqlite")}", $"--Content:Packs:0={pack}"];

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var app = BotHost.Build(args);
            await app.StartAsync();
        });

        Assert.IsType<CultureBot.Content.PackFormatException>(error);
        Assert.Contains($"{pack}:5: personas[0].satisfaction: 'twelve' is not a number from 0 to 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organizations_journey_and_holidays_are_used_and_a_malformed_journey_stops_the_host()
    {
        var journey = Path.Combine(_directory, "journey.en.yaml");
        await File.WriteAllTextAsync(journey, "journey: first-weeks\nsteps:\n  - intro\n  - persona: gerard\n  - closing\n");
        string[] args =
        [
            "--urls=http://127.0.0.1:0", $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "journeys.sqlite")}",
            $"--Onboarding:Journeys:velo-vert-en={journey}", "--Onboarding:Holidays:0=2026-12-25", "--Onboarding:Time=08:30",
        ];
        await using (var app = BotHost.Build(args))
        {
            await app.StartAsync();
            var journeys = app.Services.GetRequiredService<CultureBot.Core.Onboarding.OnboardingJourneys>();
            var packs = app.Services.GetRequiredService<CultureBot.Core.Personas.PersonaDirectory>().Packs;
            Assert.Equal("first-weeks", journeys.For(packs.Single(p => p.Slug == "velo-vert-en")).Name);
            Assert.NotEqual("first-weeks", journeys.For(packs.Single(p => p.Slug == "velo-vert-fr")).Name);
            Assert.False(journeys.Calendar.IsWorkingDay(new DateOnly(2026, 12, 25)));
            Assert.Equal(new TimeOnly(8, 30), journeys.Calendar.Time);
            await app.StopAsync();
        }

        await File.WriteAllTextAsync(journey, "journey: first-weeks\nsteps:\n  - intro\n  - persona: zorglub\n");
        var error = await Record.ExceptionAsync(async () =>
        {
            await using var app = BotHost.Build(args);
            await app.StartAsync();
        });

        Assert.IsType<CultureBot.Content.PackFormatException>(error);
        Assert.Contains($"{journey}:4: steps[1].persona: no persona 'zorglub' in pack velo-vert-en", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_refused()
    {
        string[] args = ["--urls=http://127.0.0.1:0", "--Storage:Provider=Postgres"];
        var error = await Record.ExceptionAsync(async () =>
        {
            await using var app = BotHost.Build(args);
            await app.StartAsync();
        });

        Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("Storage:ConnectionString must be set when Storage:Provider is Postgres", error.Message, StringComparison.Ordinal);
    }
}
