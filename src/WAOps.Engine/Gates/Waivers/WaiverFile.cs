using System.Globalization;
using System.Text.Json.Nodes;
using WAOps.Engine.Documents;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Gates.Waivers;

/// <summary>
/// Reads waivers from a YAML or JSON file:
/// <code>
/// waivers:
///   - rule: s3-bucket-secure-transport          # a rule id, wildcards allowed (iam-*)
///     resource: "arn:aws:s3:::legacy-*"          # ARN, id or name pattern
///     reason: Appliances upload over HTTP until their firmware update
///     owner: storage-team@example.com
///     expires: 2027-03-31                        # YYYY-MM-DD, last day it applies (UTC)
/// </code>
/// A bare list of waivers is accepted too. Every problem names the file, line and column.
/// </summary>
public static class WaiverFile
{
    private static readonly string[] Fields = { "rule", "resource", "reason", "owner", "expires" };

    public static IReadOnlyList<Waiver> Load(string path)
    {
        var document = StructuredDocument.LoadLocated(path, GateErrorIds.InvalidWaiverFile, GateErrorIds.WaiverFileNotFound);
        return Interpret(document);
    }

    public static IReadOnlyList<Waiver> Parse(string text, string origin) =>
        Interpret(StructuredDocument.ParseLocated(text, origin, GateErrorIds.InvalidWaiverFile));

    private static IReadOnlyList<Waiver> Interpret(LocatedDocument document)
    {
        JsonArray entries;
        string basePointer;
        switch (document.Root)
        {
            case JsonArray list:
                (entries, basePointer) = (list, string.Empty);
                break;
            case JsonObject map:
                foreach (var key in map.Select(p => p.Key).Where(k => k != "waivers"))
                {
                    throw Invalid(document, "/" + DocumentPositions.Segment(key), $"'{key}' is not a waiver file setting (waivers)");
                }

                entries = map["waivers"] as JsonArray ?? throw Invalid(document, map.ContainsKey("waivers") ? "/waivers" : string.Empty, "'waivers' must be a list of waivers");
                basePointer = "/waivers";
                break;
            default:
                throw Invalid(document, string.Empty, "the file must hold a list of waivers, or a mapping with 'waivers'");
        }

        var waivers = new List<Waiver>();
        for (var i = 0; i < entries.Count; i++)
        {
            var pointer = $"{basePointer}/{i}";
            if (entries[i] is not JsonObject entry)
            {
                throw Invalid(document, pointer, $"waiver {i + 1} must be a mapping of {string.Join(", ", Fields)}");
            }

            foreach (var key in entry.Select(p => p.Key).Where(k => !Fields.Contains(k)))
            {
                throw Invalid(document, $"{pointer}/{DocumentPositions.Segment(key)}", $"'{key}' is not a waiver field ({string.Join(", ", Fields)})");
            }

            string Field(string name)
            {
                var value = (entry[name] as JsonValue)?.ToString();
                if (string.IsNullOrWhiteSpace(value))
                {
                    throw Invalid(document, entry.ContainsKey(name) ? $"{pointer}/{name}" : pointer, $"waiver {i + 1} needs a non-empty '{name}'");
                }

                return value.Trim();
            }

            var rule = Field("rule");
            if (!RuleCatalog.Rules.Any(r => new Text.WildcardPattern(rule, ignoreCase: true).IsMatch(r.Id)))
            {
                throw Invalid(document, $"{pointer}/rule", $"waiver {i + 1} names rule '{rule}', which matches no rule ({string.Join(", ", RuleCatalog.Rules.Select(r => r.Id))})");
            }

            var resource = Field("resource");
            var reason = Field("reason");
            var owner = Field("owner");
            var expiresText = Field("expires");
            if (!DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            {
                throw Invalid(document, $"{pointer}/expires", $"waiver {i + 1} expires '{expiresText}', which is not a date as YYYY-MM-DD");
            }

            waivers.Add(new Waiver(rule, resource, reason, owner, expires, document.Origin, document.Positions.Find(pointer)?.Line));
        }

        return waivers;
    }

    private static WAOpsException Invalid(LocatedDocument document, string pointer, string problem) =>
        new(GateErrorIds.InvalidWaiverFile, ErrorKind.InvalidData, $"The waiver file {document.Describe(pointer)}: {problem}.", document.Origin);
}
