using System.Globalization;
using System.Text.RegularExpressions;

namespace CultureBot.Core.Localization;

/// <summary>Times of day as people type them, in English or French: 9:00, 9h30, 14h, 18.</summary>
public static partial class ClockTimes
{
    public static bool TryParse(string word, out TimeOnly time)
    {
        time = default;
        if (TimePattern().Match(word ?? string.Empty) is not { Success: true } m)
        {
            return false;
        }

        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour >= 24 || minute >= 60)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:h](?<m>\d{2})?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();
}
