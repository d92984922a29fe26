using System.CommandLine;
using CultureBot.Host.Web;

namespace CultureBot.Host.Cli;

/// <summary><c>culturebot keys certificate</c>: makes the certificate that encrypts the Data Protection key ring.</summary>
internal static class KeysCommands
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out", "-o")
        {
            Description = "Where to write the .pfx. Keep it off the database's machine backups: with the database, it reads every stored token.",
            DefaultValueFactory = _ => new FileInfo("culturebot-data-protection.pfx"),
        };
        var password = new Option<string?>("--password") { Description = "A password for the .pfx (then set DataProtection:CertificatePassword)." };
        var certificate = new Command("certificate", "Write a new self-signed certificate (.pfx) for DataProtection:CertificatePath.") { output, password };
        certificate.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(output)!.FullName;
            if (File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"{path} exists: the key ring may be encrypted with it. Choose another --out, or move it away first.");
                return 2;
            }

            KeyRingCertificate.Create(path, parseResult.GetValue(password), TimeProvider.System);
            Console.WriteLine($"Wrote {path} (readable by you only). Set DataProtection:CertificatePath={path}, and keep a copy apart from the database's backups.");
            return 0;
        });

        return new Command("keys", "The Data Protection key ring's certificate.") { certificate };
    }
}
