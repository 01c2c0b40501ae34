using WAOps.Aws.Session;
using WAOps.Engine.Inventory;
using WAOps.Engine.Tags;

namespace WAOps.Aws.Inventory.Discovery;

/// <summary>What a discoverer needs: a session in the region being listed, the account, and the partition.</summary>
public sealed class DiscoveryContext
{
    public DiscoveryContext(AwsSession session, string accountId)
    {
        Session = session;
        AccountId = accountId;
        Partition = AwsRegionName.Partition(session.Region);
    }

    public AwsSession Session { get; }

    public string Region => Session.Region;

    public string AccountId { get; }

    public string Partition { get; }

    /// <summary>An ARN in this region and account: arn:partition:service:region:account:resource.</summary>
    public string Arn(string service, string resource) => $"arn:{Partition}:{service}:{Region}:{AccountId}:{resource}";

    public InventoryResource Resource(string arn, IEnumerable<KeyValuePair<string, string>>? tags, string? name = null, string? region = null) =>
        new(arn, region ?? Region, tags is null ? TagSet.Empty : new TagSet(tags), DiscoverySource.ServiceApi, name);

    public static IEnumerable<KeyValuePair<string, string>> Pairs<T>(IEnumerable<T>? tags, Func<T, string?> key, Func<T, string?> value) =>
        (tags ?? Enumerable.Empty<T>())
            .Where(t => key(t) is not null)
            .Select(t => KeyValuePair.Create(key(t)!, value(t) ?? string.Empty));

    /// <summary>The value of the Name tag, the name EC2 consoles show.</summary>
    public static string? NameTag(IEnumerable<KeyValuePair<string, string>> tags) =>
        tags.FirstOrDefault(t => t.Key == "Name").Value;
}
