using Amazon.S3.Model;
using WAOps.Aws.Services.Sdk;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Inventory.Discovery;

/// <summary>
/// S3 buckets: one ListBuckets for the account. Where the listing carries BucketRegion it is used; where it
/// does not (older endpoints; moto 5.2.1) the region comes from GetBucketLocation, asked only for buckets
/// the Tagging API did not list.
/// </summary>
public sealed class S3BucketDiscoverer : IGlobalResourceDiscoverer
{
    public string ResourceType => "s3:bucket";

    bool IResourceDiscoverer.IsGlobal => true;

    public async Task<IReadOnlyList<InventoryResource>> DiscoverAsync(DiscoveryContext context, CancellationToken cancellationToken)
    {
        using var s3 = AwsSdkClientFactory.CreateS3(context.Session);
        var calls = new SdkCalls(AwsSdkClientFactory.S3, context.Session, cancellationToken);
        var found = new List<InventoryResource>();
        await calls.PageAsync("ListBuckets",
            (token, ct) => s3.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = 10000, ContinuationToken = token }, ct),
            page => page.ContinuationToken,
            page => found.AddRange((page.Buckets ?? new()).Select(b =>
                context.Resource($"arn:{context.Partition}:s3:::{b.BucketName}", null, b.BucketName, b.BucketRegion ?? string.Empty)))).ConfigureAwait(false);
        return found;
    }

    public async Task<string> RegionOfAsync(DiscoveryContext context, InventoryResource resource, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(resource.Region))
        {
            return resource.Region;
        }

        using var s3 = AwsSdkClientFactory.CreateS3(context.Session);
        var calls = new SdkCalls(AwsSdkClientFactory.S3, context.Session, cancellationToken);
        var location = await calls.RunAsync("GetBucketLocation", ct => s3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = resource.ResourceId }, ct)).ConfigureAwait(false);
        var constraint = location.Location?.Value;
        // An empty constraint is us-east-1; "EU" is the legacy name of eu-west-1.
        return string.IsNullOrEmpty(constraint) ? "us-east-1" : constraint == "EU" ? "eu-west-1" : constraint;
    }
}
