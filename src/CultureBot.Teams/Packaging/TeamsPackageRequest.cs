namespace CultureBot.Teams.Packaging;

/// <summary>What goes into the Teams app package.</summary>
/// <param name="ManifestDirectory">The folder with manifest.json and its icons (<c>manifests/teams</c>).</param>
/// <param name="AppId">The Teams app id; also the bot id unless <paramref name="BotId"/> says otherwise (setting Teams:AppId).</param>
/// <param name="BotId">The bot registration's app id, when it differs from the Teams app id.</param>
/// <param name="ShortName">The name shown in Teams, at most 30 characters (setting Teams:AppName).</param>
/// <param name="Domain">The host name the bot is served from, without scheme (setting Teams:Domain).</param>
/// <param name="PrivacyUrl">The privacy page, when it is not the host's own <c>/privacy</c> (setting Legal:PrivacyUrl).</param>
/// <param name="TermsUrl">The terms of use, when they are not the host's own <c>/terms</c> (setting Legal:TermsUrl).</param>
public sealed record TeamsPackageRequest(
    string ManifestDirectory, string? AppId, string? BotId, string? ShortName, string? Domain, string? PrivacyUrl = null, string? TermsUrl = null);
