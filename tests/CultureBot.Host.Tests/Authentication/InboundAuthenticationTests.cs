using System.Net;
using System.Security.Cryptography;
using CultureBot.Host.Tests.Support;
using CultureBot.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace CultureBot.Host.Tests.Authentication;

/// <summary>
/// Bot Connector JWT validation through the real pipeline. A rejected request gets 401 and reaches
/// no handler: the fake connector receives no reply, and a later valid send of the same activity is processed.
/// </summary>
public sealed class InboundAuthenticationTests : IDisposable
{
    private readonly FakeBotFrameworkIdentity _identity = new();
    private readonly FakeConnector _connector = new();
    private readonly BotHostFactory _host;

    public InboundAuthenticationTests()
    {
        // Outbound tokens come from Entra ID, out of reach here: the token provider is the seam to fake.
        _host = new BotHostFactory(_identity.Settings, OutboundToken);
    }

    private static void OutboundToken(IServiceCollection services)
    {
        var tokens = new Mock<IBotTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("outbound-token");
        services.AddSingleton(tokens.Object);
    }

    public void Dispose()
    {
        _host.Dispose();
        _connector.Dispose();
        _identity.Dispose();
    }

    private Task<HttpResponseMessage> SendHelpAsync(string? authorization) =>
        Activities.PostAsync(_host.CreateClient(), Activities.Message(_connector.ServiceUrl, "help"), authorization);

    [Fact]
    public async Task A_valid_token_is_accepted_and_the_bot_answers()
    {
        var response = await SendHelpAsync("Bearer " + _identity.Token(_connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_connector.Cards);
        Assert.Equal("Bearer outbound-token", Assert.Single(_connector.Calls).Authorization);
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_skew_is_still_accepted()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var token = _identity.Token(_connector.ServiceUrl, notBefore: now.AddMinutes(-30), expires: now.AddMinutes(-3));

        Assert.Equal(HttpStatusCode.OK, (await SendHelpAsync("Bearer " + token)).StatusCode);
    }

    public static TheoryData<string> RejectedCases => new()
    {
        "expired", "not-yet-valid", "wrong-audience", "no-audience", "wrong-issuer", "bad-signature", "unknown-key",
        "alg-none", "service-url-mismatch", "no-service-url", "no-header", "empty-bearer", "malformed", "basic-scheme",
    };

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public async Task Forged_or_broken_tokens_get_401_and_reach_no_handler(string kind)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var serviceUrl = _connector.ServiceUrl;
        var authorization = kind switch
        {
            "expired" => "Bearer " + _identity.Token(serviceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)),
            "not-yet-valid" => "Bearer " + _identity.Token(serviceUrl, notBefore: now.AddMinutes(10), expires: now.AddMinutes(40)),
            "wrong-audience" => "Bearer " + _identity.Token(serviceUrl, audience: "00000000-1111-2222-3333-444444444444"),
            "no-audience" => "Bearer " + _identity.Token(serviceUrl, audience: null),
            "wrong-issuer" => "Bearer " + _identity.Token(serviceUrl, issuer: "https://evil.example.com"),
            "bad-signature" => "Bearer " + _identity.Token(serviceUrl, signingKey: new RsaSecurityKey(RSA.Create(2048)) { KeyId = FakeBotFrameworkIdentity.KeyId }),
            "unknown-key" => "Bearer " + _identity.Token(serviceUrl, signingKey: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "someone-elses-key" }),
            "alg-none" => "Bearer " + FakeBotFrameworkIdentity.Unsigned(serviceUrl),
            "service-url-mismatch" => "Bearer " + _identity.Token("https://smba.trafficmanager.net/emea/"),
            "no-service-url" => "Bearer " + _identity.Token(serviceUrl, includeServiceUrl: false),
            "no-header" => null,
            "empty-bearer" => "Bearer ",
            "malformed" => "Bearer not.a.jwt",
            "basic-scheme" => "Basic dXNlcjpwYXNz",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await SendHelpAsync(authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task A_key_endorsed_only_for_another_channel_cannot_sign_for_teams()
    {
        using var slackOnly = new FakeBotFrameworkIdentity("slack");
        using var host = new BotHostFactory(slackOnly.Settings, OutboundToken);

        var response = await Activities.PostAsync(host.CreateClient(), Activities.Message(_connector.ServiceUrl, "help"), "Bearer " + slackOnly.Token(_connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task A_single_tenant_bot_accepts_its_tenants_entra_tokens_and_still_bot_framework_ones()
    {
        using var host = new BotHostFactory(_identity.SingleTenantSettings, OutboundToken);
        var client = host.CreateClient();

        var entra = await Activities.PostAsync(client, Activities.OfTenant(Activities.Message(_connector.ServiceUrl, "help"), FakeBotFrameworkIdentity.TenantId), "Bearer " + _identity.Token(_connector.ServiceUrl, issuer: _identity.EntraIssuer));
        var botFramework = await Activities.PostAsync(client, Activities.OfTenant(Activities.Message(_connector.ServiceUrl, "help"), FakeBotFrameworkIdentity.TenantId), "Bearer " + _identity.Token(_connector.ServiceUrl));
        var otherTenant = await Activities.PostAsync(client, Activities.OfTenant(Activities.Message(_connector.ServiceUrl, "help"), FakeBotFrameworkIdentity.TenantId), "Bearer " + _identity.Token(_connector.ServiceUrl, issuer: _identity.EntraIssuer.Replace(FakeBotFrameworkIdentity.TenantId, "00000000-9999-9999-9999-000000000000", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, entra.StatusCode);
        Assert.Equal(HttpStatusCode.OK, botFramework.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherTenant.StatusCode);
        Assert.Equal(2, _connector.Cards.Count);
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("channelData")]
    [InlineData("missing")]
    public async Task A_single_tenant_bot_refuses_an_activity_of_another_tenant_before_any_handler(string where)
    {
        using var host = new BotHostFactory(_identity.SingleTenantSettings, OutboundToken);
        var activity = Activities.OfTenant(Activities.Message(_connector.ServiceUrl, "help"), FakeBotFrameworkIdentity.TenantId);
        const string other = "00000000-9999-9999-9999-000000000000";
        switch (where)
        {
            case "conversation":
                activity["conversation"]!["tenantId"] = other;
                break;
            case "channelData":
                activity["channelData"]!["tenant"]!["id"] = other;
                break;
            default:
                activity["conversation"]!.AsObject().Remove("tenantId");
                activity.Remove("channelData");
                break;
        }

        var response = await Activities.PostAsync(host.CreateClient(), activity, "Bearer " + _identity.Token(_connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Theory]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln")]
    [InlineData("Bearer a.b.c.d.e")]
    public async Task A_single_tenant_bot_refuses_a_token_that_does_not_read_with_401(string authorization)
    {
        // The scheme is chosen from the token's unvalidated issuer: a token whose parts do not decode has none, and is refused like any bad token.
        using var host = new BotHostFactory(_identity.SingleTenantSettings, OutboundToken);

        var response = await Activities.PostAsync(host.CreateClient(), Activities.Message(_connector.ServiceUrl, "help"), authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task Health_endpoints_need_no_token()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.CreateClient().GetAsync("/healthz")).StatusCode);
    }
}
