using System.Text;
using CultureBot.Slack;

namespace CultureBot.Host.Tests.Slack;

/// <summary>Slack's published signing example (in the design notes) and its negative controls.</summary>
public class SlackRequestVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static SlackVerification Verify(string body = Body, string secret = Secret, string? signature = Signature, string? timestamp = Timestamp, int secondsLater = 0) =>
        SlackRequestVerifier.Verify(secret, timestamp, Encoding.UTF8.GetBytes(body), signature, SentAt.AddSeconds(secondsLater));

    [Fact]
    public void Slacks_example_is_valid_and_signs_the_same() =>
        Assert.Multiple(
            () => Assert.Equal(SlackVerification.Valid, Verify()),
            () => Assert.Equal(Signature, SlackRequestVerifier.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body))),
            () => Assert.Equal(SlackVerification.Valid, Verify(secondsLater: 300)),
            () => Assert.Equal(SlackVerification.Valid, Verify(secondsLater: -300)));

    [Fact]
    public void Tampered_stale_future_wrong_secret_and_upper_case_are_refused() =>
        Assert.Multiple(
            () => Assert.Equal(SlackVerification.BadSignature, Verify(body: Body + "x")),
            () => Assert.Equal(SlackVerification.BadSignature, Verify(secret: "another-secret")),
            () => Assert.Equal(SlackVerification.StaleTimestamp, Verify(secondsLater: 301)),
            () => Assert.Equal(SlackVerification.StaleTimestamp, Verify(secondsLater: -301)),
            () => Assert.Equal(SlackVerification.BadSignature, Verify(signature: "v0=" + Signature[3..].ToUpperInvariant())),
            () => Assert.Equal(SlackVerification.MissingHeaders, Verify(signature: null)),
            () => Assert.Equal(SlackVerification.MissingHeaders, Verify(timestamp: "not-a-number")));
}
