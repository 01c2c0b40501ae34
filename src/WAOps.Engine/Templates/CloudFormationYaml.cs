using System.Text.Json.Nodes;
using WAOps.Engine.Documents;
using WAOps.Engine.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace WAOps.Engine.Templates;

/// <summary>
/// Reads CloudFormation YAML into the neutral tree, turning the short-form intrinsic tags into the long form the JSON
/// syntax uses (<c>!Ref X</c> becomes <c>{"Ref": "X"}</c>, <c>!GetAtt A.B</c> becomes <c>{"Fn::GetAtt": ["A", "B"]}</c>,
/// <c>!Sub s</c> becomes <c>{"Fn::Sub": s}</c>), so one evaluator serves both syntaxes. Keeps the line and column of
/// every value. A tag CloudFormation does not know is an error at its position, not a string.
/// </summary>
public static class CloudFormationYaml
{
    /// <summary>Short-form tags and the long-form key each stands for.</summary>
    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal)
    {
        ["!Ref"] = "Ref",
        ["!Condition"] = "Condition",
        ["!GetAtt"] = "Fn::GetAtt",
        ["!Sub"] = "Fn::Sub",
        ["!Join"] = "Fn::Join",
        ["!Select"] = "Fn::Select",
        ["!Split"] = "Fn::Split",
        ["!FindInMap"] = "Fn::FindInMap",
        ["!ImportValue"] = "Fn::ImportValue",
        ["!If"] = "Fn::If",
        ["!Equals"] = "Fn::Equals",
        ["!And"] = "Fn::And",
        ["!Or"] = "Fn::Or",
        ["!Not"] = "Fn::Not",
        ["!Base64"] = "Fn::Base64",
        ["!Cidr"] = "Fn::Cidr",
        ["!GetAZs"] = "Fn::GetAZs",
        ["!Transform"] = "Fn::Transform",
        ["!Length"] = "Fn::Length",
        ["!ToJsonString"] = "Fn::ToJsonString",
    };

    public static LocatedDocument Parse(string text, string origin)
    {
        var parser = new Parser(new StringReader(text));
        YamlStream stream;
        try
        {
            stream = new YamlStream();
            stream.Load(parser);
        }
        catch (InvalidOperationException ex)
        {
            var at = parser.Current?.End ?? Mark.Empty;
            throw Syntax(origin, at.Line, at.Column, "an unterminated or malformed collection", ex);
        }
        catch (YamlException ex)
        {
            throw Syntax(origin, ex.Start.Line, ex.Start.Column, FirstSentence(ex.InnerException?.Message ?? ex.Message), ex);
        }

        if (stream.Documents.Count == 0)
        {
            throw new WAOpsException(TemplateErrorIds.InvalidTemplateSyntax, ErrorKind.InvalidData, $"'{origin}' holds no YAML document.", origin);
        }

        var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var root = Convert(stream.Documents[0].RootNode, string.Empty, positions, origin)
            ?? throw new WAOpsException(TemplateErrorIds.InvalidTemplateSyntax, ErrorKind.InvalidData, $"'{origin}' is empty.", origin);
        return new LocatedDocument(root, DocumentPositions.FromMap(positions), origin);
    }

    private static JsonNode? Convert(YamlNode node, string pointer, Dictionary<string, (int, int)> positions, string origin)
    {
        var at = ((int)node.Start.Line, (int)node.Start.Column);
        positions[pointer] = at;
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is not null && !tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            if (!ShortForms.TryGetValue(tag, out var function))
            {
                throw new WAOpsException(TemplateErrorIds.UnknownIntrinsic, ErrorKind.InvalidData,
                    $"'{origin}' line {at.Item1}, column {at.Item2}: {tag} is not a CloudFormation intrinsic function (known: {string.Join(" ", ShortForms.Keys)}).", origin);
            }

            var inner = pointer + "/" + DocumentPositions.Segment(function);
            JsonNode? argument;
            if (function == "Fn::GetAtt" && node is YamlScalarNode dotted)
            {
                // !GetAtt Resource.Attribute: the attribute may itself contain dots (Endpoint.Address), the logical id cannot.
                var text = dotted.Value ?? string.Empty;
                var cut = text.IndexOf('.');
                argument = cut > 0 ? new JsonArray(text[..cut], text[(cut + 1)..]) : new JsonArray(text);
                positions[inner] = at;
            }
            else
            {
                argument = ConvertUntagged(node, inner, positions, origin);
            }

            return new JsonObject { [function] = argument };
        }

        return ConvertUntagged(node, pointer, positions, origin);
    }

    private static JsonNode? ConvertUntagged(YamlNode node, string pointer, Dictionary<string, (int, int)> positions, string origin)
    {
        positions[pointer] = ((int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode map:
                var result = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new WAOpsException(TemplateErrorIds.InvalidTemplateSyntax, ErrorKind.InvalidData,
                            $"'{origin}' line {key.Start.Line}, column {key.Start.Column}: mapping keys must be plain text.", origin);
                    }

                    if (result.ContainsKey(name))
                    {
                        throw new WAOpsException(TemplateErrorIds.InvalidTemplateSyntax, ErrorKind.InvalidData,
                            $"'{origin}' line {key.Start.Line}, column {key.Start.Column}: the key '{name}' appears twice in the same mapping.", origin);
                    }

                    var child = pointer + "/" + DocumentPositions.Segment(name);
                    result[name] = Convert(value, child, positions, origin);

                    // A value is located at its key (where an editor, cfn-lint and code scanning put the mark), not on the
                    // line below where a block mapping's content starts.
                    positions[child] = ((int)key.Start.Line, (int)key.Start.Column);
                }

                return result;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], pointer + "/" + i, positions, origin));
                }

                return array;
            case YamlScalarNode scalar:
                return scalar.Value is null || (scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "")
                    ? null
                    : JsonValue.Create(scalar.Value);
            default:
                return null;
        }
    }

    private static WAOpsException Syntax(string origin, long line, long column, string what, Exception inner) =>
        new(TemplateErrorIds.InvalidTemplateSyntax, ErrorKind.InvalidData, $"'{origin}' is not valid YAML at line {line}, column {column}: {what}", origin, inner);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
