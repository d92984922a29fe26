using CultureBot.Studio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Tests.Studio;

/// <summary>The studio's sign-in settings are checked when the host starts: a bad one stops it, naming the setting.</summary>
public sealed class StudioSettingsTests
{
    [Theory]
    [InlineData("Studio:Owners:0", "", "Studio:Owners:0 is blank")]
    [InlineData("Studio:Entra:ClientId", "c0ffee00-1111-4222-8333-444455556666", "Studio:Entra:ClientId is set but Studio:Entra:ClientSecret is not")]
    [InlineData("Studio:Slack:ClientSecret", "secret", "Studio:Slack:ClientSecret is set but Studio:Slack:ClientId is not")]
    [InlineData("Studio:Teams:Audience", "not a uri", "Studio:Teams:Audience must be the application id URI")]
    public void Bad_studio_settings_stop_the_host_naming_the_setting(string setting, string value, string expected)
    {
        using var services = Studio(new Dictionary<string, string?> { [setting] = value });

        // What the host runs when it starts (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_teams_tabs_audience_is_the_app_packages_application_id_uri_unless_set()
    {
        using var deployed = Studio(new Dictionary<string, string?> { ["Teams:AppId"] = "5b1e0c7a-3d2f-4e8b-9a6c-1f0d2e3c4b5a", ["Teams:Domain"] = "bot.contoso.com" });
        using var set = Studio(new Dictionary<string, string?> { ["Teams:AppId"] = "5b1e0c7a-3d2f-4e8b-9a6c-1f0d2e3c4b5a", ["Studio:Teams:Audience"] = "api://studio.contoso.com/5b1e0c7a-3d2f-4e8b-9a6c-1f0d2e3c4b5a" });
        using var none = Studio(new Dictionary<string, string?> { ["Teams:AppId"] = "5b1e0c7a-3d2f-4e8b-9a6c-1f0d2e3c4b5a" });

        Assert.Equal(["api://bot.contoso.com/5b1e0c7a-3d2f-4e8b-9a6c-1f0d2e3c4b5a", "5b1e0c7a-3d2f-4e8b-9a6c-1f0d2e3c4b5a"], Options(deployed).Teams.Audiences);
        Assert.Equal("api://studio.contoso.com/5b1e0c7a-3d2f-4e8b-9a6c-1f0d2e3c4b5a", Options(set).Teams.Audiences[0]);
        Assert.False(Options(none).Teams.IsConfigured);
    }

    private static StudioOptions Options(ServiceProvider services) => services.GetRequiredService<IOptions<StudioOptions>>().Value;

    private static ServiceProvider Studio(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStudio(configuration, _ => false);
        return services.BuildServiceProvider();
    }
}
