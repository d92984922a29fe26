namespace CultureBot.Host.Web;

/// <summary>The <c>Cards</c> section: where the card catalog is read from.</summary>
public sealed class CardOptions
{
    public const string Section = "Cards";

    /// <summary>The catalog folder; default <c>cards</c> beside the executable. Point it at the repository's <c>cards/</c> to edit cards live.</summary>
    public string? Path { get; set; }

    public string ResolvedPath => string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "cards") : System.IO.Path.GetFullPath(Path);
}
