using System.Globalization;

namespace CultureBot.Data;

/// <summary>SQLite has no timestamp type: instants are stored as ISO-8601 UTC text, which sorts in time order.</summary>
internal static class Timestamps
{
    public static string ToText(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset offset => offset.ToUniversalTime(),
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new InvalidCastException($"Not a timestamp: {value.GetType().Name}"),
    };
}
