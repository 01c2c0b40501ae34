using Amazon.DynamoDBv2.Model;
using WAOps.Aws.Services.Sdk;
using WAOps.Engine.Inventory;

namespace WAOps.Aws.Inventory.Discovery;

/// <summary>DynamoDB tables: ListTables (100 per page); the ARN is built from the table name.</summary>
public sealed class DynamoDbTableDiscoverer : IResourceDiscoverer
{
    public string ResourceType => "dynamodb:table";

    public async Task<IReadOnlyList<InventoryResource>> DiscoverAsync(DiscoveryContext context, CancellationToken cancellationToken)
    {
        using var dynamo = AwsSdkClientFactory.CreateDynamoDb(context.Session);
        var calls = new SdkCalls(AwsSdkClientFactory.DynamoDb, context.Session, cancellationToken);
        var found = new List<InventoryResource>();
        await calls.PageAsync("ListTables",
            (start, ct) => dynamo.ListTablesAsync(new ListTablesRequest { Limit = 100, ExclusiveStartTableName = start }, ct),
            page => page.LastEvaluatedTableName,
            page => found.AddRange((page.TableNames ?? new()).Select(name => context.Resource(context.Arn("dynamodb", $"table/{name}"), null, name)))).ConfigureAwait(false);
        return found;
    }
}
