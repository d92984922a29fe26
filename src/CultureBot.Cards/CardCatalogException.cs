namespace CultureBot.Cards;

/// <summary>The card catalog cannot be used as it is; the message names the file and, for JSON, the line.</summary>
public sealed class CardCatalogException : Exception
{
    public CardCatalogException()
    {
    }

    public CardCatalogException(string message)
        : base(message)
    {
    }

    public CardCatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
