using System.Net;
using CultureBot.Core.Audit;
using CultureBot.Core.Conversations;
using CultureBot.Host.Tests.Support;
using CultureBot.Studio.Access;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CultureBot.Host.Tests.Studio;

/// <summary>
/// Who gets into the studio, through the host's real pipeline: the Teams tab's single sign-on token checked against
/// a stand-in Entra ID (its metadata and keys), the browsers' OpenID Connect challenges, the session cookie, roles.
/// </summary>
public sealed class StudioSignInTests : IDisposable
{
    private readonly FakeSignInProviders _providers = new();

    public void Dispose() => _providers.Dispose();

    /// <summary>A client that keeps cookies and shows redirects; https, as the session cookie is Secure.</summary>
    private static HttpClient Client(BotHostFactory host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    private BotHostFactory Host(IDictionary<string, string?>? more = null) => new(_providers.Settings(more));

    private static async Task<HttpResponseMessage> PostTabTokenAsync(HttpClient client, string token, string culture = "fr-fr") =>
        await client.PostAsync("/admin/signin/teams", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["culture"] = culture }));

    private static bool SetsSession(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("culturebot-studio=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task Without_a_session_a_page_redirects_to_the_sign_in_page_and_a_script_gets_401()
    {
        await using var host = Host();
        using var client = Client(host);

        using var page = await client.GetAsync("/admin/audit");
        using var fetch = new HttpRequestMessage(HttpMethod.Get, "/admin/") { Headers = { { "Sec-Fetch-Mode", "cors" } } };
        using var fetched = await client.SendAsync(fetch);
        using var posted = await client.PostAsync("/admin/", new StringContent(string.Empty));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/admin/signin", page.Headers.Location!.AbsolutePath);
        Assert.Equal("/admin/audit", QueryHelpers.ParseQuery(page.Headers.Location.Query)["ReturnUrl"].ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, fetched.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
    }

    [Fact]
    public async Task An_owners_teams_token_gets_a_session_that_opens_the_studio_of_their_organization_in_their_language()
    {
        await using var host = Host();
        using var client = Client(host);

        using var signIn = await PostTabTokenAsync(client, _providers.TabToken("Owner@Contoso.com"));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/admin/?culture=fr-fr", signIn.Headers.Location!.OriginalString);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("culturebot-studio=", StringComparison.Ordinal));
        // The Teams tab is a cross-site frame: only a SameSite=None; Secure cookie reaches the host from it.
        Assert.Contains("samesite=none", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        using var studio = await client.GetAsync(signIn.Headers.Location);
        var html = await studio.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, studio.StatusCode);
        Assert.Contains($"teams:{FakeSignInProviders.Tenant}", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"signout\"", html, StringComparison.Ordinal);
        Assert.Contains("Historique des modifications", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_change_history_is_for_owners_and_shows_only_their_organizations_changes()
    {
        await using var host = Host(new Dictionary<string, string?> { ["Studio:Viewers:1"] = "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a" });
        var audit = host.Services.GetRequiredService<IAuditLog>();
        var at = TimeProvider.System.GetUtcNow();
        await audit.RecordAsync(new AuditEntry(new OrganizationKey(Platforms.Teams, FakeSignInProviders.Tenant), at, "Camille", "persona.edit", "velo-vert/camille", "irritants: 3 to 4 lines"), CancellationToken.None);
        await audit.RecordAsync(new AuditEntry(new OrganizationKey(Platforms.Teams, FakeSignInProviders.OtherTenant), at, "Mallory", "persona.edit", "other/pack", "another organization's change"), CancellationToken.None);
        using var owner = Client(host);
        using var viewer = Client(host);
        using var groupViewer = Client(host);
        (await PostTabTokenAsync(owner, _providers.TabToken("owner@contoso.com"), "en-us")).Dispose();
        (await PostTabTokenAsync(viewer, _providers.TabToken("viewer@contoso.com"), "en-us")).Dispose();
        (await PostTabTokenAsync(groupViewer, _providers.TabToken("someone@contoso.com", groups: ["0D9C8B7A-6F5E-4D3C-9B2A-1F0E9D8C7B6A"]), "en-us")).Dispose();

        using var asOwner = await owner.GetAsync("/admin/audit");
        using var asViewer = await viewer.GetAsync("/admin/audit");
        using var viewersOverview = await viewer.GetAsync("/admin/");
        using var asGroupViewer = await groupViewer.GetAsync("/admin/audit");
        var html = await asOwner.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        Assert.Contains("Change history", html, StringComparison.Ordinal);
        Assert.Contains("irritants: 3 to 4 lines", html, StringComparison.Ordinal);
        Assert.DoesNotContain("another organization", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viewersOverview.StatusCode);
        Assert.DoesNotContain("Change history", await viewersOverview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asGroupViewer.StatusCode);
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "forged", "signed with a key Entra ID does not publish" },
        { "audience", "issued for another app" },
        { "expired", "expired an hour ago" },
        { "issuer", "issued by another tenant than its tid" },
        { "app-only", "an app's token, not a person's" },
        { "garbage", "not a token" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_teams_token_gets_401_and_no_session(string kind, string why)
    {
        await using var host = Host();
        using var client = Client(host);
        var token = kind switch
        {
            "forged" => _providers.TabToken("owner@contoso.com", signingKey: new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = _providers.Key.KeyId }),
            "audience" => _providers.TabToken("owner@contoso.com", audience: "api://studio.contoso.com/11111111-2222-4333-8444-555555555555"),
            "expired" => _providers.TabToken("owner@contoso.com", expires: TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1)),
            "issuer" => _providers.TabToken("owner@contoso.com", issuer: _providers.IssuerOf(FakeSignInProviders.OtherTenant)),
            "app-only" => _providers.TabToken("owner@contoso.com", delegated: false),
            _ => "a.b.c",
        };

        using var response = await PostTabTokenAsync(client, token);
        using var studio = await client.GetAsync("/admin/");

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {response.StatusCode}");
        Assert.False(SetsSession(response), why);
        Assert.Equal(HttpStatusCode.Redirect, studio.StatusCode);
    }

    [Fact]
    public async Task A_tenant_the_access_settings_do_not_allow_and_a_person_in_no_list_get_403_and_no_session()
    {
        await using var host = Host();
        using var client = Client(host);

        using var otherTenant = await PostTabTokenAsync(client, _providers.TabToken("owner@contoso.com", tenant: FakeSignInProviders.OtherTenant));
        using var nobody = await PostTabTokenAsync(client, _providers.TabToken("nobody@contoso.com"));
        using var refused = await client.GetAsync(await nobody.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        Assert.Equal("/admin/signin/refused?reason=organization", await otherTenant.Content.ReadAsStringAsync());
        Assert.False(SetsSession(otherTenant));
        Assert.Equal(HttpStatusCode.Forbidden, nobody.StatusCode);
        Assert.False(SetsSession(nobody));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Ask an owner of the studio", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_an_owner_from_the_settings_ends_their_session_at_its_next_request()
    {
        await using var host = Host();
        using var client = Client(host);
        (await PostTabTokenAsync(client, _providers.TabToken("owner@contoso.com"))).Dispose();
        using var before = await client.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        // As an edited settings file is reloaded: the owners list no longer names them.
        var settings = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        settings["Studio:Owners:0"] = "someone-else@contoso.com";
        settings.Reload();
        using var after = await client.GetAsync("/admin/audit");
        using var again = await client.GetAsync("/admin/");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/admin/signin", after.Headers.Location!.AbsolutePath);
        Assert.Contains(after.Headers.GetValues("Set-Cookie"), c => c.StartsWith("culturebot-studio=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var host = Host();
        using var client = Client(host);
        (await PostTabTokenAsync(client, _providers.TabToken("owner@contoso.com"))).Dispose();

        using var signOut = await client.GetAsync("/admin/signout");
        using var studio = await client.GetAsync("/admin/");

        Assert.Equal("/admin/signin?signedout=true", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, studio.StatusCode);
    }

    [Theory]
    [InlineData("entra", "/organizations/oauth2/v2.0/authorize", FakeSignInProviders.EntraClientId, "/admin/signin-entra")]
    [InlineData("slack", "/slack/openid/connect/authorize", FakeSignInProviders.SlackClientId, "/admin/signin-slack")]
    public async Task A_browser_sign_in_goes_to_the_providers_authority_with_the_client_id_and_scopes(string provider, string authorizePath, string clientId, string callback)
    {
        await using var host = Host(new Dictionary<string, string?>
        {
            ["Studio:Entra:ClientId"] = FakeSignInProviders.EntraClientId,
            ["Studio:Entra:ClientSecret"] = "entra-secret",
            ["Studio:Slack:ClientId"] = FakeSignInProviders.SlackClientId,
            ["Studio:Slack:ClientSecret"] = "slack-secret",
        });
        using var client = Client(host);

        using var response = await client.GetAsync($"/admin/signin/{provider}?returnUrl=%2Fadmin%2Fpersonas");
        var location = response.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(_providers.EntraAuthority).GetLeftPart(UriPartial.Authority) + authorizePath, location.GetLeftPart(UriPartial.Path));
        Assert.Equal(clientId, query["client_id"].ToString());
        Assert.Equal(["openid", "profile", "email"], query["scope"].ToString().Split(' '));
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("https://localhost" + callback, query["redirect_uri"].ToString());
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.DoesNotContain("secret", location.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example.com%2F", "/admin/")]
    [InlineData("%2F%2Fevil.example.com%2Fadmin%2F", "/admin/")]
    [InlineData("%2Fadmin%2Fpersonas", "/admin/personas")]
    public async Task After_signing_in_the_browser_returns_only_to_a_studio_page(string returnUrl, string expected)
    {
        await using var host = Host(new Dictionary<string, string?> { ["Studio:Entra:ClientId"] = FakeSignInProviders.EntraClientId, ["Studio:Entra:ClientSecret"] = "s" });
        using var client = Client(host);

        using var response = await client.GetAsync($"/admin/signin/entra?returnUrl={returnUrl}");
        using var unconfigured = await client.GetAsync("/admin/signin/slack");
        // Where to go afterwards travels in the protected state the provider sends back.
        var state = QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"].ToString();
        var oidc = host.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdSignIn.EntraScheme);

        Assert.Equal(expected, oidc.StateDataFormat.Unprotect(state)!.RedirectUri);
        Assert.Equal(HttpStatusCode.NotFound, unconfigured.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_configured_providers_in_the_browsers_language()
    {
        await using var host = Host(new Dictionary<string, string?> { ["Studio:Slack:ClientId"] = FakeSignInProviders.SlackClientId, ["Studio:Slack:ClientSecret"] = "s" });
        using var client = Client(host);

        var english = await client.GetStringAsync("/admin/signin?ReturnUrl=%2Fadmin%2Fquiz");
        using var french = new HttpRequestMessage(HttpMethod.Get, "/admin/signin") { Headers = { { "Accept-Language", "fr-FR" } } };
        var frenchHtml = await (await client.SendAsync(french)).Content.ReadAsStringAsync();

        Assert.Contains("Sign in with Slack", english, StringComparison.Ordinal);
        Assert.Contains("href=\"signin/slack?returnUrl=%2Fadmin%2Fquiz\"", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in with Microsoft", english, StringComparison.Ordinal);
        Assert.Contains("open the Studio tab of the CultureBot app", english, StringComparison.Ordinal);
        Assert.Contains("Se connecter avec Slack", frenchHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_local_mode_the_sign_in_page_says_there_is_nothing_to_sign_in_to()
    {
        await using var host = new BotHostFactory();
        using var client = Client(host);

        var html = await client.GetStringAsync("/admin/signin");
        using var tab = await PostTabTokenAsync(client, _providers.TabToken("owner@contoso.com"));

        Assert.Contains("there is nothing to sign in to", html, StringComparison.Ordinal);
        Assert.Contains(">Open the studio</a>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, tab.StatusCode);
    }

    [Fact]
    public async Task The_teams_tab_page_loads_one_pinned_version_of_microsofts_library()
    {
        await using var host = Host();
        using var client = Client(host);

        var html = await client.GetStringAsync("/admin/teams?culture=fr-fr");
        using var library = await client.GetAsync("/admin/" + CultureBot.Studio.Components.Pages.Account.TeamsTab.TeamsJavaScript);
        var bytes = await library.Content.ReadAsByteArrayAsync();

        Assert.Matches(@"src=""_content/CultureBot\.Studio/lib/teams-js/2\.\d+\.\d+/MicrosoftTeams\.min\.js""", html);
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        // The file npm publishes for @microsoft/teams-js 2.55.0 (dist/umd), byte for byte.
        Assert.Equal("qzt42bq6kDQGoVpDDcr2wH459G29juVAXxY4B3O2w+a7C1YlJb9WkBOCFsON9VtmyPkwhpWOjEgjfA2DRQBHVg==", Convert.ToBase64String(System.Security.Cryptography.SHA512.HashData(bytes)));
        Assert.Contains("_content/CultureBot.Studio/teams-tab.js", html, StringComparison.Ordinal);
        Assert.Contains("Connexion avec votre compte Teams", html, StringComparison.Ordinal);
    }
}
