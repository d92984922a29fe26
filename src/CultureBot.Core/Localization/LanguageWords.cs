namespace CultureBot.Core.Localization;

/// <summary>
/// What people type in one language, by route name (the language-free identifier of logs and button verbs):
/// <see cref="Commands"/>, the words of each command (a sub-command's words follow one of its command's:
/// <c>quiz</c> + <c>start</c>), <see cref="Questions"/>, the patterns of questions asked in words
/// (on folded text, the named group <c>args</c> being what the question is about), and <see cref="SmallTalk"/>, the
/// phrases that are a whole message on their own (<c>hello</c>, <c>thanks</c>).
/// </summary>
public sealed record LanguageWords(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Commands,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Questions)
{
    public static readonly LanguageWords None = new(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>Greetings, thanks: the phrases of each small-talk route, matched on the whole message (folded).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SmallTalk { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<string> CommandWords(string route) => Commands.TryGetValue(route, out var words) ? words : [];

    public IReadOnlyList<string> QuestionPatterns(string route) => Questions.TryGetValue(route, out var patterns) ? patterns : [];

    public IReadOnlyList<string> SmallTalkPhrases(string route) => SmallTalk.TryGetValue(route, out var phrases) ? phrases : [];
}
