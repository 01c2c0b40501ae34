using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 7: a VPC with private compute has interface endpoints for the AWS services that compute calls.</summary>
public sealed class InterfaceEndpointsRule : GateRule<VpcProperties>
{
    public override string Id => "vpc-interface-endpoints";

    public override string Title => "VPCs with private compute have interface endpoints for core AWS services";

    public override string Description =>
        "Private compute pulls images and sends logs, metrics and API calls to AWS services; interface endpoints keep that traffic off the NAT gateway "
        + "and the internet. Expected: ECR (ecr.api, ecr.dkr), CloudWatch (monitoring), CloudWatch Logs (logs), Systems Manager (ssm), STS (sts) "
        + "and Secrets Manager (secretsmanager).";

    public override string Remediation => "aws ec2 create-vpc-endpoint --vpc-endpoint-type Interface --service-name com.amazonaws.<region>.<service> --subnet-ids <private subnets> --private-dns-enabled for each missing service.";

    public override QualityGate Gate => QualityGate.VpcEndpoints;

    public override Pillar Pillar => Pillar.Security;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Vpc };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[]
    {
        ResourceKinds.VpcEndpoint, ResourceKinds.Subnet, ResourceKinds.RouteTable, ResourceKinds.Instance, ResourceKinds.Function,
    };

    protected override RuleVerdict Judge(InventoryResource resource, VpcProperties vpc, RuleContext context)
    {
        var (_, computeVerdict) = VpcEndpointLookup.PrivateCompute(resource, context);
        if (computeVerdict is not null)
        {
            return computeVerdict;
        }

        var (endpoints, endpointVerdict) = VpcEndpointLookup.Endpoints(resource, "Interface", context);
        if (endpointVerdict is not null)
        {
            return endpointVerdict;
        }

        var present = new HashSet<string>(endpoints.Select(e => e.Service), StringComparer.Ordinal);
        var wanted = context.Options.InterfaceEndpointServices;
        var missing = wanted.Where(s => !present.Contains(s)).ToList();
        return missing.Count == 0
            ? RuleVerdict.Pass($"interface endpoints for {string.Join(", ", wanted)}")
            : RuleVerdict.Fail($"missing interface endpoints for {string.Join(", ", missing)}" + (present.Count == 0 ? " (none present)" : $" (present: {string.Join(", ", present.Order(StringComparer.Ordinal))})"));
    }
}
