using System.Globalization;
using System.Text.Json.Nodes;
using WAOps.Engine.Documents;
using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Templates;

/// <summary>
/// Finds the cost estimate that comes with a template or plan: a sidecar file beside it (X.yaml -> X.cost.yaml or
/// X.cost.json; MonthlyUSD and Source, or Infracost's JSON with totalMonthlyCost in USD), else the template's
/// Metadata.WAOps.CostEstimate. An estimate that is there but is not an amount is bad input: an error at its line.
/// </summary>
public static class CostEstimateReader
{
    public static TemplateProperties Read(string path, LocatedDocument document, TemplateFormat format)
    {
        var sidecar = SidecarPath(path);
        if (sidecar is not null)
        {
            var located = StructuredDocument.LoadLocated(sidecar, TemplateErrorIds.InvalidCostEstimate, TemplateErrorIds.InvalidCostEstimate);
            if (located.Root is JsonObject infracost && infracost.ContainsKey("totalMonthlyCost"))
            {
                var currency = infracost["currency"]?.ToString() ?? "USD";
                if (!string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase))
                {
                    throw Invalid(located, "/currency", $"the Infracost estimate is in {currency}; WAOps compares USD amounts");
                }

                return Estimate(format, Amount(located, "/totalMonthlyCost", infracost["totalMonthlyCost"]), "Infracost", sidecar, new SourceLocation(sidecar, 1, 1));
            }

            if (located.Root is not JsonObject block)
            {
                throw Invalid(located, string.Empty, "a cost estimate file holds MonthlyUSD and Source");
            }

            return Estimate(format, Amount(located, "/MonthlyUSD", block["MonthlyUSD"]), block["Source"]?.ToString(), sidecar, Locate(located, "/MonthlyUSD", sidecar));
        }

        if (format == TemplateFormat.CloudFormation
            && ((document.Root as JsonObject)?["Metadata"] as JsonObject)?["WAOps"]?["CostEstimate"] is JsonObject metadata)
        {
            const string pointer = "/Metadata/WAOps/CostEstimate/MonthlyUSD";
            var at = Locate(document, pointer, document.Origin);
            if (metadata["MonthlyUSD"] is JsonObject intrinsic)
            {
                return new TemplateProperties
                {
                    Format = format.ToString(),
                    MonthlyCostEstimate = Fact<decimal?>.Unresolved($"MonthlyUSD is computed ({intrinsic.ToJsonString()}), which a template reader does not evaluate in Metadata", at),
                    CostEstimateSource = Fact<string?>.Known(metadata["Source"]?.ToString(), at),
                    CostEstimateOrigin = "Metadata WAOps.CostEstimate",
                };
            }

            return Estimate(format, Amount(document, pointer, metadata["MonthlyUSD"]), metadata["Source"]?.ToString(), "Metadata WAOps.CostEstimate", at);
        }

        return new TemplateProperties
        {
            Format = format.ToString(),
            MonthlyCostEstimate = Fact<decimal?>.Known(null),
            CostEstimateSource = Fact<string?>.Known(null),
        };
    }

    /// <summary>X.cost.yaml, X.cost.yml or X.cost.json beside X.yaml (or X.json, X.plan.json ...): the first that exists.</summary>
    public static string? SidecarPath(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(path);
        return new[] { ".cost.yaml", ".cost.yml", ".cost.json" }.Select(ext => Path.Combine(directory, stem + ext)).FirstOrDefault(File.Exists);
    }

    private static TemplateProperties Estimate(TemplateFormat format, decimal amount, string? source, string origin, SourceLocation at) => new()
    {
        Format = format.ToString(),
        MonthlyCostEstimate = Fact<decimal?>.Known(amount, at),
        CostEstimateSource = Fact<string?>.Known(source, at),
        CostEstimateOrigin = origin,
    };

    private static decimal Amount(LocatedDocument document, string pointer, JsonNode? node)
    {
        if (node is JsonValue value && decimal.TryParse(value.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            return amount;
        }

        throw Invalid(document, pointer, node is null ? "MonthlyUSD is missing" : $"MonthlyUSD is {node.ToJsonString()}, not an amount of US dollars (0 or more)");
    }

    private static SourceLocation Locate(LocatedDocument document, string pointer, string file) =>
        document.Positions.Find(pointer) is { } at ? new SourceLocation(file, at.Line, at.Column, pointer.TrimStart('/').Replace('/', '.')) : new SourceLocation(file, 1, 1);

    private static WAOpsException Invalid(LocatedDocument document, string pointer, string message) =>
        new(TemplateErrorIds.InvalidCostEstimate, ErrorKind.InvalidData, $"{document.Describe(pointer)}: {message}.", document.Origin);
}
