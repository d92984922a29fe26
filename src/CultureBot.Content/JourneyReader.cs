using CultureBot.Core.Onboarding;
using CultureBot.Core.Personas;
using YamlDotNet.RepresentationModel;

namespace CultureBot.Content;

/// <summary>
/// Reads an organization's own onboarding journey (YAML): a name and its steps, in order, each one of
/// <c>intro</c>, <c>persona: ID</c>, <c>verbatim</c>, <c>quiz: N</c>, <c>text: {title, body}</c>, <c>closing</c>.
/// Persona ids are checked against the pack. Every problem is named with file, line and field; a journey with any
/// is refused whole.
/// </summary>
public static class JourneyReader
{
    private static readonly HashSet<string> JourneyFields = ["journey", "steps"];
    private static readonly HashSet<string> TextFields = ["title", "body"];

    public static OnboardingJourney ReadFile(string path, PersonaPack pack) => Parse(File.ReadAllText(path), path, pack);

    /// <exception cref="PackFormatException">The journey is malformed; the message lists every problem.</exception>
    public static OnboardingJourney Parse(string yaml, string file, PersonaPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var fields = new YamlFields(file);
        return fields.Accepted(Read(yaml, fields, pack), "journey");
    }

    private static OnboardingJourney? Read(string yaml, YamlFields fields, PersonaPack pack)
    {
        if (fields.Root(yaml, "the journey must be a mapping with journey and steps") is not { } root)
        {
            return null;
        }

        fields.Unknown(root, JourneyFields, string.Empty);
        var name = fields.Scalar(root, "journey", "journey", required: true);
        var steps = fields.Sequence(root, "steps", "steps", required: true).Select((node, i) => Step(node, $"steps[{i}]", fields, pack)).ToList();
        return name is null ? null : new OnboardingJourney(name, [.. steps.OfType<OnboardingStep>()]);
    }

    private static OnboardingStep? Step(YamlNode node, string at, YamlFields fields, PersonaPack pack)
    {
        switch (node)
        {
            case YamlScalarNode { Value: "intro" }:
                return new OnboardingStep(OnboardingCardKind.Intro);
            case YamlScalarNode { Value: "verbatim" }:
                return new OnboardingStep(OnboardingCardKind.Verbatim);
            case YamlScalarNode { Value: "quiz" }:
                return new OnboardingStep(OnboardingCardKind.Quiz, Questions: OnboardingJourney.DefaultQuizQuestions);
            case YamlScalarNode { Value: "closing" }:
                return new OnboardingStep(OnboardingCardKind.Closing);
            case YamlMappingNode { Children.Count: 1 } mapping when mapping.Children.Keys.Single() is YamlScalarNode { Value: { } key }:
                return key switch
                {
                    "persona" => PersonaStep(mapping, at, fields, pack),
                    "quiz" => QuizStep(mapping, at, fields),
                    "text" => TextStep(mapping, at, fields),
                    _ => Unknown(node, at, fields),
                };
            default:
                return Unknown(node, at, fields);
        }
    }

    private static OnboardingStep? PersonaStep(YamlMappingNode mapping, string at, YamlFields fields, PersonaPack pack)
    {
        var id = fields.Scalar(mapping, "persona", at + ".persona", required: true);
        if (id is not null && pack.Find(id) is null)
        {
            fields.Problem(YamlFields.Child(mapping, "persona")!.Start, at + ".persona", $"no persona '{id}' in pack {pack.Slug} (it has {string.Join(", ", pack.Personas.Select(p => p.Id))})");
            return null;
        }

        return id is null ? null : new OnboardingStep(OnboardingCardKind.Persona, PersonaId: id);
    }

    private static OnboardingStep? QuizStep(YamlMappingNode mapping, string at, YamlFields fields)
    {
        var count = fields.Number(mapping, "quiz", at + ".quiz", 1, 10);
        return count is null ? null : new OnboardingStep(OnboardingCardKind.Quiz, Questions: (int)count.Value);
    }

    private static OnboardingStep? TextStep(YamlMappingNode mapping, string at, YamlFields fields)
    {
        if (YamlFields.Child(mapping, "text") is not YamlMappingNode text)
        {
            fields.Problem(mapping.Start, at + ".text", "must be a mapping with title and body");
            return null;
        }

        fields.Unknown(text, TextFields, at + ".text.");
        var title = fields.Scalar(text, "title", at + ".text.title", required: true);
        var body = fields.Scalar(text, "body", at + ".text.body", required: true);
        return title is null || body is null ? null : new OnboardingStep(OnboardingCardKind.Text, Title: title, Text: body);
    }

    private static OnboardingStep? Unknown(YamlNode node, string at, YamlFields fields)
    {
        fields.Problem(node.Start, at, "unknown step: write intro, persona: ID, verbatim, quiz: N, text: {title, body} or closing");
        return null;
    }
}
