using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CultureBot.Host.Tests.Support;

/// <summary>
/// Stands in for Microsoft Entra ID's multi-tenant (<c>organizations</c>) authority and for Slack's OpenID provider on
/// loopback: their OpenID metadata and signing keys, and tokens signed with those keys (or with one they do not
/// publish), so that the studio's sign-in is tested through its real validation.
/// </summary>
public sealed class FakeSignInProviders : IDisposable
{
    public const string AppId = "5b1e0c7a-3d2f-4e8b-9a6c-1f0d2e3c4b5a";
    public const string Domain = "studio.contoso.com";
    public const string Audience = $"api://{Domain}/{AppId}";
    public const string Tenant = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    public const string OtherTenant = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    public const string EntraClientId = "c0ffee00-1111-4222-8333-444455556666";
    public const string SlackClientId = "1234567890.9876543210";
    public const string SlackTeam = "T0CONTOSO";

    private readonly WireMockServer _server = WireMockServer.Start();

    public FakeSignInProviders()
    {
        Key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "studio-test-key" };
        var parameters = Key.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        Serve("/discovery/v2.0/keys", new JsonObject { ["keys"] = new JsonArray(jwk) });
        Serve("/organizations/v2.0/.well-known/openid-configuration", Metadata(
            issuer: _server.Url + "/{tenantid}/v2.0",
            authorize: _server.Url + "/organizations/oauth2/v2.0/authorize",
            token: _server.Url + "/organizations/oauth2/v2.0/token"));
        Serve("/slack/.well-known/openid-configuration", Metadata(
            issuer: _server.Url + "/slack",
            authorize: _server.Url + "/slack/openid/connect/authorize",
            token: _server.Url + "/slack/api/openid.connect.token"));
    }

    /// <summary>The key the providers publish; tokens signed with another one are forgeries.</summary>
    public RsaSecurityKey Key { get; }

    public string EntraAuthority => _server.Url + "/organizations/v2.0";

    public string SlackAuthority => _server.Url + "/slack";

    /// <summary>The v2 issuer of a tenant's tokens, on this stand-in.</summary>
    public string IssuerOf(string tenant) => $"{_server.Url}/{tenant}/v2.0";

    /// <summary>
    /// A host that is not in local mode (a Teams app on <see cref="Domain"/>), whose studio trusts these providers and
    /// lets <see cref="Tenant"/> and <see cref="SlackTeam"/> in; <paramref name="more"/> adds or overrides settings.
    /// </summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "test-secret-not-used",
            ["Teams:Domain"] = Domain,
            ["Access:TeamsTenants:0"] = Tenant,
            ["Access:SlackWorkspaces:0"] = SlackTeam,
            ["Studio:Entra:Authority"] = EntraAuthority,
            ["Studio:Slack:Authority"] = SlackAuthority,
            ["Studio:Owners:0"] = "owner@contoso.com",
            ["Studio:Viewers:0"] = "viewer@contoso.com",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// A token such as Teams gives the studio's tab for a person (<c>scp</c> access_as_user): by default valid, of
    /// <see cref="Tenant"/>, for <see cref="Audience"/>; each argument spoils one part of it.
    /// </summary>
    public string TabToken(
        string upn,
        string tenant = Tenant,
        string audience = Audience,
        string? issuer = null,
        DateTime? expires = null,
        SecurityKey? signingKey = null,
        bool delegated = true,
        string[]? groups = null)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenant,
            ["oid"] = Guid.NewGuid().ToString(),
            ["upn"] = upn,
            ["name"] = "Camille " + upn.Split('@')[0],
        };
        if (delegated)
        {
            claims["scp"] = "access_as_user";
        }

        if (groups is not null)
        {
            claims["groups"] = groups;
        }

        var notBefore = expires is { } end && end < now ? end.AddHours(-1) : now.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? IssuerOf(tenant),
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    private JsonObject Metadata(string issuer, string authorize, string token) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = authorize,
        ["token_endpoint"] = token,
        ["jwks_uri"] = _server.Url + "/discovery/v2.0/keys",
        ["response_types_supported"] = new JsonArray("code"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["scopes_supported"] = new JsonArray("openid", "profile", "email"),
    };

    private void Serve(string path, JsonObject body) =>
        _server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString()));

    public void Dispose() => _server.Dispose();
}
