namespace WAOps.Aws.Session;

/// <summary>The region names AWSSDK.Core knows (tab completion; a well-formed unknown name still works).</summary>
public static class AwsRegionCatalog
{
    public static IReadOnlyList<string> KnownRegionNames() =>
        Amazon.RegionEndpoint.EnumerableAllRegions
            .Select(region => region.SystemName)
            .Where(AwsRegionName.IsWellFormed)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
}
