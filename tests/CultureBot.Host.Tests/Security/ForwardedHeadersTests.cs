using System.Net;
using CultureBot.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Security;

/// <summary>
/// Behind a TLS proxy the host sees plain HTTP; the proxy says https in X-Forwarded-Proto. From a trusted proxy
/// (ForwardedHeaders:KnownProxies or KnownNetworks) the header is believed and cookies are Secure; from anyone else
/// it is ignored.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.20.30.40");

    /// <summary>TestServer has no socket: every request arrives as if from the proxy's address.</summary>
    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = Proxy;
                return following(context);
            });
            next(app);
        };
    }

    private static async Task<string> OAuthCookieAsync(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "forwarded-signing-secret-0123456789",
            ["Slack:ClientId"] = "1234.5678",
            ["Slack:ClientSecret"] = "oauth-client-secret",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        using var host = new BotHostFactory(all, services => services.AddSingleton<IStartupFilter, FromProxy>());
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/slack/install");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("culturebot_slack_oauth=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.20.30.40")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8")]
    public async Task From_a_known_proxy_saying_https_the_oauth_cookie_is_secure(string key, string value)
    {
        var cookie = await OAuthCookieAsync((key, value));

        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task From_an_unknown_address_the_forwarded_scheme_is_ignored()
    {
        var cookie = await OAuthCookieAsync();

        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
