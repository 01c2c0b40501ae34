using WAOps.Engine.Inventory;
using WAOps.Engine.Tags;
using WAOps.Engine.Text;

namespace WAOps;

/// <summary>
/// How one resource measures up to the tag policy. Written by Get-WATagCompliance; its ResourceArn and
/// Region pipe into Repair-WATagCompliance, New-WADashboard and the other cmdlets that take ARNs.
/// </summary>
public sealed class TagComplianceResult
{
    public required string ResourceArn { get; init; }

    public required string ResourceType { get; init; }

    public required string ResourceId { get; init; }

    public string? Name { get; init; }

    public required string Region { get; init; }

    public required string AccountId { get; init; }

    public required bool Compliant { get; init; }

    /// <summary>Required keys absent in every spelling.</summary>
    public required TextList MissingKeys { get; init; }

    /// <summary>Required keys present in another case or with stray spaces, as "environment->Environment".</summary>
    public required TextList MisCasedKeys { get; init; }

    /// <summary>Values outside the allowed set, as "Environment=Prod".</summary>
    public required TextList InvalidValues { get; init; }

    public required TagSet Tags { get; init; }

    public required DiscoverySource DiscoveredBy { get; init; }

    public override string ToString() => $"{ResourceArn}: " + (Compliant ? "compliant" : "non-compliant");
}
