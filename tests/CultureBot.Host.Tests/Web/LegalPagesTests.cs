using System.Net;
using CultureBot.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CultureBot.Host.Tests.Web;

/// <summary><c>/privacy</c> and <c>/terms</c>, which the Teams app package names, over HTTP in the real host.</summary>
public sealed class LegalPagesTests : IDisposable
{
    private readonly BotHostFactory _host = new(new Dictionary<string, string?>
    {
        ["Retention:InboundEvents"] = "3.00:00:00",
        ["Legal:Contact"] = "dpo@contoso.com",
    });

    public void Dispose() => _host.Dispose();

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string path, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var response = await _host.CreateClient().SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Privacy_says_what_is_kept_for_how_long_and_whom_to_ask_in_english()
    {
        var (response, body) = await GetAsync("/privacy", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"en\">", body, StringComparison.Ordinal);
        Assert.Contains("quiz games, answers and scores", body, StringComparison.Ordinal);
        Assert.Contains("kept 3 days", body, StringComparison.Ordinal);
        Assert.Contains("kept 30 days", body, StringComparison.Ordinal);
        Assert.Contains("dpo@contoso.com", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("de-DE, fr-CA;q=0.8, en;q=0.5")]
    public async Task Readers_who_prefer_french_get_the_french_pages(string acceptLanguage)
    {
        var (privacy, privacyBody) = await GetAsync("/privacy", acceptLanguage);
        var (terms, termsBody) = await GetAsync("/terms", acceptLanguage);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (privacy.StatusCode, terms.StatusCode));
        Assert.Contains("<html lang=\"fr\">", privacyBody, StringComparison.Ordinal);
        Assert.Equal("fr", Assert.Single(privacy.Content.Headers.ContentLanguage));
        Assert.Contains("Accept-Language", privacy.Headers.Vary);
        Assert.Contains("gardés 3 jours", privacyBody, StringComparison.Ordinal);
        Assert.Contains("conditions d&#x27;utilisation", termsBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/privacy\">", termsBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lower_preference_for_french_keeps_english()
    {
        var (_, body) = await GetAsync("/terms", "fr;q=0.4, en-GB");

        Assert.Contains("<html lang=\"en\">", body, StringComparison.Ordinal);
        Assert.Contains("terms of use", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_pages_elsewhere_are_where_the_paths_redirect()
    {
        using var host = new BotHostFactory(new Dictionary<string, string?>
        {
            ["Legal:PrivacyUrl"] = "https://contoso.com/privacy/culturebot",
        });
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var privacy = await client.GetAsync("/privacy");
        var terms = await client.GetAsync("/terms");

        Assert.Equal(HttpStatusCode.Redirect, privacy.StatusCode);
        Assert.Equal(new Uri("https://contoso.com/privacy/culturebot"), privacy.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, terms.StatusCode);
    }
}
