using System.Text.Json;
using System.Text.Json.Nodes;
using WAOps.Engine.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace WAOps.Engine.Documents;

/// <summary>A parsed document with the position of each of its values.</summary>
public sealed record LocatedDocument(JsonNode Root, DocumentPositions Positions, string Origin)
{
    /// <summary>"'waivers.yaml' line 7, column 5" for the value at <paramref name="pointer"/> (or its nearest ancestor).</summary>
    public string Describe(string pointer) =>
        Positions.Find(pointer) is { } at ? $"'{Origin}' line {at.Line}, column {at.Column}" : $"'{Origin}'";
}

/// <summary>
/// Reads a JSON or YAML file (policy files, waivers) into one neutral tree (JsonNode), so each file format is
/// interpreted by one piece of code. YAML scalars become strings. Syntax errors name the file, line and column;
/// <see cref="LoadLocated"/> also keeps the line and column of every value, for errors found while interpreting it.
/// </summary>
public static class StructuredDocument
{
    /// <summary>The largest policy-like document read; anything bigger is refused before parsing.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    public static JsonNode Load(string path, string invalidErrorId, string notFoundErrorId) =>
        Parse(ReadText(path, invalidErrorId, notFoundErrorId), path, invalidErrorId);

    /// <summary>Like <see cref="Load"/>, keeping where each value is in the file.</summary>
    public static LocatedDocument LoadLocated(string path, string invalidErrorId, string notFoundErrorId) =>
        ParseLocated(ReadText(path, invalidErrorId, notFoundErrorId), path, invalidErrorId);

    public static LocatedDocument ParseLocated(string text, string origin, string invalidErrorId)
    {
        var positions = DocumentPositions.None;
        var root = Parse(text, origin, invalidErrorId, yaml => positions = DocumentPositions.FromYaml(yaml));
        if (ReferenceEquals(positions, DocumentPositions.None))
        {
            positions = DocumentPositions.FromJson(text);
        }

        return new LocatedDocument(root, positions, origin);
    }

    private static string ReadText(string path, string invalidErrorId, string notFoundErrorId)
    {
        if (!File.Exists(path))
        {
            throw new WAOpsException(notFoundErrorId, ErrorKind.ObjectNotFound, $"The file '{path}' does not exist.", path);
        }

        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new WAOpsException(invalidErrorId, ErrorKind.InvalidData, $"'{path}' is {length / 1024 / 1024} MB; files over {MaxBytes / 1024 / 1024} MB are not read.", path);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WAOpsException(invalidErrorId, ErrorKind.ReadError, $"'{path}' cannot be read: {ex.Message}", path, ex);
        }

        return text;
    }

    public static JsonNode Parse(string text, string origin, string invalidErrorId) => Parse(text, origin, invalidErrorId, null);

    private static JsonNode Parse(string text, string origin, string invalidErrorId, Action<YamlNode>? onYaml)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new WAOpsException(invalidErrorId, ErrorKind.InvalidData, $"'{origin}' is empty.", origin);
        }

        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
                    ?? throw new WAOpsException(invalidErrorId, ErrorKind.InvalidData, $"'{origin}' holds no JSON value.", origin);
            }
            catch (JsonException ex)
            {
                throw new WAOpsException(invalidErrorId, ErrorKind.InvalidData,
                    $"'{origin}' is not valid JSON at line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: {FirstSentence(ex.Message)}", origin, ex);
            }
        }

        var parser = new Parser(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0)
            {
                throw new WAOpsException(invalidErrorId, ErrorKind.InvalidData, $"'{origin}' holds no YAML document.", origin);
            }

            onYaml?.Invoke(stream.Documents[0].RootNode);
            return Convert(stream.Documents[0].RootNode) ?? throw new WAOpsException(invalidErrorId, ErrorKind.InvalidData, $"'{origin}' is empty.", origin);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections; the last token read
            // is where the document stops making sense.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new WAOpsException(invalidErrorId, ErrorKind.InvalidData,
                $"'{origin}' is not valid YAML at line {at.Line}, column {at.Column}: an unterminated or malformed collection.", origin, ex);
        }
        catch (YamlException ex)
        {
            throw new WAOpsException(invalidErrorId, ErrorKind.InvalidData,
                $"'{origin}' is not valid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {FirstSentence(ex.InnerException?.Message ?? ex.Message)}", origin, ex);
        }
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? string.Empty, Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => scalar.Value is null || (scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "") ? null : JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
