using System.Text.Json.Serialization;

namespace CultureBot.Slack.Schema;

/// <summary>
/// An interaction (the JSON of an interactivity request's <c>payload</c> field, or of a Socket Mode <c>interactive</c>
/// envelope's payload). Its <c>type</c> picks the record (<see cref="SlackTypes.Interactions"/>); any other type reads
/// as this base record.
/// </summary>
public record SlackInteraction : SlackPayload
{
    public string? Type { get; init; }

    /// <summary>Who interacted: an object here, read from an id as well.</summary>
    [JsonConverter(typeof(UserIdOrObject))]
    public SlackUser? User { get; init; }

    /// <summary>The workspace; null for an org-wide app in Enterprise Grid, where <c>user.team_id</c> tells it.</summary>
    public SlackTeam? Team { get; init; }

    public string? ApiAppId { get; init; }

    public string? Token { get; init; }

    public string? TriggerId { get; init; }

    /// <summary>The modal or Home tab the interaction happened in, when it happened in one.</summary>
    public SlackView? View { get; init; }
}

/// <summary><c>block_actions</c>: a button clicked or a menu picked, in a message, a modal or the Home tab.</summary>
public sealed record SlackBlockActions : SlackInteraction
{
    public const string TypeName = "block_actions";

    /// <summary>The element clicked (Slack sends one).</summary>
    public List<SlackBlockAction>? Actions { get; init; }

    /// <summary>The inputs of the same message, as they were when the button was clicked.</summary>
    public SlackViewState? State { get; init; }

    /// <summary>Where the clicked element is: the message (and whether it is ephemeral) or the view.</summary>
    public SlackContainer? Container { get; init; }

    public SlackChannel? Channel { get; init; }

    /// <summary>Answers go here: replacing the clicked message, or ephemeral to the person who clicked.</summary>
    public string? ResponseUrl { get; init; }
}

/// <summary><c>view_submission</c>: a modal submitted; its inputs are in <c>view.state</c>.</summary>
public sealed record SlackViewSubmission : SlackInteraction
{
    public const string TypeName = "view_submission";
}

/// <summary>One clicked or picked element of a <c>block_actions</c>.</summary>
public sealed record SlackBlockAction : SlackRecord
{
    /// <summary><c>button</c>, <c>static_select</c>…</summary>
    public string? Type { get; init; }

    public string? ActionId { get; init; }

    public string? BlockId { get; init; }

    /// <summary>A button's value.</summary>
    public string? Value { get; init; }

    /// <summary>A menu's chosen option.</summary>
    public SlackOption? SelectedOption { get; init; }

    /// <summary>When it was clicked: with the user, the id of this click.</summary>
    public string? ActionTs { get; init; }
}

/// <summary>An option of a menu, radio buttons or checkboxes; its <c>text</c> is kept as it came.</summary>
public sealed record SlackOption : SlackRecord
{
    public string? Value { get; init; }
}

/// <summary>Where a clicked element is.</summary>
public sealed record SlackContainer : SlackRecord
{
    /// <summary><c>message</c>, <c>view</c>…</summary>
    public string? Type { get; init; }

    public string? MessageTs { get; init; }

    public string? ChannelId { get; init; }

    public bool? IsEphemeral { get; init; }

    public string? ViewId { get; init; }
}

/// <summary>A modal or Home view as Slack gives it back; its blocks, title and other fields are kept as they came.</summary>
public sealed record SlackView : SlackRecord
{
    public string? Id { get; init; }

    /// <summary><c>modal</c> or <c>home</c>.</summary>
    public string? Type { get; init; }

    public string? TeamId { get; init; }

    /// <summary>The app's name for the view: the verb of a submitted modal.</summary>
    public string? CallbackId { get; init; }

    public SlackViewState? State { get; init; }
}

/// <summary>The values of the inputs of a view or message: block id, then action id, then the input's value.</summary>
public sealed record SlackViewState : SlackRecord
{
    public Dictionary<string, Dictionary<string, SlackInputValue?>>? Values { get; init; }
}

/// <summary>One input's value: typed text, or a chosen option; dates, users and the rest are kept as they came.</summary>
public sealed record SlackInputValue : SlackRecord
{
    /// <summary><c>plain_text_input</c>, <c>static_select</c>…</summary>
    public string? Type { get; init; }

    public string? Value { get; init; }

    public SlackOption? SelectedOption { get; init; }
}
