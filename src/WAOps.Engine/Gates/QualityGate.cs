namespace WAOps.Engine.Gates;

/// <summary>The eight quality gates of the WAOps seed; every rule serves one.</summary>
public enum QualityGate
{
    /// <summary>1. Multi-AZ for all production stateful services.</summary>
    MultiAz = 1,

    /// <summary>2. No public subnets for compute or databases.</summary>
    NoPublicSubnets = 2,

    /// <summary>3. All data encrypted at rest and in transit.</summary>
    Encryption = 3,

    /// <summary>4. IAM policies scoped to specific resources (no "*").</summary>
    ScopedIam = 4,

    /// <summary>5. CloudTrail and GuardDuty enabled.</summary>
    AuditAndThreatDetection = 5,

    /// <summary>6. Cost estimate provided.</summary>
    CostEstimate = 6,

    /// <summary>7. VPC endpoints used for AWS service access.</summary>
    VpcEndpoints = 7,

    /// <summary>8. Tagging strategy applied to all resources.</summary>
    Tagging = 8,
}
