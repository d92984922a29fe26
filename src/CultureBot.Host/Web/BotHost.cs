using CultureBot.Cards;
using CultureBot.Content;
using CultureBot.Core.Bot;
using CultureBot.Content.Verbatims;
using CultureBot.Core.Delivery;
using CultureBot.Core.Digests;
using CultureBot.Core.Features;
using CultureBot.Core.Personas;
using CultureBot.Data;
using CultureBot.Host.Access;
using CultureBot.Host.Committees;
using CultureBot.Host.Onboarding;
using CultureBot.Core.Onboarding;
using CultureBot.Llm;
using CultureBot.Scheduling;
using CultureBot.Scheduling.Quiz;
using CultureBot.Slack;
using CultureBot.Slack.Web;
using CultureBot.Studio;
using CultureBot.Teams;
using CultureBot.Teams.Web;
using CultureBot.Teams.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Web;

/// <summary>The composition root: services, options validated at start, endpoints.</summary>
public static class BotHost
{
    /// <summary>The address served when neither <c>ASPNETCORE_URLS</c> nor <c>--urls</c> says otherwise (the Bot Framework's usual port).</summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <param name="additions">What a test build adds (the test host's adjustable clock); the shipped executable adds nothing.</param>
    public static WebApplication Build(string[] args, HostAdditions? additions = null)
    {
        var builder = WebApplication.CreateBuilder(ServerSettings.Options(args));
        ServerSettings.QuietRequests(builder.Configuration, builder.Environment);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"])
            && string.IsNullOrEmpty(builder.Configuration["HTTPS_PORTS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // The studio's scripts and styles (Blazor's, Fluent UI's) are static web assets: beside the executable once
        // published, read through the build's manifest when run from a build (dotnet run, the tests) in any environment.
        builder.WebHost.UseStaticWebAssets();
        ConfigureServices(builder.Services, builder.Configuration, additions);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    internal static void ConfigureServices(IServiceCollection services, IConfiguration configuration, HostAdditions? additions = null)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>();
        services.AddOptions<CardOptions>().Bind(configuration.GetSection(CardOptions.Section)).ValidateOnStart();
        services.AddSingleton(sp => CardCatalog.Load(sp.GetRequiredService<IOptions<CardOptions>>().Value.ResolvedPath));
        services.AddSingleton(sp => sp.GetRequiredService<CardCatalog>().Strings);

        services.AddCultureBotData(configuration);
        services.AddTeams(configuration);
        services.AddSlack(configuration);
        services.AddOrganizationAccess(configuration);
        services.AddKeyRing(configuration);
        services.AddTrustedProxies(configuration);
        services.AddSingleton(new PersonaDirectory([]));
        services.AddSingleton<PackImporter>();
        services.AddSingleton<VerbatimImporter>();
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxWorker>();
        services.AddCultureBotScheduling(configuration);
        services.AddCultureBotQuiz();
        services.AddOptions<OnboardingOptions>().Bind(configuration.GetSection(OnboardingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OnboardingOptions>, OnboardingOptionsValidator>();
        services.AddSingleton<ConfiguredJourneys>();
        services.AddSingleton(sp =>
        {
            var onboarding = sp.GetRequiredService<IOptions<OnboardingOptions>>().Value;
            return new OnboardingJourneys(new OnboardingCalendar(onboarding.Holidays, onboarding.Time), sp.GetRequiredService<ConfiguredJourneys>().For);
        });
        services.AddCultureBotCommittees(configuration);
        services.AddPersonaReranker(configuration);
        services.AddCultureBotFeatures(routes => additions?.Routes(routes));
        services.AddStudio(configuration, sp =>
            sp.GetRequiredService<IOptions<TeamsOptions>>().Value.IsLocalMode && !sp.GetRequiredService<IOptions<SlackOptions>>().Value.Enabled);

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]).AddCheck<QueueHealthCheck>(QueueHealthCheck.Name);
        services.AddHostedService<StartupReport>();
        services.AddHostedService<PersonaPackLoader>();
        services.AddSingleton<ServedPacks>();
        services.AddSingleton<CultureBot.Studio.Personas.IServedPacks>(sp => sp.GetRequiredService<ServedPacks>());
        additions?.Services(services, configuration);
    }

    internal static void MapEndpoints(WebApplication app)
    {
        // First, so that everything after sees the scheme and client address the trusted proxy saw.
        app.UseForwardedHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapTeams();
        app.MapPackEndpoints();
        app.MapSlack();
        app.MapCommitteeEndpoints();
        app.MapLegalPages();
        app.MapStudio();
    }
}
