using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Web;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the TLS proxies in front of the host. From them, X-Forwarded-Proto and
/// X-Forwarded-For are believed (the request is https, cookies are Secure); from anyone else they are ignored.
/// A proxy on the same machine (loopback) is always trusted.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses (10.0.0.5, ::ffff:10.0.0.5).</summary>
    public List<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks in CIDR notation (10.0.0.0/8, fd00::/8).</summary>
    public List<string> KnownNetworks { get; } = [];
}

internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                failures.Add($"{ProxyOptions.Section}:KnownProxies:{i} must be an IP address such as 10.0.0.5 ('{options.KnownProxies[i]}' is not).");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                failures.Add($"{ProxyOptions.Section}:KnownNetworks:{i} must be a network in CIDR notation such as 10.0.0.0/8 ('{options.KnownNetworks[i]}' is not).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal static class ProxyServiceCollectionExtensions
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in proxies.Value.KnownProxies)
            {
                if (IPAddress.TryParse(address, out var ip))
                {
                    forwarded.KnownProxies.Add(ip);
                }
            }

            foreach (var network in proxies.Value.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    forwarded.KnownIPNetworks.Add(parsed);
                }
            }
        });
        return services;
    }
}
