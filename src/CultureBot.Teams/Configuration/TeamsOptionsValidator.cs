using Microsoft.Extensions.Options;

namespace CultureBot.Teams.Configuration;

/// <summary>Stops the host at start with a sentence naming the setting to fix.</summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var metadata) || (metadata.Scheme != Uri.UriSchemeHttps && !metadata.IsLoopback))
        {
            failures.Add("Teams:OpenIdMetadataUrl must be an absolute https URL (http is accepted only on loopback, for tests).");
        }

        if (!Uri.TryCreate(options.AuthorityHost, UriKind.Absolute, out _))
        {
            failures.Add("Teams:AuthorityHost must be an absolute URL such as https://login.microsoftonline.com.");
        }

        if (options.ReplyTimeout <= TimeSpan.Zero || options.ReplyTimeout > TimeSpan.FromSeconds(14))
        {
            failures.Add("Teams:ReplyTimeout must be more than zero and at most 00:00:14 (the Bot Connector waits about 15 seconds for the bot's answer).");
        }

        if (options.IsLocalMode)
        {
            if (!string.IsNullOrWhiteSpace(options.AppPassword) || !string.IsNullOrWhiteSpace(options.CertificatePath) || !string.IsNullOrWhiteSpace(options.TenantId))
            {
                failures.Add("Teams:AppId must be set when Teams:AppPassword, Teams:CertificatePath or Teams:TenantId is set (or remove them to run in local mode).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (!Guid.TryParse(options.AppId, out _))
        {
            failures.Add("Teams:AppId must be the bot registration's application (client) id, a GUID.");
        }

        var hasSecret = !string.IsNullOrWhiteSpace(options.AppPassword);
        var hasCertificate = !string.IsNullOrWhiteSpace(options.CertificatePath);
        if (!hasSecret && !hasCertificate)
        {
            failures.Add("Teams:AppPassword (or Teams:CertificatePath) must be set when Teams:AppId is set.");
        }
        else if (hasSecret && hasCertificate)
        {
            failures.Add("Teams:AppPassword and Teams:CertificatePath are both set: keep one credential.");
        }
        else if (hasCertificate && !File.Exists(options.CertificatePath))
        {
            failures.Add($"Teams:CertificatePath names a file that does not exist: {options.CertificatePath}.");
        }

        if (!string.IsNullOrWhiteSpace(options.TenantId) && !Guid.TryParse(options.TenantId, out _))
        {
            failures.Add("Teams:TenantId must be the directory (tenant) id, a GUID, for a single-tenant bot; leave it empty for a multi-tenant one.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
