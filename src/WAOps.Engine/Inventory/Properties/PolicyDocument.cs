using System.Text.Json;
using System.Text.Json.Nodes;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Inventory.Properties;

/// <summary>
/// An IAM policy document (identity or resource policy) as a list of statements. <see cref="Parse(string)"/>
/// reads the JSON AWS returns (URL-decoded first where the API encodes it) and accepts what IAM accepts: a
/// single statement object or a list, and a single string or a list for actions, resources and principals.
/// </summary>
public sealed class PolicyDocument
{
    public const string InvalidPolicyDocumentErrorId = "InvalidPolicyDocument";

    public PolicyDocument(IReadOnlyList<PolicyStatement> statements, string? version = null)
    {
        Statements = statements;
        Version = version;
    }

    public string? Version { get; }

    public IReadOnlyList<PolicyStatement> Statements { get; }

    public static PolicyDocument Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new WAOpsException(InvalidPolicyDocumentErrorId, ErrorKind.InvalidData, $"The policy document is not valid JSON: {ex.Message}", null, ex);
        }

        return FromJson(root);
    }

    /// <summary>Reads a policy document from a JSON tree (a template reader passes the resolved tree).</summary>
    public static PolicyDocument FromJson(JsonNode? root)
    {
        if (root is not JsonObject document)
        {
            throw new WAOpsException(InvalidPolicyDocumentErrorId, ErrorKind.InvalidData, "The policy document is not a JSON object.");
        }

        var statements = new List<PolicyStatement>();
        var nodes = document["Statement"] switch
        {
            JsonArray array => array.ToList(),
            JsonObject single => new List<JsonNode?> { single },
            _ => new List<JsonNode?>(),
        };
        foreach (var node in nodes)
        {
            if (node is not JsonObject statement)
            {
                continue;
            }

            statements.Add(new PolicyStatement
            {
                Index = statements.Count,
                Sid = Text(statement["Sid"]),
                Effect = Text(statement["Effect"]) ?? "Allow",
                Actions = Facts.List(Strings(statement["Action"])),
                NotActions = Facts.List(Strings(statement["NotAction"])),
                Resources = Facts.List(Strings(statement["Resource"])),
                NotResources = Facts.List(Strings(statement["NotResource"])),
                Principals = Principals(statement["Principal"]),
                Conditions = Conditions(statement["Condition"]),
            });
        }

        return new PolicyDocument(statements, Text(document["Version"]));
    }

    private static string? Text(JsonNode? node) => node is JsonValue value ? value.ToString() : null;

    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(Text).Where(s => s is not null).Select(s => s!).ToList(),
        JsonValue value => new List<string> { value.ToString() },
        _ => new List<string>(),
    };

    private static IReadOnlyList<string> Principals(JsonNode? node) => node switch
    {
        JsonValue value => new[] { value.ToString() },
        JsonObject map => map.SelectMany(p => Strings(p.Value)).ToList(),
        _ => Array.Empty<string>(),
    };

    private static IReadOnlyList<PolicyCondition> Conditions(JsonNode? node)
    {
        if (node is not JsonObject operators)
        {
            return Array.Empty<PolicyCondition>();
        }

        var conditions = new List<PolicyCondition>();
        foreach (var (op, keys) in operators)
        {
            if (keys is JsonObject map)
            {
                conditions.AddRange(map.Select(k => new PolicyCondition(op, k.Key, Strings(k.Value))));
            }
        }

        return conditions;
    }
}
