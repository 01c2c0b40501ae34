namespace WAOps.Aws.Session;

/// <summary>
/// The regions every account of a partition has enabled and cannot disable: in the aws partition those launched
/// before 20 March 2019 (later ones are opt-in); in aws-cn and aws-us-gov all of them. A -Region among these needs
/// no DescribeRegions call to be known enabled, which spares a cold run the call and the EC2 client it needs.
/// </summary>
public static class AwsDefaultRegions
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1",
        "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-south-1",
        "cn-north-1", "cn-northwest-1",
        "us-gov-west-1", "us-gov-east-1",
    };

    /// <summary>True when the region is enabled in every account of the given session region's partition.</summary>
    public static bool IsAlwaysEnabled(string region, string sessionRegion) =>
        Names.Contains(region)
        && AwsRegionName.IsWellFormed(sessionRegion)
        && string.Equals(AwsRegionName.Partition(region), AwsRegionName.Partition(sessionRegion), StringComparison.Ordinal);
}
