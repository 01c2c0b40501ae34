using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;
using Amazon.SQS.Model;
using WAOps.Aws.Protocol;
using WAOps.Aws.Services.Sdk;
using WAOps.Aws.Services.Sns;
using WAOps.Aws.Services.Sns.Model;
using WAOps.Engine.Errors;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Aws.Gates.Listings;

/// <summary>
/// S3 buckets, DynamoDB tables, SQS queues and SNS topics. Their listings name the resources only; the settings the
/// rules need (default encryption and bucket policy, SSE of tables, queue and topic attributes) come from one call per
/// resource, which AWS offers nothing to replace, made in parallel under the per-resource bound. A per-resource call
/// that fails makes that resource's values unreadable (an error for the rules that need them), not the listing.
/// </summary>
internal static class DataListings
{
    public static IEnumerable<InventoryListing> All()
    {
        yield return new("ListBuckets", new[] { ResourceKinds.Bucket }, new[] { ResourceKinds.Bucket }, true, ListBucketsAsync);
        yield return new("ListTables", new[] { ResourceKinds.Table }, new[] { ResourceKinds.Table }, false, ListTablesAsync);
        yield return new("ListQueues", new[] { ResourceKinds.Queue }, new[] { ResourceKinds.Queue }, false, ListQueuesAsync);
        yield return new("ListTopics", new[] { ResourceKinds.Topic }, new[] { ResourceKinds.Topic }, false, ListTopicsAsync);
    }

    private static async Task ListBucketsAsync(ListingContext c)
    {
        var wanted = new HashSet<string>(c.Account.Regions.Keys, StringComparer.Ordinal);
        var buckets = new List<(string Name, string? Region)>();
        // One S3 client per region for all the per-bucket calls (a client per bucket would open a connection per bucket).
        var clients = new System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Amazon.S3.AmazonS3Client>>(StringComparer.Ordinal);
        Amazon.S3.AmazonS3Client ClientFor(string region) =>
            clients.GetOrAdd(region, r => new Lazy<Amazon.S3.AmazonS3Client>(() => AwsSdkClientFactory.CreateS3(c.Session.WithRegion(r)))).Value;
        try
        {
            var home = ClientFor(c.Session.Region);
            await Calls(c.Session, c.CancellationToken).PageAsync("ListBuckets",
                (token, ct) => home.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = 10000, ContinuationToken = token }, ct),
                page => page.ContinuationToken,
                page => buckets.AddRange((page.Buckets ?? new List<S3Bucket>()).Select(b => (b.BucketName, (string?)b.BucketRegion)))).ConfigureAwait(false);

            var details = await c.ForEachAsync(buckets, async (bucket, ct) =>
            {
                string region;
                try
                {
                    // ListBuckets names each bucket's region on AWS (BucketRegion); where it does not (moto 5.2.1), GetBucketLocation does.
                    region = bucket.Region is { Length: > 0 } known ? known : await LocateAsync(home, c.Session, bucket.Name, ct).ConfigureAwait(false);
                }
                catch (WAOpsException ex) when (!ct.IsCancellationRequested)
                {
                    c.Account.Fail(PseudoResourceIds.GlobalRegion, $"GetBucketLocation {bucket.Name}", ex, ResourceKinds.Bucket);
                    return null;
                }

                return wanted.Contains(region)
                    ? await ReadBucketAsync(ClientFor(region), c.Session.WithRegion(region), bucket.Name, region, c.Account.ReadKeySettings, ct).ConfigureAwait(false)
                    : null;
            }).ConfigureAwait(false);
            c.Account.Buckets = details.Where(d => d is not null).Select(d => d!).ToList();
        }
        finally
        {
            foreach (var client in clients.Values.Where(l => l.IsValueCreated))
            {
                client.Value.Dispose();
            }
        }
    }

    /// <summary>Why a key setting was not read.</summary>
    internal const string NotNeeded = "not read: only a customer-managed key requirement needs it";

    /// <summary>A bucket's default encryption (when a customer-managed key is required) and policy, read in the bucket's own region.</summary>
    private static async Task<BucketDetail> ReadBucketAsync(Amazon.S3.AmazonS3Client s3, Session.AwsSession regional, string name, string region, bool readEncryption, CancellationToken ct)
    {
        var calls = Calls(regional, ct);
        var encryption = !readEncryption ? Fact<(string?, string?)>.Unresolved(NotNeeded) : await ListingContext.ReadAsync("GetBucketEncryption", async () =>
        {
            try
            {
                var response = await calls.RunAsync("GetBucketEncryption", t => s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = name }, t)).ConfigureAwait(false);
                var rule = response.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules?.FirstOrDefault()?.ServerSideEncryptionByDefault;
                return (rule?.ServerSideEncryptionAlgorithm?.Value, rule?.ServerSideEncryptionKeyManagementServiceKeyId);
            }
            catch (AwsServiceException ex) when (ex.ErrorCode == "ServerSideEncryptionConfigurationNotFoundError")
            {
                return ((string?)null, (string?)null);
            }
        }).ConfigureAwait(false);
        var policy = await ListingContext.ReadAsync("GetBucketPolicy", async () =>
        {
            try
            {
                var response = await calls.RunAsync("GetBucketPolicy", t => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = name }, t)).ConfigureAwait(false);
                var text = response.Policy;
                // AWSSDK.S3 4.1.0 does not throw on GetBucketPolicy's 404 NoSuchBucketPolicy: it returns the XML
                // error document as the policy.
                if (string.IsNullOrWhiteSpace(text) || text.Contains("<Code>NoSuchBucketPolicy</Code>", StringComparison.Ordinal))
                {
                    return null;
                }

                if (text.TrimStart().StartsWith('<'))
                {
                    var code = System.Text.RegularExpressions.Regex.Match(text, "<Code>([^<]+)</Code>").Groups[1].Value;
                    throw new AwsServiceException(AwsSdkClientFactory.S3.ServiceId, "GetBucketPolicy", code.Length == 0 ? "UnknownError" : code,
                        "S3 answered with an error document", (int)response.HttpStatusCode, response.ResponseMetadata?.RequestId);
                }

                return PolicyDocument.Parse(text);
            }
            catch (AwsServiceException ex) when (ex.ErrorCode == "NoSuchBucketPolicy")
            {
                return (PolicyDocument?)null;
            }
        }).ConfigureAwait(false);
        return new BucketDetail(name, region, encryption.Select(e => e.Item1), encryption.Select(e => e.Item2), policy);
    }

    private static async Task<string> LocateAsync(Amazon.S3.AmazonS3Client s3, Session.AwsSession session, string bucket, CancellationToken cancellationToken)
    {
        var location = await Calls(session, cancellationToken).RunAsync("GetBucketLocation", ct => s3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket }, ct)).ConfigureAwait(false);
        var constraint = location.Location?.Value;
        // An empty constraint is us-east-1; "EU" is the legacy name of eu-west-1.
        return string.IsNullOrEmpty(constraint) ? "us-east-1" : constraint == "EU" ? "eu-west-1" : constraint;
    }

    private static async Task ListTablesAsync(ListingContext c)
    {
        using var dynamo = AwsSdkClientFactory.CreateDynamoDb(c.Session);
        var calls = new SdkCalls(AwsSdkClientFactory.DynamoDb, c.Session, c.CancellationToken);
        var names = new List<string>();
        await calls.PageAsync("ListTables",
            (start, ct) => dynamo.ListTablesAsync(new ListTablesRequest { Limit = 100, ExclusiveStartTableName = start }, ct),
            page => page.LastEvaluatedTableName,
            page => names.AddRange(page.TableNames ?? new List<string>())).ConfigureAwait(false);
        var arnPrefix = $"arn:{c.Account.Partition}:dynamodb:{c.Session.Region}:{c.Account.AccountId}:table/";
        if (!c.Account.ReadKeySettings)
        {
            // Every table is encrypted; which key only matters when a customer-managed one is required.
            c.Region.Tables = names.Select(name => new TableDetail(name, arnPrefix + name, Fact<string?>.Unresolved(NotNeeded), Fact<string?>.Unresolved(NotNeeded))).ToList();
            return;
        }

        c.Region.Tables = await c.ForEachAsync(names, async (name, ct) =>
        {
            var description = await ListingContext.ReadAsync("DescribeTable", async () =>
                (await calls.RunAsync("DescribeTable", t => dynamo.DescribeTableAsync(new DescribeTableRequest { TableName = name }, t)).ConfigureAwait(false)).Table).ConfigureAwait(false);
            var sse = description.Select(t => t.SSEDescription is { } d && d.Status?.Value is "ENABLED" or "UPDATING" ? d : null);
            return new TableDetail(name, description.ValueOr(null)?.TableArn ?? arnPrefix + name,
                sse.Select(d => d?.SSEType?.Value), sse.Select(d => d?.KMSMasterKeyArn));
        }).ConfigureAwait(false);
    }

    private static async Task ListQueuesAsync(ListingContext c)
    {
        using var sqs = AwsSdkClientFactory.CreateSqs(c.Session);
        var calls = new SdkCalls(AwsSdkClientFactory.Sqs, c.Session, c.CancellationToken);
        var urls = new List<string>();
        await calls.PageAsync("ListQueues",
            (token, ct) => sqs.ListQueuesAsync(new ListQueuesRequest { MaxResults = 1000, NextToken = token }, ct),
            page => page.NextToken,
            page => urls.AddRange(page.QueueUrls ?? new List<string>())).ConfigureAwait(false);
        c.Region.Queues = await c.ForEachAsync(urls, async (url, ct) =>
        {
            var attributes = await ListingContext.ReadAsync("GetQueueAttributes", async () =>
                (IReadOnlyDictionary<string, string>)((await calls.RunAsync("GetQueueAttributes", t => sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
                {
                    QueueUrl = url,
                    AttributeNames = new List<string> { "QueueArn", "KmsMasterKeyId", "SqsManagedSseEnabled" },
                }, t)).ConfigureAwait(false)).Attributes ?? new Dictionary<string, string>())).ConfigureAwait(false);
            var name = url[(url.LastIndexOf('/') + 1)..];
            var arn = attributes.ValueOr(null)?.GetValueOrDefault("QueueArn") ?? $"arn:{c.Account.Partition}:sqs:{c.Session.Region}:{c.Account.AccountId}:{name}";
            return new QueueDetail(url, arn,
                attributes.Select(a => string.Equals(a.GetValueOrDefault("SqsManagedSseEnabled"), "true", StringComparison.OrdinalIgnoreCase)),
                attributes.Select(a => a.GetValueOrDefault("KmsMasterKeyId") is { Length: > 0 } key ? key : null));
        }).ConfigureAwait(false);
    }

    private static async Task ListTopicsAsync(ListingContext c)
    {
        var sns = new SnsClient(c.Session);
        var arns = await DatabaseListings.ToListAsync(sns.ListAllTopicArnsAsync(c.CancellationToken)).ConfigureAwait(false);
        c.Region.Topics = await c.ForEachAsync(arns, async (arn, ct) =>
        {
            var key = await ListingContext.ReadAsync("GetTopicAttributes", async () =>
            {
                var attributes = (await sns.GetTopicAttributesAsync(new GetTopicAttributesRequest { TopicArn = arn }, ct).ConfigureAwait(false)).Attributes;
                return attributes.GetValueOrDefault("KmsMasterKeyId") is { Length: > 0 } value ? value : null;
            }).ConfigureAwait(false);
            return new TopicDetail(arn, key);
        }).ConfigureAwait(false);
    }

    private static SdkCalls Calls(Session.AwsSession session, CancellationToken cancellationToken) =>
        new(AwsSdkClientFactory.S3, session, cancellationToken);
}
