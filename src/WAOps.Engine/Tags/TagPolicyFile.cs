using System.Text.Json.Nodes;
using WAOps.Engine.Documents;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Tags;

/// <summary>
/// Reads a tag policy from a JSON or YAML file. Two shapes are understood:
/// <code>
/// requiredTags: [Environment, Project, Team, CostCenter]
/// allowedValues:
///   Environment: [dev, staging, prod]
///   CostCenter: ["CC-*"]
/// resourceTypes: ["ec2:*", "s3:bucket"]      # optional scope
/// </code>
/// and an AWS Organizations tag policy (<c>{"tags": {"costcenter": {"tag_key": {"@@assign": "CostCenter"},
/// "tag_value": {"@@assign": ["100", "200*"]}}}}</c>), whose tag keys become required keys in their assigned
/// spelling and whose tag values become the allowed values.
/// </summary>
public static class TagPolicyFile
{
    public static TagPolicy Load(string path)
    {
        var root = StructuredDocument.Load(path, TagPolicyErrorIds.InvalidTagPolicyFile, TagPolicyErrorIds.TagPolicyFileNotFound);
        return Interpret(root, path);
    }

    public static TagPolicy Interpret(JsonNode root, string origin)
    {
        if (root is not JsonObject document)
        {
            throw Invalid(origin, "the top level must be a mapping with requiredTags (or an AWS Organizations tag policy with tags)");
        }

        return document.ContainsKey("tags") && !document.ContainsKey("requiredTags")
            ? FromOrganizationsPolicy(document, origin)
            : FromWAOpsPolicy(document, origin);
    }

    private static TagPolicy FromWAOpsPolicy(JsonObject document, string origin)
    {
        foreach (var key in document.Select(p => p.Key))
        {
            if (key is not ("requiredTags" or "allowedValues" or "resourceTypes"))
            {
                throw Invalid(origin, $"'{key}' is not a tag policy setting (requiredTags, allowedValues, resourceTypes)");
            }
        }

        var required = StringList(document["requiredTags"], origin, "requiredTags")
            ?? throw Invalid(origin, "requiredTags is missing; list the tag keys every resource must carry");
        Dictionary<string, IReadOnlyList<string>>? allowed = null;
        if (document["allowedValues"] is JsonNode allowedNode)
        {
            if (allowedNode is not JsonObject allowedMap)
            {
                throw Invalid(origin, "allowedValues must map each tag key to a list of values");
            }

            allowed = allowedMap.ToDictionary(
                p => p.Key,
                p => (IReadOnlyList<string>)(StringList(p.Value, origin, $"allowedValues.{p.Key}") ?? new List<string>()),
                StringComparer.Ordinal);
        }

        var types = StringList(document["resourceTypes"], origin, "resourceTypes");
        return TagPolicy.Create(required, allowed, types, $"'{origin}'");
    }

    private static TagPolicy FromOrganizationsPolicy(JsonObject document, string origin)
    {
        if (document["tags"] is not JsonObject tags || tags.Count == 0)
        {
            throw Invalid(origin, "tags must map tag names to their tag_key/tag_value settings");
        }

        var required = new List<string>();
        var allowed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, node) in tags)
        {
            var key = (node?["tag_key"]?["@@assign"] as JsonValue)?.ToString() ?? name;
            required.Add(key);
            if (node?["tag_value"]?["@@assign"] is JsonNode values)
            {
                allowed[key] = StringList(values, origin, $"tags.{name}.tag_value") ?? new List<string>();
            }
        }

        return TagPolicy.Create(required, allowed, null, $"'{origin}' (AWS Organizations tag policy)");
    }

    private static List<string>? StringList(JsonNode? node, string origin, string path) => node switch
    {
        null => null,
        JsonArray array => array.Select(item => item is JsonValue value && value.ToString() is { } text
            ? text
            : throw Invalid(origin, $"{path} must list strings")).ToList(),
        JsonValue single => new List<string> { single.ToString() },
        _ => throw Invalid(origin, $"{path} must be a list of strings"),
    };

    private static WAOpsException Invalid(string origin, string problem) =>
        new(TagPolicyErrorIds.InvalidTagPolicyFile, ErrorKind.InvalidData, $"The tag policy file '{origin}' is not valid: {problem}.", origin);
}
