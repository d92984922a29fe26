using System.Security.Cryptography.X509Certificates;
using CultureBot.Teams.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CultureBot.Teams.Connector;

/// <summary>
/// Client-credentials tokens from Microsoft Entra ID (secret or certificate). MSAL's in-memory app token
/// cache returns the same token until shortly before it expires, then fetches a new one.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private static readonly Uri DefaultAuthorityHost = new("https://login.microsoftonline.com");

    private readonly IConfidentialClientApplication? _app;
    private readonly string[] _scopes;

    public MsalBotTokenProvider(IOptions<TeamsOptions> options, IMsalHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var teams = options.Value;
        _scopes = [teams.ConnectorScope];
        if (teams.IsLocalMode)
        {
            return;
        }

        var builder = ConfidentialClientApplicationBuilder.Create(teams.AppId)
            .WithAuthority($"{teams.AuthorityHost.TrimEnd('/')}/{teams.TokenTenant}")
            .WithHttpClientFactory(httpClientFactory);
        if (new Uri(teams.AuthorityHost) != DefaultAuthorityHost)
        {
            // Sovereign or private clouds: trust the configured host as it is.
            builder = builder.WithInstanceDiscovery(false);
        }

        builder = string.IsNullOrWhiteSpace(teams.CertificatePath)
            ? builder.WithClientSecret(teams.AppPassword)
            : builder.WithCertificate(LoadCertificate(teams.CertificatePath, teams.CertificatePassword));
        _app = builder.Build();
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_app is null)
        {
            return null;
        }

        var result = await _app.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password) =>
        path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromPemFile(path)
            : X509CertificateLoader.LoadPkcs12FromFile(path, password);
}
