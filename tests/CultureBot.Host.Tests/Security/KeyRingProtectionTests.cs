using CultureBot.Data;
using CultureBot.Host.Tests.Support;
using CultureBot.Host.Web;
using CultureBot.Slack.Installations;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Tests.Security;

/// <summary>
/// The Data Protection key ring lives in the database beside the Slack tokens it encrypts; it is itself encrypted
/// with a certificate kept outside the database, so a copy of the database alone reads no token.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string TeamId = "T0COPIED01";
    private const string Token = "xoxb-the-workspaces-real-token";
    private readonly string _directory = Directory.CreateTempSubdirectory("culturebot-keyring-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Dictionary<string, string?> Settings(string database, string? certificate) => new()
    {
        ["Storage:ConnectionString"] = $"Data Source={database}",
        ["Slack:SigningSecret"] = "keyring-signing-secret-0123456789",
        ["Slack:ClientId"] = "1234.5678",
        ["Slack:ClientSecret"] = "oauth-client-secret",
        ["DataProtection:CertificatePath"] = certificate,
        ["DataProtection:CertificatePassword"] = certificate is null ? null : TestCertificates.Password,
    };

    private static async Task<string?> TokenSeenByAsync(string database, string certificate)
    {
        using var host = new BotHostFactory(Settings(database, certificate));
        var workspace = await host.Services.GetRequiredService<SlackWorkspaces>().FindAsync(TeamId, CancellationToken.None);
        return workspace?.BotToken;
    }

    private string Copy(string database)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var copy = Path.Combine(_directory, "copy", "culturebot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
        {
            File.Copy(file, Path.Combine(Path.GetDirectoryName(copy)!, Path.GetFileName(file)));
        }

        return copy;
    }

    /// <summary>Builds and starts the host as Program does, and returns the validation error that stopped it.</summary>
    private async Task<OptionsValidationException> StartFailsAsync(string? certificate, string? password)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0", $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "start.db")}",
            "--Slack:SigningSecret=keyring-signing-secret-0123456789", "--Access:AllowAnyOrganization=true", "--Slack:ClientId=1234.5678", "--Slack:ClientSecret=oauth-client-secret",
            .. certificate is null ? Array.Empty<string>() : [$"--DataProtection:CertificatePath={certificate}"],
            .. password is null ? Array.Empty<string>() : [$"--DataProtection:CertificatePassword={password}"],
        ];
        return await HostStart.FailsAsync(args);
    }

    [Fact]
    public async Task A_copy_of_the_database_on_a_host_without_the_certificate_reads_no_token()
    {
        var database = Path.Combine(_directory, "culturebot.db");
        var certificate = TestCertificates.Create(Path.Combine(_directory, "keys", "operator.pfx"));
        var stranger = TestCertificates.Create(Path.Combine(_directory, "elsewhere", "attacker.pfx"), "CN=Someone else");
        using (var host = new BotHostFactory(Settings(database, certificate)))
        {
            await host.Services.GetRequiredService<SlackWorkspaces>().SaveAsync(TeamId, Token, "U0BOT", CancellationToken.None);
            using var connection = await host.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
            var keys = (await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys")).ToList();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
            Assert.All(keys, xml => Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal));
        }

        var copy = Copy(database);

        Assert.Null(await TokenSeenByAsync(copy, stranger));
        Assert.Equal(Token, await TokenSeenByAsync(database, certificate));
    }

    [Fact]
    public async Task With_platform_credentials_the_host_refuses_to_start_without_a_certificate()
    {
        var error = await StartFailsAsync(certificate: null, password: null);

        Assert.Contains("DataProtection:CertificatePath must be set", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.pfx", null, "DataProtection:CertificatePath names a file that does not exist")]
    [InlineData("operator.pfx", "wrong password", "DataProtection:CertificatePath could not be read")]
    public async Task A_certificate_that_cannot_be_read_stops_the_host_with_the_reason(string file, string? password, string expected)
    {
        TestCertificates.Create(Path.Combine(_directory, "operator.pfx"));

        var error = await StartFailsAsync(Path.Combine(_directory, file), password);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_local_mode_the_host_starts_without_a_certificate_and_says_the_ring_is_unprotected()
    {
        using var host = new BotHostFactory(new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = null });

        Assert.False(host.Services.GetRequiredService<KeyRingProtection>().IsProtected);
    }
}
