namespace CultureBot.Slack.WebApi;

/// <summary>A Web API call failed in a way the caller cannot absorb. <see cref="IsPermanent"/> tells the worker not to retry.</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, SlackApiResult result)
        : base($"Slack {method} failed: {result?.Error ?? "unknown_error"} after {result?.Attempts ?? 0} attempt(s).")
    {
        ArgumentNullException.ThrowIfNull(result);
        Method = method;
        Result = result;
    }

    public SlackApiException()
    {
        Method = string.Empty;
        Result = new SlackApiResult(false, "unknown_error", null, 0);
    }

    public SlackApiException(string message)
        : base(message)
    {
        Method = string.Empty;
        Result = new SlackApiResult(false, "unknown_error", null, 0);
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = string.Empty;
        Result = new SlackApiResult(false, "unknown_error", null, 0);
    }

    public string Method { get; }

    public SlackApiResult Result { get; }

    /// <summary>Retrying cannot help: the token is bad or a scope is missing, or Slack refused the content.</summary>
    public bool IsPermanent => Result.IsAuthError || Result.Error is "invalid_blocks" or "invalid_blocks_format" or "msg_too_long" or "untrusted_response_url" or "no_text";
}
