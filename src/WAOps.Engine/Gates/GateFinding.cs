using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Waivers;
using WAOps.Engine.Inventory;

namespace WAOps;

/// <summary>
/// One rule's verdict on one resource (or one part of it, such as an IAM policy statement): what Test-WAQualityGate
/// writes per resource and per gate, and what the reports are made of. ResourceArn pipes into other WAOps cmdlets.
/// </summary>
public sealed class GateFinding
{
    public required string RuleId { get; init; }

    public required string Title { get; init; }

    public required QualityGate Gate { get; init; }

    public required Pillar Pillar { get; init; }

    public required Severity Severity { get; init; }

    public required GateStatus Status { get; init; }

    /// <summary>Why, with the values observed (MultiAZ=false, 0.0.0.0/0 -> igw-0abc in rtb-1, ...).</summary>
    public required string Reason { get; init; }

    public required string Remediation { get; init; }

    /// <summary>The part of the resource the verdict is about (an IAM policy statement), when not the whole resource.</summary>
    public string? Detail { get; init; }

    /// <summary>The ARN (or WAOps id of a pseudo-resource, or a template resource's id).</summary>
    public required string ResourceArn { get; init; }

    public required string ResourceType { get; init; }

    public required string ResourceId { get; init; }

    public string? Name { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    /// <summary>The resource's Environment tag (any spelling), for grouping reports.</summary>
    public string? Environment { get; init; }

    /// <summary>The resource's Project tag (any spelling), for grouping reports.</summary>
    public string? Project { get; init; }

    /// <summary>Where a template declares the resource or property; null for live resources.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The waiver that waives the finding (Status Waived), or the expired waiver that no longer does.</summary>
    public Waiver? Waiver { get; init; }

    /// <summary>True when <see cref="Waiver"/> has expired: it matched, but the finding keeps its status.</summary>
    public bool WaiverExpired { get; init; }

    /// <summary>A fingerprint of rule, resource and detail: stable across runs, for SARIF and for diffing reports.</summary>
    public string Key => $"{RuleId}|{ResourceArn}" + (Detail is null ? string.Empty : $"|{Detail}");

    public override string ToString() => $"{Status} {RuleId} {ResourceArn}: {Reason}";
}
