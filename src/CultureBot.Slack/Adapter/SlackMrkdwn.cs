using System.Text.RegularExpressions;

namespace CultureBot.Slack.Adapter;

/// <summary>
/// The bot's texts are Markdown (what Teams renders); Slack reads mrkdwn. This turns one into the other for
/// what the bot writes: &amp;, &lt; and &gt; escaped (Slack's three control characters), <c>**bold**</c> to
/// <c>*bold*</c>, <c>[label](https://…)</c> to <c>&lt;https://…|label&gt;</c>.
/// </summary>
public static partial class SlackMrkdwn
{
    public static string FromMarkdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var escaped = markdown.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        var links = Link().Replace(escaped, m => $"<{m.Groups["url"].Value}|{m.Groups["label"].Value}>");
        return Bold().Replace(links, m => $"*{m.Groups["text"].Value}*");
    }

    [GeneratedRegex(@"\*\*(?<text>[^*\n]+)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"\[(?<label>[^\]\n]+)\]\((?<url>https?://[^)\s]+)\)")]
    private static partial Regex Link();
}
