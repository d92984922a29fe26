using Microsoft.Extensions.Options;

namespace CultureBot.Studio.Access;

/// <summary>Stops the host at start when the studio's sign-in settings cannot work, with the sentence naming what to set.</summary>
public sealed class StudioOptionsValidator : IValidateOptions<StudioOptions>
{
    public ValidateOptionsResult Validate(string? name, StudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        BlankEntries(options.Owners, "Studio:Owners", failures);
        BlankEntries(options.Viewers, "Studio:Viewers", failures);
        Credentials(options.Entra.ClientId, options.Entra.ClientSecret, "Studio:Entra", failures);
        Credentials(options.Slack.ClientId, options.Slack.ClientSecret, "Studio:Slack", failures);

        if (!Uri.TryCreate(options.Entra.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && !authority.IsLoopback))
        {
            failures.Add($"Studio:Entra:Authority must be an absolute https URL such as {StudioEntraOptions.DefaultAuthority} (http is accepted only on loopback, for tests).");
        }

        if (!Uri.TryCreate(options.Slack.Authority, UriKind.Absolute, out var slack) || (slack.Scheme != Uri.UriSchemeHttps && !slack.IsLoopback))
        {
            failures.Add($"Studio:Slack:Authority must be an absolute https URL, {StudioSlackOptions.DefaultAuthority} (http is accepted only on loopback, for tests).");
        }

        if (options.Teams.Audience is { } audience && !string.IsNullOrWhiteSpace(audience) && !Uri.TryCreate(audience, UriKind.Absolute, out _))
        {
            failures.Add("Studio:Teams:Audience must be the application id URI of the Teams app, such as api://bot.example.com/APP-ID.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A blank entry would name nobody, and is most likely an environment variable that came out empty.</summary>
    private static void BlankEntries(List<string> entries, string setting, List<string> failures)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i]))
            {
                failures.Add($"{setting}:{i} is blank: name a user id, an e-mail address or an Entra group id, or remove the entry.");
            }
        }
    }

    private static void Credentials(string? clientId, string? clientSecret, string section, List<string> failures)
    {
        var hasId = !string.IsNullOrWhiteSpace(clientId);
        var hasSecret = !string.IsNullOrWhiteSpace(clientSecret);
        if (hasId && !hasSecret)
        {
            failures.Add($"{section}:ClientId is set but {section}:ClientSecret is not: set the app's client secret too (or remove the client id to turn this sign-in off).");
        }
        else if (hasSecret && !hasId)
        {
            failures.Add($"{section}:ClientSecret is set but {section}:ClientId is not: set the app's client id too.");
        }
    }
}
