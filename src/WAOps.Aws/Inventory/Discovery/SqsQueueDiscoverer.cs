using Amazon.SQS.Model;
using WAOps.Aws.Services.Sdk;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Inventory.Discovery;

/// <summary>SQS queues: ListQueues (1,000 per page); the ARN is built from the queue URL's name.</summary>
public sealed class SqsQueueDiscoverer : IResourceDiscoverer
{
    public string ResourceType => "sqs:queue";

    public async Task<IReadOnlyList<InventoryResource>> DiscoverAsync(DiscoveryContext context, CancellationToken cancellationToken)
    {
        using var sqs = AwsSdkClientFactory.CreateSqs(context.Session);
        var calls = new SdkCalls(AwsSdkClientFactory.Sqs, context.Session, cancellationToken);
        var found = new List<InventoryResource>();
        await calls.PageAsync("ListQueues",
            (token, ct) => sqs.ListQueuesAsync(new ListQueuesRequest { MaxResults = 1000, NextToken = token }, ct),
            page => page.NextToken,
            page => found.AddRange((page.QueueUrls ?? new()).Select(url =>
            {
                var name = url.TrimEnd('/')[(url.TrimEnd('/').LastIndexOf('/') + 1)..];
                return context.Resource(context.Arn("sqs", name), null, name);
            }))).ConfigureAwait(false);
        return found;
    }
}
