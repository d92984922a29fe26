using CultureBot.Host;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Support;

/// <summary>
/// The real host (its whole HTTP pipeline, real SQLite in a temp folder) with test settings on top.
/// </summary>
public sealed class BotHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "culturebot-tests", Guid.NewGuid().ToString("N"));

    private const string CertificatePathKey = "DataProtection:CertificatePath";
    private const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    private readonly Action<IServiceCollection>? _services;

    public BotHostFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Directory.CreateDirectory(_dataDirectory);
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory, "culturebot.db")}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // Which organizations may use the host is each deployment's setting; a test that is not about it lets every
        // organization in, and the access tests set their own lists.
        if (!_settings.Keys.Any(k => k.StartsWith("Access:", StringComparison.OrdinalIgnoreCase)))
        {
            _settings["Access:AllowAnyOrganization"] = "true";
        }

        // The key ring is protected as in production, unless a test chooses otherwise (its own certificate, or none).
        if (!_settings.ContainsKey(CertificatePathKey))
        {
            _settings[CertificatePathKey] = TestCertificates.SharedPath;
            _settings[CertificatePasswordKey] = TestCertificates.Password;
        }
    }

    /// <summary>A client of the host whose posts to <c>/api/messages</c> return once the bot has handled them (see <see cref="TeamsTurnsSettled"/>).</summary>
    public new HttpClient CreateClient() => CreateClient(new WebApplicationFactoryClientOptions());

    /// <inheritdoc cref="CreateClient()"/>
    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handlers = new List<DelegatingHandler>();
        if (options.AllowAutoRedirect)
        {
            handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        }

        if (options.HandleCookies)
        {
            handlers.Add(new CookieContainerHandler());
        }

        handlers.Add(new TeamsTurnsSettled(Services));
        return CreateDefaultClient(options.BaseAddress, [.. handlers]);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // As host settings too: the composition root reads a few (which database Quartz uses) while it registers
        // services, before the application configuration below is added.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow machine: the temp folder is cleaned by the OS.
            }
        }
    }
}
