namespace WAOps.Engine.Cleanup;

/// <summary>
/// A small price table for estimating monthly savings: AWS list prices in USD for us-east-1, on demand, Linux /
/// MySQL-PostgreSQL, 730 hours a month, as published in 2025. Other regions cost up to about a third more; data
/// transfer, LCUs, provisioned IOPS and throughput are not counted. Estimates, for ranking and reporting; the bill
/// is the truth. A type that is not in the table gets no estimate (null), never a guess.
/// </summary>
public static class CleanupPriceTable
{
    public const string Currency = "USD";
    public const decimal HoursPerMonth = 730m;

    /// <summary>EC2 on-demand, USD per hour.</summary>
    public static IReadOnlyDictionary<string, decimal> Ec2Hourly { get; } = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["t2.nano"] = 0.0058m, ["t2.micro"] = 0.0116m, ["t2.small"] = 0.023m, ["t2.medium"] = 0.0464m, ["t2.large"] = 0.0928m, ["t2.xlarge"] = 0.1856m, ["t2.2xlarge"] = 0.3712m,
        ["t3.nano"] = 0.0052m, ["t3.micro"] = 0.0104m, ["t3.small"] = 0.0208m, ["t3.medium"] = 0.0416m, ["t3.large"] = 0.0832m, ["t3.xlarge"] = 0.1664m, ["t3.2xlarge"] = 0.3328m,
        ["t3a.micro"] = 0.0094m, ["t3a.small"] = 0.0188m, ["t3a.medium"] = 0.0376m, ["t3a.large"] = 0.0752m,
        ["t4g.nano"] = 0.0042m, ["t4g.micro"] = 0.0084m, ["t4g.small"] = 0.0168m, ["t4g.medium"] = 0.0336m, ["t4g.large"] = 0.0672m,
        ["m5.large"] = 0.096m, ["m5.xlarge"] = 0.192m, ["m5.2xlarge"] = 0.384m, ["m6i.large"] = 0.096m, ["m6i.xlarge"] = 0.192m, ["m7g.large"] = 0.0816m,
        ["c5.large"] = 0.085m, ["c5.xlarge"] = 0.17m, ["c6i.large"] = 0.085m, ["c7g.large"] = 0.0725m,
        ["r5.large"] = 0.126m, ["r5.xlarge"] = 0.252m, ["r6i.large"] = 0.126m,
    };

    /// <summary>EBS volumes, USD per GiB-month, by volume type.</summary>
    public static IReadOnlyDictionary<string, decimal> EbsGibMonth { get; } = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["gp3"] = 0.08m, ["gp2"] = 0.10m, ["io1"] = 0.125m, ["io2"] = 0.125m, ["st1"] = 0.045m, ["sc1"] = 0.015m, ["standard"] = 0.05m,
    };

    /// <summary>EBS snapshots (standard tier), USD per GiB-month. Snapshots are incremental: priced at the volume size, an upper bound.</summary>
    public const decimal EbsSnapshotGibMonth = 0.05m;

    /// <summary>A public IPv4 address (Elastic IP), USD per hour.</summary>
    public const decimal ElasticIpHourly = 0.005m;

    /// <summary>A NAT gateway, USD per hour (data processing is 0 for an idle one).</summary>
    public const decimal NatGatewayHourly = 0.045m;

    /// <summary>Load balancers, USD per hour without LCUs, by type.</summary>
    public static IReadOnlyDictionary<string, decimal> LoadBalancerHourly { get; } = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["application"] = 0.0225m, ["network"] = 0.0225m, ["gateway"] = 0.0125m,
    };

    /// <summary>RDS single-AZ on demand (MySQL/PostgreSQL), USD per hour; Multi-AZ costs twice as much.</summary>
    public static IReadOnlyDictionary<string, decimal> RdsHourly { get; } = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["db.t3.micro"] = 0.017m, ["db.t3.small"] = 0.034m, ["db.t3.medium"] = 0.068m, ["db.t3.large"] = 0.136m,
        ["db.t4g.micro"] = 0.016m, ["db.t4g.small"] = 0.032m, ["db.t4g.medium"] = 0.065m, ["db.t4g.large"] = 0.129m,
        ["db.m5.large"] = 0.171m, ["db.m6g.large"] = 0.152m, ["db.m6i.large"] = 0.171m, ["db.r5.large"] = 0.24m, ["db.r6g.large"] = 0.215m,
    };

    /// <summary>RDS storage, USD per GiB-month (gp2/gp3 single-AZ; Multi-AZ twice).</summary>
    public const decimal RdsStorageGibMonth = 0.115m;

    /// <summary>RDS manual snapshots, USD per GiB-month (priced at the allocated storage, an upper bound).</summary>
    public const decimal RdsSnapshotGibMonth = 0.095m;

    /// <summary>
    /// The estimated monthly saving of <paramref name="action"/> on <paramref name="resource"/>, net of the backup
    /// snapshots WAOps keeps; null when a price is not in the table or the action saves nothing.
    /// </summary>
    public static decimal? MonthlySavings(IdleResource resource, IdleAction action)
    {
        var saving = resource switch
        {
            Ec2InstanceResource instance => action switch
            {
                IdleAction.Stop => Compute(instance),
                IdleAction.Terminate => Sum(instance.IsRunning ? Compute(instance) : 0m, VolumesDeletedOnTermination(instance)),
                _ => null,
            },
            EbsVolumeResource volume when action == IdleAction.SnapshotThenDelete =>
                EbsGibMonth.TryGetValue(volume.VolumeType, out var price) ? volume.SizeGiB * (price - EbsSnapshotGibMonth) : null,
            EbsSnapshotResource snapshot when action == IdleAction.Delete => snapshot.VolumeSizeGiB * EbsSnapshotGibMonth,
            ElasticIpResource when action == IdleAction.Release => ElasticIpHourly * HoursPerMonth,
            NatGatewayResource when action == IdleAction.Delete => NatGatewayHourly * HoursPerMonth,
            LoadBalancerResource balancer when action == IdleAction.Delete =>
                LoadBalancerHourly.TryGetValue(balancer.Type, out var hourly) ? hourly * HoursPerMonth : null,
            DbInstanceResource database => Database(database, action),
            _ => null,
        };
        return saving is { } value ? Math.Round(Math.Max(0m, value), 2) : null;
    }

    private static decimal? Compute(Ec2InstanceResource instance) =>
        Ec2Hourly.TryGetValue(instance.InstanceType, out var hourly) ? hourly * HoursPerMonth : null;

    /// <summary>The volumes that go with a terminated instance, less the snapshots WAOps takes of them first.</summary>
    private static decimal? VolumesDeletedOnTermination(Ec2InstanceResource instance)
    {
        decimal total = 0;
        foreach (var volume in instance.Volumes.Where(v => v.DeleteOnTermination))
        {
            if (volume.SizeGiB is not { } size || volume.VolumeType is null || !EbsGibMonth.TryGetValue(volume.VolumeType, out var price))
            {
                return null;
            }

            total += size * (price - EbsSnapshotGibMonth);
        }

        return total;
    }

    private static decimal? Database(DbInstanceResource database, IdleAction action)
    {
        if (!RdsHourly.TryGetValue(database.InstanceClass, out var hourly))
        {
            return null;
        }

        var multiplier = database.MultiAz ? 2m : 1m;
        var compute = hourly * HoursPerMonth * multiplier;
        var snapshot = database.AllocatedStorageGiB * RdsSnapshotGibMonth;
        return action switch
        {
            IdleAction.SnapshotThenStop => compute - snapshot,
            IdleAction.SnapshotThenDelete => compute + (database.AllocatedStorageGiB * RdsStorageGibMonth * multiplier) - snapshot,
            _ => null,
        };
    }

    private static decimal? Sum(decimal? a, decimal? b) => a is null || b is null ? null : a + b;
}
