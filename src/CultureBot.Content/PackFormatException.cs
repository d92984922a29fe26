namespace CultureBot.Content;

/// <summary>A pack that cannot be used; every problem names the file, the line and the field. Nothing of it is imported.</summary>
public sealed class PackFormatException : Exception
{
    public PackFormatException()
    {
    }

    public PackFormatException(string message)
        : base(message)
    {
    }

    public PackFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PackFormatException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    public IReadOnlyList<string> Problems { get; } = [];
}
