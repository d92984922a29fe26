using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CultureBot.Host.Tests.Support;

/// <summary>
/// Publishes Bot Framework-style OpenID metadata and signing keys on loopback, and mints tokens with
/// them (or with keys it does not publish), so that inbound authentication is tested for real.
/// </summary>
public sealed class FakeBotFrameworkIdentity : IDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "6d4f9b3a-8c2e-4f1a-9b7d-3e5c2a1f0d9e";
    public const string KeyId = "test-key-1";

    private readonly WireMockServer _server = WireMockServer.Start();

    public FakeBotFrameworkIdentity(params string[] endorsements)
    {
        Key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId };
        var parameters = Key.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. (endorsements.Length == 0 ? ["msteams"] : endorsements).Select(e => JsonValue.Create(e))]),
        };
        var metadata = new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = _server.Url + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        };
        _server.Given(Request.Create().WithPath("/v1/.well-known/openidconfiguration").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(metadata.ToJsonString()));
        var entraMetadata = new JsonObject
        {
            ["issuer"] = _server.Url + $"/{TenantId}/v2.0",
            ["authorization_endpoint"] = _server.Url + $"/{TenantId}/oauth2/v2.0/authorize",
            ["jwks_uri"] = _server.Url + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        };
        _server.Given(Request.Create().WithPath($"/{TenantId}/v2.0/.well-known/openid-configuration").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(entraMetadata.ToJsonString()));
        _server.Given(Request.Create().WithPath("/v1/.well-known/keys").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString()));
    }

    public RsaSecurityKey Key { get; }

    /// <summary>The Entra ID tenant of a single-tenant bot, whose metadata this server also publishes.</summary>
    public const string TenantId = "7e8f9a0b-1c2d-4e3f-8a9b-0c1d2e3f4a5b";

    /// <summary>The v2 issuer of the tenant's tokens, on this server (it stands in for login.microsoftonline.com).</summary>
    public string EntraIssuer => $"{_server.Url}/{TenantId}/v2.0";

    /// <summary>Settings for a single-tenant bot: its tenant's Entra ID tokens are accepted too.</summary>
    public Dictionary<string, string?> SingleTenantSettings => new(Settings)
    {
        ["Teams:TenantId"] = TenantId,
        ["Teams:AuthorityHost"] = _server.Url,
    };

    public string MetadataUrl => _server.Url + "/v1/.well-known/openidconfiguration";

    /// <summary>The host settings for an authenticated bot trusting this identity.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Teams:AppId"] = AppId,
        ["Teams:AppPassword"] = "test-secret-not-used-inbound",
        ["Teams:OpenIdMetadataUrl"] = MetadataUrl,
        ["Access:TeamsTenants:0"] = Activities.Tenant,
    };

    public string Token(
        string serviceUrl,
        string? audience = AppId,
        string issuer = Issuer,
        DateTime? notBefore = null,
        DateTime? expires = null,
        SecurityKey? signingKey = null,
        bool includeServiceUrl = true)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["appid"] = "bot-connector" };
        if (includeServiceUrl)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = (notBefore ?? now.AddMinutes(-1)),
            Expires = expires ?? now.AddMinutes(30),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey ?? Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A token with <c>alg: none</c> and no signature, which must never pass.</summary>
    public static string Unsigned(string serviceUrl)
    {
        static string Segment(JsonObject o) => Base64UrlEncoder.Encode(o.ToJsonString());
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = KeyId };
        var payload = new JsonObject { ["iss"] = Issuer, ["aud"] = AppId, ["nbf"] = now - 60, ["exp"] = now + 1800, ["serviceurl"] = serviceUrl };
        return $"{Segment(header)}.{Segment(payload)}.";
    }

    public void Dispose() => _server.Dispose();
}
