namespace CultureBot.Teams.Connector;

/// <summary>The bearer token for calls to the Bot Connector; null in local mode, where none is sent.</summary>
public interface IBotTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
