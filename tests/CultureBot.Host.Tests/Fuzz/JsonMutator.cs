using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CultureBot.Host.Tests.Fuzz;

/// <summary>One fuzzed request body and the mutations that made it (the failure class when it fails).</summary>
public sealed record FuzzInput(byte[] Body, string Mutation, string Where)
{
    /// <summary>The Authorization header to send, when the endpoint is authenticated.</summary>
    public string? Authorization { get; init; }

    public string Preview => Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 300)));
}

/// <summary>
/// Mutates a captured JSON payload the way a careless client or an attacker would: values of another type, nulls,
/// removed fields, deep nesting, huge strings, invalid UTF-8, lone surrogates, duplicate keys, bad URLs. Some of
/// these cannot be expressed as a <see cref="JsonNode"/> (duplicate keys, invalid bytes), so the tree is written
/// by hand, with raw bytes spliced in where a mutation asks for them.
/// </summary>
public sealed class JsonMutator(Random random, params string[] urlFields)
{
    public static readonly string[] Kinds =
        ["type-change", "null", "remove", "deep-nesting", "huge-string", "invalid-utf8", "lone-surrogate", "duplicate-key", "bad-url", "odd-string"];

    public static readonly string[] BadUrls =
    [
        "", " ", "not a url", "/relative/path", "ftp://example.invalid/", "javascript:alert(1)", "http://", "https://[::1",
        "http://exa mple.com/", "file:///etc/passwd", "mailto:a@b.c", "\\\\server\\share", "http://%zz/", "https://host:99999/",
        "data:text/plain,hello", "urn:isbn:123",
    ];

    private static readonly string[] OddStrings =
    [
        "", " ", "\0", "\u0001\u0002\u001f", "\u202eevil", "<at>x</at>", "&lt;&amp;&gt;&#0;&#x110000;", "9999-12-31 23:59",
        "0001-01-01", "-1", "1e400", "NaN", "true", "null", "{}", "[]", "%00%ff", "💥🧨", "é\u0301", "committee meeting 9999-12-31 23:59",
        "committee meeting 31/12/9999 23h59", "quiz", "persona", "help", new string('a', 3000),
    ];

    /// <summary>
    /// A mutated copy of <paramref name="seed"/>, with one mutation most of the time and up to three sometimes;
    /// <paramref name="forcedKind"/> and <paramref name="focus"/> (a path prefix such as <c>$.value</c>) aim a single one.
    /// </summary>
    public FuzzInput Mutate(JsonNode seed, string? forcedKind = null, string? focus = null)
    {
        var root = seed.DeepClone();
        var splices = new Splices();
        var kinds = new List<string>();
        var where = new List<string>();
        var count = forcedKind is not null ? 1 : random.Next(10) < 7 ? 1 : random.Next(2, 4);
        for (var i = 0; i < count; i++)
        {
            var kind = forcedKind ?? Kinds[random.Next(Kinds.Length)];
            var slots = Slots(root, "$").Where(s => focus is null || s.Path.StartsWith(focus, StringComparison.Ordinal)).ToList();
            if (slots.Count == 0)
            {
                break;
            }

            var slot = kind == "bad-url" && slots.Where(s => urlFields.Contains(s.Key)).ToList() is { Count: > 0 } urls
                ? urls[random.Next(urls.Count)]
                : slots[random.Next(slots.Count)];
            Apply(kind, slot, splices);
            kinds.Add(kind);
            where.Add(slot.Path);
        }

        using var output = new MemoryStream();
        Write(root, output, splices);
        return new FuzzInput(output.ToArray(), string.Join('+', kinds.Distinct()), string.Join(", ", where));
    }

    /// <summary>A place in the tree a mutation can change: a property of an object or an element of an array.</summary>
    public sealed record Slot(JsonNode Parent, string? Key, int Index, string Path)
    {
        public JsonNode? Value => Parent is JsonObject o ? o[Key!] : Parent.AsArray()[Index];

        public void Set(JsonNode? value)
        {
            if (Parent is JsonObject o)
            {
                o[Key!] = value;
            }
            else
            {
                Parent.AsArray()[Index] = value;
            }
        }
    }

    public static IEnumerable<Slot> Slots(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    yield return new Slot(o, key, -1, $"{path}.{key}");
                    foreach (var inner in Slots(value, $"{path}.{key}"))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return new Slot(a, null, i, $"{path}[{i}]");
                    foreach (var inner in Slots(a[i], $"{path}[{i}]"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private void Apply(string kind, Slot slot, Splices splices)
    {
        switch (kind)
        {
            case "type-change":
                slot.Set(OtherType(slot.Value));
                break;
            case "null":
                slot.Set(null);
                break;
            case "remove" when slot.Parent is JsonObject o:
                o.Remove(slot.Key!);
                break;
            case "remove":
                slot.Parent.AsArray().RemoveAt(slot.Index);
                break;
            case "deep-nesting":
                var depth = new[] { 8, 30, 31, 32, 33, 58, 60, 61, 62, 63, 64, 65, 100, 1000 }[random.Next(14)];
                var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
                splices.Raw(slot, Encoding.UTF8.GetBytes(Repeat(open, depth) + "1" + Repeat(close, depth)));
                break;
            case "huge-string":
                var size = new[] { 4_000, 40_000, 200_000, 600_000 }[random.Next(4)];
                slot.Set(JsonValue.Create(new string("é x€<"[random.Next(5)], size)));
                break;
            case "invalid-utf8":
                byte[][] broken = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]];
                splices.Raw(slot, [(byte)'"', (byte)'h', .. broken[random.Next(broken.Length)], (byte)'i', (byte)'"'], nameToo: random.Next(3) == 0);
                break;
            case "lone-surrogate":
                var surrogate = new[] { "\\uD800", "\\uDBFF", "\\uDC00", "\\uDFFF\\uD800" }[random.Next(4)];
                splices.Raw(slot, Encoding.UTF8.GetBytes($"\"x{surrogate}y\""), nameToo: random.Next(3) == 0);
                break;
            case "duplicate-key" when slot.Parent is JsonObject o:
                splices.Duplicate(o, slot.Key!, OtherType(slot.Value));
                break;
            case "duplicate-key":
                slot.Set(new JsonObject { ["dup"] = 1 });
                splices.Duplicate(slot.Value!.AsObject(), "dup", JsonValue.Create("again"));
                break;
            case "bad-url":
                slot.Set(JsonValue.Create(BadUrls[random.Next(BadUrls.Length)]));
                break;
            default:
                slot.Set(JsonValue.Create(OddStrings[random.Next(OddStrings.Length)]));
                break;
        }
    }

    /// <summary>A value of another JSON type than <paramref name="value"/>.</summary>
    private JsonNode? OtherType(JsonNode? value)
    {
        JsonNode?[] candidates =
        [
            JsonValue.Create(42), JsonValue.Create(-1), JsonValue.Create(1.5), JsonValue.Create(long.MaxValue), JsonValue.Create(true),
            JsonValue.Create("text"), JsonValue.Create(""), new JsonArray(), new JsonArray(1, "two", null), new JsonObject(),
            new JsonObject { ["id"] = 7, ["type"] = new JsonArray() }, null,
        ];
        JsonNode? choice;
        do
        {
            choice = candidates[random.Next(candidates.Length)]?.DeepClone();
        }
        while (choice?.GetValueKind() == value?.GetValueKind() && value is not null);

        return choice;
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    /// <summary>Raw bytes to write instead of some nodes, and extra (duplicate) properties of some objects.</summary>
    private sealed class Splices
    {
        public Dictionary<JsonNode, byte[]> Values { get; } = new(ReferenceEqualityComparer.Instance);

        public Dictionary<JsonObject, List<(byte[] Name, byte[] Value)>> Extra { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>The slot's value becomes <paramref name="bytes"/>; with <paramref name="nameToo"/>, an object gets a property so named instead.</summary>
        public void Raw(Slot slot, byte[] bytes, bool nameToo = false)
        {
            if (nameToo && slot.Parent is JsonObject parent)
            {
                Add(parent, bytes, "1"u8.ToArray());
                return;
            }

            var placeholder = JsonValue.Create("placeholder");
            slot.Set(placeholder);
            Values[placeholder] = bytes;
        }

        public void Duplicate(JsonObject target, string name, JsonNode? value) =>
            Add(target, JsonSerializer.SerializeToUtf8Bytes(name), Encoding.UTF8.GetBytes(value?.ToJsonString() ?? "null"));

        private void Add(JsonObject target, byte[] name, byte[] value)
        {
            if (!Extra.TryGetValue(target, out var list))
            {
                Extra[target] = list = [];
            }

            list.Add((name, value));
        }
    }

    private static void Write(JsonNode? node, MemoryStream output, Splices splices)
    {
        if (node is not null && splices.Values.TryGetValue(node, out var raw))
        {
            output.Write(raw);
            return;
        }

        switch (node)
        {
            case JsonObject o:
                output.WriteByte((byte)'{');
                var first = true;
                foreach (var (key, value) in o)
                {
                    Separator(output, ref first);
                    output.Write(JsonSerializer.SerializeToUtf8Bytes(key));
                    output.WriteByte((byte)':');
                    Write(value, output, splices);
                }

                foreach (var (name, value) in splices.Extra.GetValueOrDefault(o) ?? [])
                {
                    Separator(output, ref first);
                    output.Write(name);
                    output.WriteByte((byte)':');
                    output.Write(value);
                }

                output.WriteByte((byte)'}');
                break;
            case JsonArray a:
                output.WriteByte((byte)'[');
                var firstItem = true;
                foreach (var item in a)
                {
                    Separator(output, ref firstItem);
                    Write(item, output, splices);
                }

                output.WriteByte((byte)']');
                break;
            default:
                output.Write(Encoding.UTF8.GetBytes(node?.ToJsonString(Unescaped) ?? "null"));
                break;
        }
    }

    /// <summary>Text as clients send it: accents and symbols as UTF-8, not as \u escapes (a huge string stays its size).</summary>
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Separator(MemoryStream output, ref bool first)
    {
        if (!first)
        {
            output.WriteByte((byte)',');
        }

        first = false;
    }
}
