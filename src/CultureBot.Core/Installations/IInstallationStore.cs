namespace CultureBot.Core.Installations;

/// <summary>
/// One workspace where the app is installed, with what the bot needs to act there.
/// </summary>
/// <param name="Platform">The platform, as a <see cref="Conversations.Platforms"/> constant.</param>
/// <param name="TenantId">The workspace (Slack team id).</param>
/// <param name="BotUserId">The bot's user id in that workspace (to recognise its own mentions and joins).</param>
/// <param name="ProtectedToken">The bot token, encrypted by the platform layer before it reaches the store: never stored in clear.</param>
/// <param name="InstalledAt">When it was (re)installed.</param>
public sealed record Installation(string Platform, string TenantId, string? BotUserId, string ProtectedToken, DateTimeOffset InstalledAt);

/// <summary>Workspaces that installed the app through OAuth.</summary>
public interface IInstallationStore
{
    /// <summary>Inserts or replaces the installation of that workspace (a reinstall gets a new token).</summary>
    Task SaveAsync(Installation installation, CancellationToken cancellationToken);

    Task<Installation?> GetAsync(string platform, string tenantId, CancellationToken cancellationToken);

    /// <summary>Removes it (uninstall, revoked tokens). True when there was one.</summary>
    Task<bool> DeleteAsync(string platform, string tenantId, CancellationToken cancellationToken);
}
