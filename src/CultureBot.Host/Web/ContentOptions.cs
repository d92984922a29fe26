using Microsoft.Extensions.Options;

namespace CultureBot.Host.Web;

/// <summary>The <c>Content</c> section: persona pack files loaded at start.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    public IList<string> Packs { get; } = [];

    /// <summary>
    /// Whether the sample packs (and their verbatims) are served: each in a language no other default pack speaks
    /// (<see cref="Web.SamplePacks"/>). False takes the stored samples out at the next start and keeps them out.
    /// </summary>
    public bool Samples { get; set; } = true;

    /// <summary>The sample packs shipped beside the executable: the defaults in each language that has no default pack of its own.</summary>
    public static IEnumerable<string> SamplePacks =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "content", "packs"), "*.yaml").Order(StringComparer.Ordinal);

    /// <summary>The sample verbatims (NAME.LANG.csv), imported with the sample packs, so that the digest has something to show.</summary>
    public static IEnumerable<string> SampleVerbatims =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "content", "verbatims"), "*.csv").Order(StringComparer.Ordinal);
}

internal sealed class ContentOptionsValidator : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        var missing = options.Packs
            .Select((path, index) => (path, index))
            .Where(p => !File.Exists(p.path))
            .Select(p => $"Content:Packs:{p.index} names a file that does not exist: {p.path}.")
            .ToList();
        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
