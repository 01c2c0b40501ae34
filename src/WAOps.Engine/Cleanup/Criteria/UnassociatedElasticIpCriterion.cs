namespace WAOps.Engine.Cleanup.Criteria;

/// <summary>
/// Trusted Advisor's unassociated Elastic IP check: an address not associated with a running instance. An address
/// on a network interface without an instance (a NAT gateway's, a load balancer's) is in use; an address on an
/// instance whose state is unknown is insufficient data.
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
            var state => CriterionVerdict.Of(Name, IdleStatus.Idle, $"{address.PublicIp} is associated with {address.InstanceId}, which is {state}, not running"),
        };
    }
}
