using System.Text.Json.Nodes;
using System.Text;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace WAOps.Engine.Documents;

/// <summary>
/// Where each value of a JSON or YAML document starts (1-based line and column), keyed by its JSON Pointer
/// ("" for the root, "/waivers/0/expires"). Lets a reader that works on the neutral tree report the file position of
/// a value it rejects, and lets template readers give resources and properties a source location.
/// </summary>
public sealed class DocumentPositions
{
    public static readonly DocumentPositions None = new(new Dictionary<string, (int, int)>());

    private readonly IReadOnlyDictionary<string, (int Line, int Column)> _positions;

    private DocumentPositions(IReadOnlyDictionary<string, (int Line, int Column)> positions) => _positions = positions;

    /// <summary>The position of the value at <paramref name="pointer"/>, or of its nearest ancestor that has one.</summary>
    public (int Line, int Column)? Find(string pointer)
    {
        if (_resolver is not null)
        {
            return _resolver(pointer);
        }

        var current = pointer;
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            if (current.Length == 0)
            {
                return null;
            }

            var cut = current.LastIndexOf('/');
            current = cut <= 0 ? string.Empty : current[..cut];
        }
    }

    private readonly Func<string, (int Line, int Column)?>? _resolver;

    private DocumentPositions(Func<string, (int Line, int Column)?> resolver)
    {
        _positions = new Dictionary<string, (int, int)>();
        _resolver = resolver;
    }

    /// <summary>Positions gathered by a reader with its own tree walk (the CloudFormation YAML reader, which rewrites short-form tags).</summary>
    internal static DocumentPositions FromMap(IReadOnlyDictionary<string, (int Line, int Column)> positions) => new(positions);

    /// <summary>
    /// Positions kept per node of <paramref name="root"/> and found by walking a pointer down the tree when asked: a large
    /// template then costs no pointer text per value, only per lookup.
    /// </summary>
    internal static DocumentPositions FromNodes(JsonNode root, IReadOnlyDictionary<JsonNode, (int Line, int Column)> positions) => new(pointer =>
    {
        JsonNode? current = root;
        (int, int)? best = positions.TryGetValue(root, out var start) ? start : null;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                JsonObject map when map.TryGetPropertyValue(segment, out var child) => child,
                JsonArray list when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < list.Count => list[index],
                _ => null,
            };
            if (current is null)
            {
                break;
            }

            if (positions.TryGetValue(current, out var found))
            {
                best = found;
            }
        }

        return best;
    });

    /// <summary>One JSON Pointer segment (RFC 6901: ~ becomes ~0, / becomes ~1).</summary>
    public static string Segment(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    internal static DocumentPositions FromYaml(YamlNode root)
    {
        var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        Walk(root, string.Empty);
        return new DocumentPositions(positions);

        void Walk(YamlNode node, string pointer)
        {
            positions[pointer] = ((int)node.Start.Line, (int)node.Start.Column);
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        Walk(value, pointer + "/" + Segment((key as YamlScalarNode)?.Value ?? string.Empty));
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        Walk(sequence.Children[i], pointer + "/" + i);
                    }

                    break;
            }
        }
    }

    internal static DocumentPositions FromJson(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new Stack<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames.Peek().Pending = reader.GetString();
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        var pointer = frames.Count == 0 ? string.Empty
                            : frames.Peek().IsArray ? frames.Peek().Path + "/" + frames.Peek().Index++
                            : frames.Peek().Path + "/" + Segment(frames.Peek().Pending ?? string.Empty);
                        positions[pointer] = Position((int)reader.TokenStartIndex);
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            frames.Push(new Frame(pointer, reader.TokenType == JsonTokenType.StartArray));
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The document was parsed already; a reader that stops early only loses positions.
        }

        return new DocumentPositions(positions);

        (int, int) Position(int offset)
        {
            var line = lineStarts.BinarySearch(offset);
            line = line >= 0 ? line : ~line - 1;
            var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], offset - lineStarts[line]) + 1;
            return (line + 1, column);
        }
    }

    private sealed class Frame
    {
        public Frame(string path, bool isArray)
        {
            Path = path;
            IsArray = isArray;
        }

        public string Path { get; }

        public bool IsArray { get; }

        public int Index { get; set; }

        public string? Pending { get; set; }
    }
}
