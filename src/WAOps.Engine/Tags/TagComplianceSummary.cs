using WAOps.Engine.Tags;

namespace WAOps;

/// <summary>What a summary row counts: all resources, one resource type, or one required key.</summary>
public enum TagSummaryDimension
{
    Total,
    ResourceType,
    TagKey,
}

/// <summary>
/// Compliance counted over a set of results: for everything, per resource type, or per required key (a
/// resource is compliant for a key when the key is present in its exact spelling with an allowed value).
/// </summary>
public sealed class TagComplianceSummary
{
    public required TagSummaryDimension Dimension { get; init; }

    public required string Name { get; init; }

    public required int Resources { get; init; }

    public required int Compliant { get; init; }

    public int NonCompliant => Resources - Compliant;

    /// <summary>Compliant share in percent, one decimal; 100 for an empty set (nothing breaks the policy).</summary>
    public double CompliancePercent => Resources == 0 ? 100 : Math.Round(100.0 * Compliant / Resources, 1);

    public required int Missing { get; init; }

    public required int MisCased { get; init; }

    public required int InvalidValue { get; init; }

    public override string ToString() => $"{Dimension} {Name}: {CompliancePercent}% of {Resources}";
}
