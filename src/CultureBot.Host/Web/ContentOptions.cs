using Microsoft.Extensions.Options;

namespace CultureBot.Host.Web;

/// <summary>The <c>Content</c> section: persona pack files loaded at start.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    public IList<string> Packs { get; } = [];
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
