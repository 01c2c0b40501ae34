using System.Text.Json.Nodes;
using WAOps.Engine.Documents;
using WAOps.Engine.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

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
        // Read from the parser's events, without YamlDotNet's node tree: a large template is walked once.
        var parser = new Parser(new StringReader(text));
        var reader = new EventReader(parser, origin);
        JsonNode? root;
        try
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                throw new WAOpsException(TemplateErrorIds.InvalidTemplateSyntax, ErrorKind.InvalidData, $"'{origin}' holds no YAML document.", origin);
            }

            root = reader.Read();
            parser.Consume<DocumentEnd>();
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

        if (root is null)
        {
            throw new WAOpsException(TemplateErrorIds.InvalidTemplateSyntax, ErrorKind.InvalidData, $"'{origin}' is empty.", origin);
        }

        return new LocatedDocument(root, DocumentPositions.FromNodes(root, reader.Positions), origin);
    }

    /// <summary>Builds the neutral tree from parser events, turning short-form tags into the long form and recording positions.</summary>
    private sealed class EventReader
    {
        private readonly IParser _parser;
        private readonly string _origin;
        private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);

        public EventReader(IParser parser, string origin)
        {
            _parser = parser;
            _origin = origin;
        }

        /// <summary>Where each node starts (a mapping's values: where their key starts), by node identity.</summary>
        public Dictionary<JsonNode, (int Line, int Column)> Positions { get; } = new(ReferenceEqualityComparer.Instance);

        public JsonNode? Read()
        {
            if (_parser.TryConsume<AnchorAlias>(out var alias))
            {
                return _anchors.TryGetValue(alias.Value.Value, out var anchored) ? anchored?.DeepClone()
                    : throw new WAOpsException(TemplateErrorIds.InvalidTemplateSyntax, ErrorKind.InvalidData,
                        $"'{_origin}' line {alias.Start.Line}, column {alias.Start.Column}: the alias *{alias.Value.Value} names no anchor.", _origin);
            }

            var node = _parser.Consume<NodeEvent>();
            var at = ((int)node.Start.Line, (int)node.Start.Column);
            var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
            string? function = null;
            if (tag is not null && !tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) && !ShortForms.TryGetValue(tag, out function))
            {
                throw new WAOpsException(TemplateErrorIds.UnknownIntrinsic, ErrorKind.InvalidData,
                    $"'{_origin}' line {at.Item1}, column {at.Item2}: {tag} is not a CloudFormation intrinsic function (known: {string.Join(" ", ShortForms.Keys)}).", _origin);
            }

            JsonNode? value;
            switch (node)
            {
                case Scalar scalar when function == "Fn::GetAtt":
                    // !GetAtt Resource.Attribute: the attribute may itself contain dots (Endpoint.Address), the logical id cannot.
                    var cut = scalar.Value.IndexOf('.');
                    value = cut > 0 ? new JsonArray(scalar.Value[..cut], scalar.Value[(cut + 1)..]) : new JsonArray(scalar.Value);
                    break;
                case Scalar scalar:
                    value = scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "" ? null : JsonValue.Create(scalar.Value);
                    break;
                case SequenceStart:
                    var array = new JsonArray();
                    while (!_parser.TryConsume<SequenceEnd>(out _))
                    {
                        array.Add(Read());
                    }

                    value = array;
                    break;
                case MappingStart:
                    var map = new JsonObject();
                    while (!_parser.TryConsume<MappingEnd>(out _))
                    {
                        if (!_parser.TryConsume<Scalar>(out var key))
                        {
                            var bad = _parser.Current;
                            throw new WAOpsException(TemplateErrorIds.InvalidTemplateSyntax, ErrorKind.InvalidData,
                                $"'{_origin}' line {bad?.Start.Line}, column {bad?.Start.Column}: mapping keys must be plain text.", _origin);
                        }

                        if (map.ContainsKey(key.Value))
                        {
                            throw new WAOpsException(TemplateErrorIds.InvalidTemplateSyntax, ErrorKind.InvalidData,
                                $"'{_origin}' line {key.Start.Line}, column {key.Start.Column}: the key '{key.Value}' appears twice in the same mapping.", _origin);
                        }

                        // A value is located at its key (where an editor, cfn-lint and code scanning put the mark), not on
                        // the line below where a block mapping's content starts.
                        var child = Read();
                        if (child is not null)
                        {
                            Positions[child] = ((int)key.Start.Line, (int)key.Start.Column);
                        }

                        map[key.Value] = child;
                    }

                    value = map;
                    break;
                default:
                    value = null;
                    break;
            }

            if (value is not null)
            {
                Positions[value] = at;
            }

            var result = function is null ? value : new JsonObject { [function] = value };
            if (function is not null)
            {
                Positions[result!] = at;
            }
            if (!node.Anchor.IsEmpty)
            {
                _anchors[node.Anchor.Value] = result;
            }

            return result;
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
