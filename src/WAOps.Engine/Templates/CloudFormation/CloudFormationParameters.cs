using System.Text.Json.Nodes;
using WAOps.Engine.Documents;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Templates.CloudFormation;

/// <summary>
/// The value of each template parameter: the one given (-TemplateParameter), else the Default. A parameter with neither
/// is an error (CloudFormation would refuse to deploy), at the parameter's line. SSM parameter types hold a Parameter Store
/// path whose value only deployment reads: unresolved. List types become lists.
/// </summary>
internal static class CloudFormationParameters
{
    public static Dictionary<string, JsonNode?> Resolve(LocatedDocument document, IReadOnlyDictionary<string, string> given)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var declared = (document.Root as JsonObject)?["Parameters"] as JsonObject ?? new JsonObject();
        foreach (var (name, node) in declared)
        {
            var pointer = "/Parameters/" + DocumentPositions.Segment(name);
            var definition = node as JsonObject;
            var type = definition?["Type"]?.ToString() ?? "String";
            string? text = given.TryGetValue(name, out var value) ? value : null;
            if (text is null && definition?["Default"] is { } fallback)
            {
                if (fallback is JsonArray list)
                {
                    values[name] = list.DeepClone();
                    continue;
                }

                text = fallback.ToString();
            }

            if (text is null)
            {
                throw new WAOpsException(TemplateErrorIds.MissingTemplateParameter, ErrorKind.InvalidArgument,
                    $"{document.Describe(pointer)}: the parameter {name} ({type}) has no Default and no value was given.", document.Origin)
                {
                    RecommendedAction = $"Give it with -TemplateParameter @{{ {name} = '...' }}.",
                };
            }

            if (type.StartsWith("AWS::SSM::Parameter::Value<", StringComparison.Ordinal))
            {
                values[name] = UnresolvedValue.Create($"parameter {name} is read from SSM Parameter Store ({text}) at deployment");
            }
            else if (type.StartsWith("List<", StringComparison.Ordinal) || type == "CommaDelimitedList")
            {
                values[name] = new JsonArray(text.Split(',').Select(s => (JsonNode?)JsonValue.Create(s.Trim())).ToArray());
            }
            else
            {
                values[name] = JsonValue.Create(text);
            }
        }

        return values;
    }

    public static IReadOnlyList<string> Names(LocatedDocument document) =>
        ((document.Root as JsonObject)?["Parameters"] as JsonObject)?.Select(p => p.Key).ToList() ?? new List<string>();
}
