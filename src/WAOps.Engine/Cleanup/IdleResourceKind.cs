namespace WAOps.Engine.Cleanup;

/// <summary>The kinds of resource Invoke-WAIdleCleanup looks at.</summary>
public enum IdleResourceKind
{
    Ec2Instance,
    EbsVolume,
    EbsSnapshot,
    ElasticIp,
    NatGateway,
    LoadBalancer,
    DbInstance,
}
