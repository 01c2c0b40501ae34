namespace WAOps.Engine.Cleanup.Criteria;

/// <summary>
/// Trusted Advisor's unassociated Elastic IP check: an address not associated with a running instance. An address
/// on a network interface without an instance (a NAT gateway's, a load balancer's) is in use. A stopped instance, or one
/// going away for good (shutting-down, terminated), leaves its address idle; one caught stopping (a stop and start keeps
/// the address) or in a state WAOps does not know is insufficient data, as is one whose state could not be read.
/// </summary>
public sealed class UnassociatedElasticIpCriterion : IIdleCriterion
{
    public string Name => IdleCriterionNames.UnassociatedElasticIp;

    public IdleResourceKind Kind => IdleResourceKind.ElasticIp;

    public IReadOnlyList<MetricQuery> MetricsFor(IdleResource resource) => Array.Empty<MetricQuery>();

    public CriterionVerdict Evaluate(IdleResource resource, MetricSet metrics, DateTimeOffset now)
    {
        if (resource is not ElasticIpResource address)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, "not an Elastic IP");
        }

        if (address.ServiceManaged is { } service)
        {
            return CriterionVerdict.Of(Name, IdleStatus.NotApplicable, $"{address.PublicIp} is managed by the {service} service, which releases it itself");
        }

        if (address.AssociationId is null)
        {
            return CriterionVerdict.Of(Name, IdleStatus.Idle, $"{address.PublicIp} is not associated with anything");
        }

        if (address.InstanceId is null)
        {
            return CriterionVerdict.Of(Name, IdleStatus.Active, $"{address.PublicIp} is in use by network interface {address.NetworkInterfaceId ?? "(unknown)"} (a NAT gateway, load balancer or other service)");
        }

        return address.InstanceState switch
        {
            null => CriterionVerdict.Of(Name, IdleStatus.InsufficientData, $"{address.PublicIp} is associated with {address.InstanceId}, whose state is unknown"),
            "running" => CriterionVerdict.Of(Name, IdleStatus.Active, $"{address.PublicIp} is associated with {address.InstanceId}, which is running"),
            "pending" => CriterionVerdict.Of(Name, IdleStatus.Active, $"{address.PublicIp} is associated with {address.InstanceId}, which is starting"),
            var state when LeavesAddressIdle(state) => CriterionVerdict.Of(Name, IdleStatus.Idle, $"{address.PublicIp} is associated with {address.InstanceId}, which is {state}, not running"),
            var state => CriterionVerdict.Of(Name, IdleStatus.InsufficientData, $"{address.PublicIp} is associated with {address.InstanceId}, which is {state}; only a stopped or terminated instance leaves it idle"),
        };
    }

    /// <summary>Whether an instance in this state leaves the address it holds idle: stopped, or going away for good.</summary>
    public static bool LeavesAddressIdle(string? instanceState) => instanceState is "stopped" or "shutting-down" or "terminated";
}
