using System.Text.Json;
using System.Text.Json.Nodes;

namespace WAOps.Engine.Dashboards;

/// <summary>
/// Dashboard bodies as JSON: written compactly with members in a fixed order (so the same dashboard is always
/// the same text), compared by meaning (CloudWatch may hand back the body formatted differently), and pretty-printed
/// for files.
/// </summary>
public static class DashboardBody
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(IEnumerable<DashboardWidget> widgets) =>
        new JsonObject { ["widgets"] = new JsonArray(widgets.Select(w => (JsonNode)w.ToJson()).ToArray()) }.ToJsonString(Compact);

    /// <summary>The body pretty-printed (two-space indents), for -OutFile and reviews.</summary>
    public static string Format(string body) => Parse(body)?.ToJsonString(Indented) ?? body;

    /// <summary>Whether two bodies describe the same dashboard: same members and values, whatever the formatting and number notation.</summary>
    public static bool AreEquivalent(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        var a = Parse(left);
        var b = Parse(right);
        return a is not null && b is not null ? JsonNode.DeepEquals(Normalize(a), Normalize(b)) : string.Equals(left, right, StringComparison.Ordinal);
    }

    private static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Normalize).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.GetValue<double>()),
        null => null,
        _ => node.DeepClone(),
    };
}
