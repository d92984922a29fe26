using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CultureBot.Slack;

/// <summary>What a request's signature check found.</summary>
public enum SlackVerification
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    BadSignature,
}

/// <summary>
/// Slack's request signing, version 0: <c>v0=</c> + lower-case hex of HMAC-SHA256 (key: the signing secret) over
/// <c>v0:{timestamp}:{raw body}</c>, compared in constant time; a timestamp more than five minutes away from now,
/// in either direction, is refused (exactly 300 seconds still passes).
/// </summary>
public static class SlackRequestVerifier
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static SlackVerification Verify(string secret, string? timestamp, ReadOnlySpan<byte> body, string? signature, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackVerification.MissingHeaders;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
        {
            return SlackVerification.StaleTimestamp;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SlackVerification.Valid : SlackVerification.BadSignature;
    }

    /// <summary>The signature Slack would send for this body (also used to sign test requests).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }
}
