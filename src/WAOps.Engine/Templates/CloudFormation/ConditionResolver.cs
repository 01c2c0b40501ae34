using System.Text.Json.Nodes;
using WAOps.Engine.Documents;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Templates.CloudFormation;

/// <summary>
/// Works out the template's Conditions once each: true, false, or not known (with the reason) when a condition depends on
/// a value only deployment knows. A condition that refers back to itself, directly or through others, is an error naming
/// the cycle and where it starts.
/// </summary>
internal sealed class ConditionResolver
{
    private readonly LocatedDocument _document;
    private readonly IntrinsicEvaluator _evaluator;
    private readonly Dictionary<string, (bool? Value, string? Reason)> _resolved = new(StringComparer.Ordinal);
    private readonly List<string> _resolving = new();

    public ConditionResolver(LocatedDocument document, IntrinsicEvaluator evaluator)
    {
        _document = document;
        _evaluator = evaluator;
    }

    private JsonObject? Definitions => (_document.Root as JsonObject)?["Conditions"] as JsonObject;

    public (bool? Value, string? Reason) Resolve(string name, string pointer)
    {
        if (_resolved.TryGetValue(name, out var known))
        {
            return known;
        }

        if (Definitions?[name] is not { } definition)
        {
            throw _evaluator.Error(TemplateErrorIds.InvalidTemplate, pointer, $"the condition {name} is not defined under Conditions");
        }

        var definitionPointer = "/Conditions/" + DocumentPositions.Segment(name);
        if (_resolving.Contains(name))
        {
            var cycle = _resolving.Skip(_resolving.IndexOf(name)).Append(name);
            throw new WAOpsException(TemplateErrorIds.CircularCondition, ErrorKind.InvalidData,
                $"{_document.Describe(definitionPointer)}: the conditions refer to each other in a cycle: {string.Join(" -> ", cycle)}.", _document.Origin);
        }

        _resolving.Add(name);
        try
        {
            var result = _evaluator.Truth(definition, definitionPointer);
            if (result.Value is null)
            {
                result = (null, $"condition {name} depends on {result.Reason}");
            }

            _resolved[name] = result;
            return result;
        }
        finally
        {
            _resolving.Remove(name);
        }
    }

    /// <summary>Resolves every declared condition (so a cycle is found even where no resource uses it).</summary>
    public void ResolveAll()
    {
        foreach (var (name, _) in Definitions ?? new JsonObject())
        {
            Resolve(name, "/Conditions/" + DocumentPositions.Segment(name));
        }
    }
}
