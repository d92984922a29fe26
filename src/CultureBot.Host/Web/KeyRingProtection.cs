using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CultureBot.Data;
using CultureBot.Slack;
using CultureBot.Teams.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Web;

/// <summary>
/// The <c>DataProtection</c> section: the certificate (a .pfx with its private key) that encrypts the Data
/// Protection key ring. The ring is stored in the database beside the Slack tokens it encrypts, so the certificate
/// must be kept somewhere else: whoever has both reads every token.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

/// <summary>The key ring's certificate as loaded at start, or why it could not be (never with the password).</summary>
public sealed class KeyRingProtection
{
    private KeyRingProtection(X509Certificate2? certificate, string? error)
    {
        Certificate = certificate;
        Error = error;
    }

    public X509Certificate2? Certificate { get; }

    public string? Error { get; }

    public bool IsProtected => Certificate is not null;

    public static KeyRingProtection Load(KeyRingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return new KeyRingProtection(null, null);
        }

        if (!File.Exists(options.CertificatePath))
        {
            return new KeyRingProtection(null, $"{KeyRingOptions.Section}:CertificatePath names a file that does not exist: {options.CertificatePath}.");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? new KeyRingProtection(certificate, null)
                : new KeyRingProtection(null, $"{KeyRingOptions.Section}:CertificatePath holds no private key: export the certificate as a .pfx with its key.");
        }
        catch (CryptographicException e)
        {
            return new KeyRingProtection(null, $"{KeyRingOptions.Section}:CertificatePath could not be read ({e.Message}): give a .pfx with its private key, and its password in {KeyRingOptions.Section}:CertificatePassword.");
        }
    }
}

/// <summary>Makes the key ring's certificate: self-signed (nobody needs to trust it, only to hold it), RSA 3072, for ten years.</summary>
public static class KeyRingCertificate
{
    public static void Create(string path, string? password, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=CultureBot Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

/// <summary>
/// Refuses to start with a real platform (Teams:AppId, or Slack) and no certificate: the tokens would be sealed
/// with keys anyone holding a copy of the database can read. Local mode may run unprotected, and says so.
/// </summary>
internal sealed class KeyRingOptionsValidator(KeyRingProtection protection, IOptions<TeamsOptions> teams, IOptions<SlackOptions> slack) : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        if (protection.Error is { } error)
        {
            return ValidateOptionsResult.Fail(error);
        }

        if (!protection.IsProtected && (!teams.Value.IsLocalMode || slack.Value.Enabled))
        {
            return ValidateOptionsResult.Fail(
                $"{KeyRingOptions.Section}:CertificatePath must be set when Teams:AppId or Slack is configured: the key ring that encrypts the Slack tokens "
                + "is stored in the database, and only a certificate kept outside it (a .pfx with its private key, its password in "
                + $"{KeyRingOptions.Section}:CertificatePassword) stops a copy of the database from reading them.");
        }

        return ValidateOptionsResult.Success;
    }
}

internal static class KeyRingServiceCollectionExtensions
{
    /// <summary>Data Protection with its key ring in the database, encrypted with the configured certificate when there is one.</summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(KeyRingOptions.Section);
        var protection = KeyRingProtection.Load(section.Get<KeyRingOptions>() ?? new KeyRingOptions());
        services.AddSingleton(protection);
        services.AddOptions<KeyRingOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, KeyRingOptionsValidator>();

        var dataProtection = services.AddDataProtection().SetApplicationName("CultureBot");
        if (protection.Certificate is { } certificate)
        {
            // The certificate is read from a file, not from a machine store: it must be named for decryption too.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        services.AddOptions<KeyManagementOptions>().Configure<SqlKeyRing>((keys, ring) => keys.XmlRepository = new DatabaseKeyRepository(ring));
        return services;
    }
}
