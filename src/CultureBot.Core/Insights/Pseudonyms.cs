using System.Security.Cryptography;
using System.Text;

namespace CultureBot.Core.Insights;

/// <summary>
/// A person's pseudonym: HMAC-SHA256 of platform and user id under the deployment's key. The same person always gets
/// the same pseudonym (people can be counted), and without the key it cannot be computed from an id nor reversed.
/// </summary>
public static class Pseudonyms
{
    public static string Of(byte[] key, string platform, string userId)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(userId);
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(platform + "\n" + userId));
        // 16 bytes are plenty to tell people apart, and keep the rows short.
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
