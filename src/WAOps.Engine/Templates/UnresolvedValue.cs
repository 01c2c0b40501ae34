using System.Text.Json.Nodes;

namespace WAOps.Engine.Templates;

/// <summary>
/// How a value the reader cannot work out travels through an evaluated template: a marker object in place of the value,
/// with the reason and, for text built by Fn::Sub or Fn::Join, the text with the unknown parts shown as «name». Readers
/// turn a marker into an unresolved fact (the rule reports Unknown); policy documents may use the partial text, because
/// "arn:aws:s3:::«AWS::AccountId»-logs/*" is a specific resource whatever the account id is.
/// </summary>
public static class UnresolvedValue
{
    private const string ReasonKey = "$waops:unresolved";
    private const string PartialKey = "$waops:partial";

    public static JsonObject Create(string reason, string? partialText = null)
    {
        var marker = new JsonObject { [ReasonKey] = reason };
        if (partialText is not null)
        {
            marker[PartialKey] = partialText;
        }

        return marker;
    }

    public static bool Is(JsonNode? node) => node is JsonObject map && map.ContainsKey(ReasonKey);

    public static bool TryGet(JsonNode? node, out string reason, out string? partialText)
    {
        if (node is JsonObject map && map[ReasonKey] is JsonValue value)
        {
            reason = value.ToString();
            partialText = map[PartialKey]?.ToString();
            return true;
        }

        reason = string.Empty;
        partialText = null;
        return false;
    }

    /// <summary>The first unresolved value anywhere under <paramref name="node"/> (depth first), if any.</summary>
    public static string? FindIn(JsonNode? node)
    {
        if (TryGet(node, out var reason, out _))
        {
            return reason;
        }

        return node switch
        {
            JsonObject map => map.Select(p => FindIn(p.Value)).FirstOrDefault(r => r is not null),
            JsonArray array => array.Select(FindIn).FirstOrDefault(r => r is not null),
            _ => null,
        };
    }
}
