using Amazon.KeyManagementService.Model;
using WAOps.Aws.Services.Sdk;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Inventory.Discovery;

/// <summary>
/// Customer-managed KMS keys: ListKeys, minus the keys AWS manages for its services, which carry an alias
/// under alias/aws/ (one ListAliases listing instead of a DescribeKey per key).
/// </summary>
public sealed class KmsKeyDiscoverer : IResourceDiscoverer
{
    public string ResourceType => "kms:key";

    public async Task<IReadOnlyList<InventoryResource>> DiscoverAsync(DiscoveryContext context, CancellationToken cancellationToken)
    {
        using var kms = AwsSdkClientFactory.CreateKms(context.Session);
        var calls = new SdkCalls(AwsSdkClientFactory.Kms, context.Session, cancellationToken);
        var awsManaged = new HashSet<string>(StringComparer.Ordinal);
        await calls.PageAsync("ListAliases",
            (marker, ct) => kms.ListAliasesAsync(new ListAliasesRequest { Limit = 100, Marker = marker }, ct),
            page => page.Truncated == true ? page.NextMarker : null,
            page =>
            {
                foreach (var alias in page.Aliases ?? new())
                {
                    if (alias.TargetKeyId is not null && alias.AliasName?.StartsWith("alias/aws/", StringComparison.Ordinal) == true)
                    {
                        awsManaged.Add(alias.TargetKeyId);
                    }
                }
            }).ConfigureAwait(false);

        var found = new List<InventoryResource>();
        await calls.PageAsync("ListKeys",
            (marker, ct) => kms.ListKeysAsync(new ListKeysRequest { Limit = 1000, Marker = marker }, ct),
            page => page.Truncated == true ? page.NextMarker : null,
            page => found.AddRange((page.Keys ?? new())
                .Where(k => k.KeyId is not null && !awsManaged.Contains(k.KeyId))
                .Select(k => context.Resource(k.KeyArn ?? context.Arn("kms", $"key/{k.KeyId}"), null)))).ConfigureAwait(false);
        return found;
    }
}
