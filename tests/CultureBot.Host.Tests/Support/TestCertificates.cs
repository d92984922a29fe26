using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CultureBot.Host.Tests.Support;

/// <summary>Self-signed certificates made in the test, written as password-protected .pfx files, as an operator would keep one.</summary>
public static class TestCertificates
{
    public const string Password = "test-pfx-password";

    private static readonly Lazy<string> Shared = new(() =>
        Create(Path.Combine(Path.GetTempPath(), "culturebot-tests", $"data-protection-{Environment.ProcessId}.pfx")));

    /// <summary>One certificate for every host of this test run that does not choose its own (RSA keys are slow to make).</summary>
    public static string SharedPath => Shared.Value;

    public static string Create(string path, string subject = "CN=CultureBot Data Protection (test)")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
