namespace CultureBot.Teams.Adapter;

/// <summary>A reply could not be delivered after the connector client's retries.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
