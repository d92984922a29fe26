using Microsoft.Identity.Client;

namespace CultureBot.Teams.Connector;

/// <summary>MSAL's HTTP through IHttpClientFactory (pooled handlers, and a seam for tests).</summary>
internal sealed class MsalHttpClientFactory : IMsalHttpClientFactory
{
    public const string ClientName = "CultureBot.Msal";

    private readonly IHttpClientFactory _factory;

    public MsalHttpClientFactory(IHttpClientFactory factory) => _factory = factory;

    public HttpClient GetHttpClient() => _factory.CreateClient(ClientName);
}
