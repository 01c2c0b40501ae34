namespace WAOps.Engine.Inventory.Properties;

/// <summary>
/// A template or plan as a whole (pseudo-resource aws:template): what it is and the cost estimate it comes with (gate 6
/// for infrastructure as code: a budget exists only after deployment, the estimate is what a pull request can show).
/// </summary>
public sealed class TemplateProperties : ResourceProperties
{
    /// <summary>"CloudFormation" or "TerraformPlan".</summary>
    public required string Format { get; init; }

    /// <summary>The monthly estimate in USD; null when the template comes with none.</summary>
    public Fact<decimal?> MonthlyCostEstimate { get; init; }

    /// <summary>Where the estimate comes from (a pricing calculator link, Infracost, ...), as its author wrote it.</summary>
    public Fact<string?> CostEstimateSource { get; init; }

    /// <summary>Where the estimate was found: the template's Metadata, or the sidecar file's path.</summary>
    public string? CostEstimateOrigin { get; init; }
}
