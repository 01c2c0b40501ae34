using System.Text.RegularExpressions;
using WAOps.Engine.Errors;

namespace WAOps.Aws.Session;

/// <summary>Checks that a region name is well formed (us-east-1, us-gov-west-1, eusc-de-east-1, ...).</summary>
public static partial class AwsRegionName
{
    [GeneratedRegex("^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    public static bool IsWellFormed(string? region) => region is not null && RegionPattern().IsMatch(region);

    /// <summary>Returns the region, or throws InvalidRegion naming where the bad value came from.</summary>
    public static string Validate(string region, string origin)
    {
        var trimmed = region.Trim();
        if (!IsWellFormed(trimmed))
        {
            throw new WAOpsException(
                SessionErrorIds.InvalidRegion,
                ErrorKind.InvalidArgument,
                $"'{region}' from {origin} is not a region name. Use a name such as us-east-1 or eu-west-2.",
                region)
            {
                RecommendedAction = "Pass a valid region with -Region, or set $StoredAWSRegion or AWS_REGION.",
            };
        }

        return trimmed;
    }

    /// <summary>The DNS suffix of the region's partition (amazonaws.com, amazonaws.com.cn, ...).</summary>
    public static string DnsSuffix(string region)
    {
        var suffix = Amazon.RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix;
        return string.IsNullOrEmpty(suffix) ? "amazonaws.com" : suffix;
    }

    /// <summary>
    /// A region that always exists in the given region's partition (us-east-1, cn-north-1, us-gov-west-1):
    /// where account-wide questions such as "which regions are enabled" are asked.
    /// </summary>
    public static string PartitionHomeRegion(string region) => Partition(region) switch
    {
        "aws-cn" => "cn-north-1",
        "aws-us-gov" => "us-gov-west-1",
        "aws-iso" => "us-iso-east-1",
        "aws-iso-b" => "us-isob-east-1",
        _ => "us-east-1",
    };

    /// <summary>The partition name used in ARNs (aws, aws-cn, aws-us-gov, ...).</summary>
    public static string Partition(string region)
    {
        var partition = Amazon.RegionEndpoint.GetBySystemName(region).PartitionName;
        return string.IsNullOrEmpty(partition) ? "aws" : partition;
    }
}
