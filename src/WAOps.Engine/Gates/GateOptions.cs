using WAOps.Engine.Tags;

namespace WAOps.Engine.Gates;

/// <summary>The settings rules judge with. The defaults are the seed's.</summary>
public sealed class GateOptions
{
    public static readonly IReadOnlyList<string> DefaultProductionEnvironments = new[] { "prod", "production" };

    /// <summary>The interface endpoints a VPC with private compute should have (the part of the service name after the region).</summary>
    public static readonly IReadOnlyList<string> DefaultInterfaceEndpointServices = new[] { "ecr.api", "ecr.dkr", "monitoring", "logs", "ssm", "sts", "secretsmanager" };

    /// <summary>Judge production-only rules (Multi-AZ) on every environment, not only where Environment says production.</summary>
    public bool AllEnvironments { get; init; }

    /// <summary>Environment tag values that mean production (compared ignoring case).</summary>
    public IReadOnlyList<string> ProductionEnvironments { get; init; } = DefaultProductionEnvironments;

    /// <summary>
    /// Require a customer-managed KMS key where the service otherwise encrypts with its own key (S3, DynamoDB, SQS,
    /// SNS). Off by default: S3 and DynamoDB always encrypt, so "encrypted" alone is always true there.
    /// </summary>
    public bool RequireCustomerManagedKey { get; init; }

    /// <summary>The tagging strategy gate 8 judges with (the tag engine's policy).</summary>
    public TagPolicy TagPolicy { get; init; } = TagPolicy.Default;

    public IReadOnlyList<string> InterfaceEndpointServices { get; init; } = DefaultInterfaceEndpointServices;

    public string EnvironmentTagKey { get; init; } = "Environment";

    public string ProjectTagKey { get; init; } = "Project";
}
