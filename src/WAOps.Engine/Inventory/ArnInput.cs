using System.Text.RegularExpressions;

namespace WAOps.Engine.Inventory;

/// <summary>
/// Checks an ARN a user typed or piped in before anything is read or written. <see cref="Arn.TryParse"/> only splits
/// the six parts, because ARNs read from AWS need no more; a hand-made ARN with a region such as "us east 1" or an
/// account id of five digits would otherwise fail later, against AWS, with a message about something else.
/// </summary>
public static partial class ArnInput
{
    [GeneratedRegex("^aws(-[a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PartitionPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ServicePattern();

    // The same shape as a region name given with -Region (us-east-1, us-gov-west-1, eusc-de-east-1).
    [GeneratedRegex("^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^([0-9]{12}|aws)$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountPattern();

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says which part is wrong, in words.</summary>
    public static bool TryParse(string? text, out Arn arn, out string problem)
    {
        if (!Arn.TryParse(text, out arn))
        {
            problem = "an ARN has six parts, arn:partition:service:region:account:resource";
            return false;
        }

        problem = !PartitionPattern().IsMatch(arn.Partition) ? $"'{arn.Partition}' is not a partition (aws, aws-cn, aws-us-gov)"
            : !ServicePattern().IsMatch(arn.Service) ? $"'{arn.Service}' is not a service name (lower-case letters, digits and hyphens)"
            : arn.Region.Length > 0 && !RegionPattern().IsMatch(arn.Region) ? $"'{arn.Region}' is not a region name (such as us-east-1)"
            : arn.Account.Length > 0 && !AccountPattern().IsMatch(arn.Account) ? $"'{arn.Account}' is not an account id (12 digits)"
            : string.Empty;
        return problem.Length == 0;
    }
}
