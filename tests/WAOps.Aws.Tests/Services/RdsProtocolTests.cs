using WAOps.Aws.Protocol;
using WAOps.Aws.Services.Rds;
using WAOps.Aws.Services.Rds.Model;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Aws.Tests.Services;

/// <summary>awsQuery proven against moto with RDS DescribeDBInstances.</summary>
public sealed class RdsProtocolTests : IClassFixture<RdsProtocolTests.SeededMoto>
{
    public sealed class SeededMoto : MotoFixtureBase
    {
        private readonly Lazy<bool> _seeded;

        public SeededMoto() => _seeded = new Lazy<bool>(() =>
        {
            ExternalTools.Seed(Server.Endpoint, "foundation.py", "rds-instances", "3");
            return true;
        });

        public MotoServer Seeded => _seeded.Value ? Server : throw new InvalidOperationException();
    }

    private readonly RdsClient _client;

    public RdsProtocolTests(SeededMoto fixture)
    {
        fixture.LogName = nameof(RdsProtocolTests);
        _client = new RdsClient(TestSessions.For(fixture.Seeded));
    }

    [Fact]
    public async Task DescribeDBInstancesReadsNestedMembersListsAndTags()
    {
        var instances = new List<DBInstance>();
        await foreach (var instance in _client.DescribeAllDBInstancesAsync())
        {
            instances.Add(instance);
        }

        Assert.Equal(new[] { "waops-db-000", "waops-db-001", "waops-db-002" }, instances.Select(i => i.DBInstanceIdentifier).OrderBy(i => i));
        var first = instances.Single(i => i.DBInstanceIdentifier == "waops-db-000");
        Assert.Equal("postgres", first.Engine);
        Assert.Equal("db.t3.micro", first.DBInstanceClass);
        Assert.True(first.MultiAZ);
        Assert.True(first.StorageEncrypted);
        Assert.StartsWith("arn:aws:rds:us-east-1:", first.DBInstanceArn);
        Assert.Equal(20, first.AllocatedStorage);
        Assert.Contains(first.TagList, t => t.Key == "Project" && t.Value == "waops");
        Assert.False(instances.Single(i => i.DBInstanceIdentifier == "waops-db-001").MultiAZ);
    }

    [Fact]
    public async Task FiltersAreSerializedWithTheirMemberNames()
    {
        var response = await _client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest
        {
            Filters = new() { new Filter { Name = "db-instance-id", Values = new() { "waops-db-001", "waops-db-002" } } },
        });
        Assert.Equal(new[] { "waops-db-001", "waops-db-002" }, response.DBInstances.Select(i => i.DBInstanceIdentifier).OrderBy(i => i));
        Assert.False(string.IsNullOrEmpty(response.RequestId));
    }

    [Fact]
    public async Task MissingInstanceIsATypedNotFoundErrorFromTheXmlErrorDocument()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            _client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "waops-nope" }));
        Assert.Equal("DBInstanceNotFound", error.ErrorCode);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        Assert.Equal(404, error.HttpStatus);
        Assert.Contains("waops-nope", error.ServiceMessage);
    }
}
