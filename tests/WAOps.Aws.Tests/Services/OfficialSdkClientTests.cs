using Amazon.EC2.Model;
using WAOps.Aws.Protocol;
using WAOps.Aws.Services.Sdk;
using WAOps.Aws.Services.Sts;
using WAOps.Aws.Tests.Support;
using Xunit;

namespace WAOps.Aws.Tests.Services;

/// <summary>Official AWSSDK clients (EC2, STS) created from the same WAOps session reach the same endpoint.</summary>
public sealed class OfficialSdkClientTests : IClassFixture<MotoFixture>
{
    private readonly MotoServer _moto;

    public OfficialSdkClientTests(MotoFixture fixture)
    {
        fixture.LogName = nameof(OfficialSdkClientTests);
        _moto = fixture.Server;
    }

    [Fact]
    public async Task Ec2ClientFromTheSessionSeesTheRegionsDefaultVpc()
    {
        var counter = new AwsCallCounter();
        var session = TestSessions.For(_moto, "eu-west-2", TestSessions.QuickRetries(3, counter));
        using var ec2 = AwsSdkClientFactory.CreateEc2(session);
        // Calls are counted (and retried) where WAOps makes them, through SdkCalls, as the product code does.
        var calls = new SdkCalls(AwsSdkClientFactory.Ec2, session, CancellationToken.None);

        var vpcs = await calls.RunAsync("DescribeVpcs", ct => ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), ct));
        var vpc = Assert.Single(vpcs.Vpcs, v => v.IsDefault == true);
        var subnets = await calls.RunAsync("DescribeSubnets", ct => ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = new() { new Amazon.EC2.Model.Filter("vpc-id", new() { vpc.VpcId }) } }, ct));
        Assert.All(subnets.Subnets, s => Assert.StartsWith("eu-west-2", s.AvailabilityZone));
        Assert.Equal(1, counter.Count("EC2", "DescribeVpcs"));
        Assert.Equal(1, counter.Count("EC2", "DescribeSubnets"));
    }

    [Fact]
    public async Task StsCallerIdentityComesFromTheSessionEndpoint()
    {
        var identity = await CallerIdentityGateway.GetAsync(TestSessions.For(_moto), CancellationToken.None);
        Assert.Equal(TestCredentials.MotoAccountId, identity.Account);
        Assert.StartsWith("arn:aws:sts::", identity.Arn);
    }

    [Fact]
    public async Task SdkConnectionFailuresBecomeWAOpsErrors()
    {
        var session = TestSessions.For(new Uri("http://127.0.0.1:9"), options: TestSessions.QuickRetries(1));
        var error = await Assert.ThrowsAsync<AwsConnectionException>(() => CallerIdentityGateway.GetAsync(session, CancellationToken.None));
        Assert.Equal("AwsConnectionFailed", error.ErrorId);
        Assert.Equal(WAOps.Engine.Errors.ErrorKind.ConnectionError, error.Kind);
    }
}
