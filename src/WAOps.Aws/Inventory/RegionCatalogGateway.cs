using Amazon.EC2.Model;
using WAOps.Aws.Services.Sdk;
using WAOps.Aws.Session;
using WAOps.Engine.Errors;

namespace WAOps.Aws.Inventory;

/// <summary>Stable error ids for region selection.</summary>
public static class RegionErrorIds
{
    public const string UnknownRegion = "UnknownRegion";
    public const string RegionNotEnabled = "RegionNotEnabled";
}

/// <summary>
/// The account's regions from EC2 DescribeRegions (all of them, with their opt-in status): used to expand
/// -AllRegions to the enabled regions and to refuse a -Region the account does not have or has not enabled.
/// </summary>
public static class RegionCatalogGateway
{
    public static async Task<IReadOnlyList<string>> EnabledRegionsAsync(AwsSession session, CancellationToken cancellationToken) =>
        (await ListAsync(session, cancellationToken).ConfigureAwait(false)).Where(r => r.Enabled).Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Returns the regions as given when each exists and is enabled; else throws UnknownRegion or RegionNotEnabled.
    /// Regions every account has enabled (<see cref="AwsDefaultRegions"/>) are accepted without a call.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(AwsSession session, IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        // A malformed name is refused before any call, as the session's own region is; only well-formed names are
        // looked up in the account's list.
        foreach (var region in regions)
        {
            AwsRegionName.Validate(region, "-Region");
        }

        if (regions.All(region => AwsDefaultRegions.IsAlwaysEnabled(region, session.Region)))
        {
            return regions.Distinct(StringComparer.Ordinal).ToList();
        }

        var known = (await ListAsync(session, cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Name, r => r.Enabled, StringComparer.Ordinal);
        foreach (var region in regions)
        {
            if (!known.TryGetValue(region, out var enabled))
            {
                throw new WAOpsException(RegionErrorIds.UnknownRegion, ErrorKind.InvalidArgument,
                    $"'{region}' is not a region of this account's partition. Known regions: {string.Join(", ", known.Keys.OrderBy(k => k, StringComparer.Ordinal))}.", region);
            }

            if (!enabled)
            {
                throw new WAOpsException(RegionErrorIds.RegionNotEnabled, ErrorKind.InvalidArgument,
                    $"The opt-in region '{region}' is not enabled for this account.", region);
            }
        }

        return regions.Distinct(StringComparer.Ordinal).ToList();
    }

    private static async Task<IReadOnlyList<(string Name, bool Enabled)>> ListAsync(AwsSession session, CancellationToken cancellationToken)
    {
        // Asked in the partition's home region: the session's own region may be the unknown one being checked.
        session = session.WithRegion(AwsRegionName.PartitionHomeRegion(session.Region));
        using var ec2 = AwsSdkClientFactory.CreateEc2(session);
        var calls = new SdkCalls(AwsSdkClientFactory.Ec2, session, cancellationToken);
        var response = await calls.RunAsync("DescribeRegions", ct => ec2.DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = true }, ct)).ConfigureAwait(false);
        return (response.Regions ?? new())
            .Where(r => r.RegionName is not null)
            .Select(r => (r.RegionName!, r.OptInStatus is null or "opt-in-not-required" or "opted-in"))
            .ToList();
    }
}
