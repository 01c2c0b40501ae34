using System.Text.Json.Nodes;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Templates;

/// <summary>
/// Turns an evaluated policy document of a template into the inventory's <see cref="PolicyDocument"/>. Text with an
/// unknown part keeps its known parts ("arn:aws:s3:::«AWS::AccountId is known at deployment»-logs/*" is still a specific
/// resource, not "*"); an Action or Resource entry that is wholly unknown makes that list of its statement unresolved, so
/// the IAM rules report Unknown for it instead of judging a guess.
/// </summary>
public static class TemplatePolicies
{
    private static readonly string[] Judged = { "Action", "NotAction", "Resource", "NotResource" };

    public static Fact<PolicyDocument?> From(JsonNode? node, SourceLocation? location)
    {
        node = PropertyView.ParseJsonText(node);
        if (node is null)
        {
            return Fact<PolicyDocument?>.Known(null, location);
        }

        if (UnresolvedValue.TryGet(node, out var reason, out _))
        {
            return Fact<PolicyDocument?>.Unresolved(reason, location);
        }

        if (node is not JsonObject document)
        {
            return Fact<PolicyDocument?>.Unresolved("the policy document is not a mapping", location);
        }

        var copy = (JsonObject)document.DeepClone();
        if (copy["Statement"] is JsonObject single)
        {
            copy["Statement"] = new JsonArray(single.DeepClone());
        }

        if (UnresolvedValue.TryGet(copy["Statement"], out var statementsUnknown, out _))
        {
            return Fact<PolicyDocument?>.Unresolved(statementsUnknown, location);
        }

        var unknownFields = new List<Dictionary<string, string>>();
        foreach (var statement in (copy["Statement"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            var unknown = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var key in statement.Select(p => p.Key).ToList())
            {
                statement[key] = Substitute(statement[key], key, unknown);
            }

            unknownFields.Add(unknown);
        }

        var parsed = PolicyDocument.FromJson(copy);
        var statements = parsed.Statements.Select((s, i) =>
        {
            var unknown = i < unknownFields.Count ? unknownFields[i] : new Dictionary<string, string>();
            Fact<IReadOnlyList<string>> Pick(string key, Fact<IReadOnlyList<string>> parsedValue) =>
                unknown.TryGetValue(key, out var why) ? Fact<IReadOnlyList<string>>.Unresolved(why, location) : parsedValue;
            return new PolicyStatement
            {
                Index = s.Index,
                Sid = s.Sid,
                Effect = s.Effect,
                Actions = Pick("Action", s.Actions),
                NotActions = Pick("NotAction", s.NotActions),
                Resources = Pick("Resource", s.Resources),
                NotResources = Pick("NotResource", s.NotResources),
                Principals = s.Principals,
                Conditions = s.Conditions,
                Location = location,
            };
        }).ToList();
        return Fact<PolicyDocument?>.Known(new PolicyDocument(statements, parsed.Version), location);
    }

    private static JsonNode? Substitute(JsonNode? node, string field, Dictionary<string, string> unknown)
    {
        if (UnresolvedValue.TryGet(node, out var reason, out var partial))
        {
            if (partial is null && Judged.Contains(field))
            {
                unknown.TryAdd(field, reason);
            }

            return JsonValue.Create(partial ?? $"«{reason}»");
        }

        switch (node)
        {
            case JsonArray array:
                return new JsonArray(array.Select(item => Substitute(item, field, unknown)).ToArray());
            case JsonObject map:
                var result = new JsonObject();
                foreach (var (key, value) in map)
                {
                    result[key] = Substitute(value, field, unknown);
                }

                return result;
            default:
                return node?.DeepClone();
        }
    }
}
