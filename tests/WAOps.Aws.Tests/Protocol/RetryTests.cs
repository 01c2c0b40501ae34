using System.Diagnostics;
using WAOps.Aws.Protocol;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.CloudWatch.Model;
using WAOps.Aws.Services.GuardDuty;
using WAOps.Aws.Services.GuardDuty.Model;
using WAOps.Aws.Services.Rds;
using WAOps.Aws.Services.Rds.Model;
using WAOps.Aws.Services.Sdk;
using WAOps.Aws.Services.ResourceGroupsTagging;
using WAOps.Aws.Services.ResourceGroupsTagging.Model;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

/// <summary>
/// Retries proven through a fault-injecting proxy in front of moto: each protocol's throttling answer, 5xx
/// and dropped connections are retried within the bound; errors that are not transient are not retried.
/// </summary>
public sealed class RetryTests : IClassFixture<MotoFixture>
{
    private readonly MotoServer _moto;

    public RetryTests(MotoFixture fixture)
    {
        fixture.LogName = nameof(RetryTests);
        _moto = fixture.Server;
    }

    public static TheoryData<string, InjectedFault> FaultsByProtocol()
    {
        var data = new TheoryData<string, InjectedFault>();
        foreach (var protocol in new[] { "awsJson1_0", "awsJson1_1", "awsQuery", "restJson1" })
        {
            foreach (var fault in new[] { InjectedFault.Throttle, InjectedFault.Http500, InjectedFault.Http503, InjectedFault.ConnectionReset })
            {
                data.Add(protocol, fault);
            }
        }

        return data;
    }

    private static Task CallAsync(string protocol, Aws.Session.AwsSession session) => protocol switch
    {
        "awsJson1_0" => new CloudWatchClient(session).ListDashboardsAsync(new ListDashboardsRequest()),
        "awsJson1_1" => new ResourceGroupsTaggingClient(session).GetResourcesAsync(new GetResourcesRequest()),
        "awsQuery" => new RdsClient(session).DescribeDBInstancesAsync(new DescribeDBInstancesRequest()),
        _ => new GuardDutyClient(session).ListDetectorsAsync(new ListDetectorsRequest()),
    };

    [Theory]
    [MemberData(nameof(FaultsByProtocol))]
    public async Task TransientFaultsAreRetriedUntilTheCallSucceeds(string protocol, InjectedFault fault)
    {
        using var proxy = new FaultInjectingProxy(_moto.Endpoint, FaultInjectingProxy.FirstN(2, fault));
        var counter = new AwsCallCounter();
        var session = TestSessions.For(proxy.Endpoint, options: TestSessions.QuickRetries(4, counter));

        await CallAsync(protocol, session);

        Assert.Equal(3, proxy.RequestCount);
        Assert.Equal(2, counter.Retries);
        Assert.Equal(3, counter.Total);
    }

    [Theory]
    [InlineData("awsJson1_0", "Throttling")]
    [InlineData("awsJson1_1", "ThrottlingException")]
    [InlineData("awsQuery", "Throttling")]
    [InlineData("restJson1", "TooManyRequestsException")]
    public async Task SustainedThrottlingFailsAfterTheBoundWithTheThrottlingCode(string protocol, string expectedCode)
    {
        using var proxy = new FaultInjectingProxy(_moto.Endpoint, FaultInjectingProxy.Always(InjectedFault.Throttle));
        var retries = new List<AwsRetryRecord>();
        var observer = new RecordingObserver(retries);
        var session = TestSessions.For(proxy.Endpoint, options: TestSessions.QuickRetries(5, observer));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => CallAsync(protocol, session));

        Assert.Equal(expectedCode, error.ErrorCode);
        Assert.True(error.IsThrottling);
        Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
        Assert.Equal(5, error.Attempts);
        Assert.Contains("after 5 attempts", error.Message);
        Assert.Equal(5, proxy.RequestCount);
        Assert.Equal(new[] { 2, 3, 4, 5 }, retries.Select(r => r.NextAttempt));
        Assert.All(retries, r => Assert.Contains(expectedCode, r.Reason));
    }

    [Fact]
    public async Task ErrorsThatAreNotTransientAreNotRetried()
    {
        using var proxy = new FaultInjectingProxy(_moto.Endpoint, (_, _) => InjectedFault.None);
        var counter = new AwsCallCounter();
        var session = TestSessions.For(proxy.Endpoint, options: TestSessions.QuickRetries(5, counter));

        await Assert.ThrowsAsync<AwsServiceException>(() => new CloudWatchClient(session).GetDashboardAsync(new GetDashboardRequest { DashboardName = "missing" }));

        Assert.Equal(1, proxy.RequestCount);
        Assert.Equal(0, counter.Retries);
    }

    [Fact]
    public async Task ACreateWhoseAnswerWasLostIsRecognisedOnTheRetry()
    {
        // The first CreateBudget reaches moto and takes effect, but the connection drops before the answer.
        using var proxy = new FaultInjectingProxy(_moto.Endpoint, FaultInjectingProxy.FirstN(1, InjectedFault.ResetAfterForward));
        var budgets = new WAOps.Aws.Services.Budgets.BudgetsClient(TestSessions.For(proxy.Endpoint, options: TestSessions.QuickRetries(3)));
        var request = new WAOps.Aws.Services.Budgets.Model.CreateBudgetRequest
        {
            AccountId = TestCredentials.MotoAccountId,
            Budget = new WAOps.Aws.Services.Budgets.Model.Budget
            {
                BudgetName = "lost-answer",
                BudgetLimit = new WAOps.Aws.Services.Budgets.Model.Spend { Amount = "10", Unit = "USD" },
                TimeUnit = "MONTHLY",
                BudgetType = "COST",
            },
        };

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => budgets.CreateBudgetAsync(request));

        Assert.Equal("DuplicateRecordException", error.ErrorCode);
        Assert.Equal(2, error.Attempts);
        Assert.True(error.IsDuplicateOfOwnEarlierAttempt);
        Assert.Equal(2, proxy.RequestCount);

        // A duplicate on the first attempt is somebody else's budget, not a lost answer.
        var direct = new WAOps.Aws.Services.Budgets.BudgetsClient(TestSessions.For(_moto, options: TestSessions.QuickRetries(3)));
        var conflict = await Assert.ThrowsAsync<AwsServiceException>(() => direct.CreateBudgetAsync(request));
        Assert.False(conflict.IsDuplicateOfOwnEarlierAttempt);
    }

    [Fact]
    public async Task AnEc2DeleteWhoseAnswerWasLostIsRecognisedOnTheRetry()
    {
        // Official-SDK calls are retried by WAOps (AwsSdkCall), and writes go on fresh connections, so the lost answer
        // surfaces as an error and the retry knows of it (instead of .NET re-sending it unseen on a pooled connection).
        using var direct = AwsSdkClientFactory.CreateEc2(TestSessions.For(_moto));
        var volume = (await direct.CreateVolumeAsync(new Amazon.EC2.Model.CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
        using var proxy = new FaultInjectingProxy(_moto.Endpoint, FaultInjectingProxy.FirstN(1, InjectedFault.ResetAfterForward));
        var session = TestSessions.For(proxy.Endpoint, options: TestSessions.QuickRetries(3));
        using var writes = AwsSdkClientFactory.CreateEc2ForWrites(session);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new SdkCalls(AwsSdkClientFactory.Ec2, session, CancellationToken.None)
            .RunAsync("DeleteVolume", ct => writes.DeleteVolumeAsync(new Amazon.EC2.Model.DeleteVolumeRequest { VolumeId = volume }, ct)));

        Assert.Equal("InvalidVolume.NotFound", error.ErrorCode);
        Assert.Equal(2, error.Attempts);
        Assert.True(error.IsNotFoundAfterOwnEarlierAttempt);
        Assert.Equal(2, proxy.RequestCount);

        // Gone before the first attempt is somebody else's doing, not a lost answer.
        var again = await Assert.ThrowsAsync<AwsServiceException>(() => new SdkCalls(AwsSdkClientFactory.Ec2, TestSessions.For(_moto), CancellationToken.None)
            .RunAsync("DeleteVolume", ct => direct.DeleteVolumeAsync(new Amazon.EC2.Model.DeleteVolumeRequest { VolumeId = volume }, ct)));
        Assert.False(again.IsNotFoundAfterOwnEarlierAttempt);
    }

    [Fact]
    public async Task SustainedEc2ThrottlingIsRetriedWithinTheBoundAndEachRetryIsReported()
    {
        using var proxy = new FaultInjectingProxy(_moto.Endpoint, FaultInjectingProxy.Always(InjectedFault.Throttle));
        var retries = new List<AwsRetryRecord>();
        var session = TestSessions.For(proxy.Endpoint, options: TestSessions.QuickRetries(5, new RecordingObserver(retries)));
        using var ec2 = AwsSdkClientFactory.CreateEc2(session);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new SdkCalls(AwsSdkClientFactory.Ec2, session, CancellationToken.None)
            .RunAsync("DescribeVolumes", ct => ec2.DescribeVolumesAsync(new Amazon.EC2.Model.DescribeVolumesRequest(), ct)));

        Assert.Equal("RequestLimitExceeded", error.ErrorCode);
        Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
        Assert.Equal(5, error.Attempts);
        Assert.Equal(5, proxy.RequestCount);
        Assert.Equal(new[] { 2, 3, 4, 5 }, retries.Select(r => r.NextAttempt));
    }

    [Theory]
    [InlineData("DescribeVolumes", true)]
    [InlineData("ListDashboards", true)]
    [InlineData("GetMetricData", true)]
    [InlineData("DeleteVolume", false)]
    [InlineData("CreateSnapshot", false)]
    [InlineData("PutMetricAlarm", false)]
    public void ReadsAreToldFromWritesByName(string operation, bool read) => Assert.Equal(read, AwsOperationNames.IsRead(operation));

    [Fact]
    public async Task ConnectionRefusedEverywhereIsAConnectionErrorAfterTheBound()
    {
        var session = TestSessions.For(new Uri("http://127.0.0.1:9"), options: TestSessions.QuickRetries(3));
        var error = await Assert.ThrowsAsync<AwsConnectionException>(() => new CloudWatchClient(session).ListDashboardsAsync(new ListDashboardsRequest()));
        Assert.Equal(3, error.Attempts);
        Assert.Equal(ErrorKind.ConnectionError, error.Kind);
    }

    [Fact]
    public async Task SlowAttemptsTimeOutAndAreRetried()
    {
        // The timeout leaves an ordinary attempt room on a loaded machine (a 500 ms one timed out cold attempts too,
        // counting two retries); the slow answer is far beyond it.
        using var proxy = new FaultInjectingProxy(_moto.Endpoint, FaultInjectingProxy.FirstN(1, InjectedFault.Slow)) { SlowDelay = TimeSpan.FromSeconds(5) };
        var counter = new AwsCallCounter();
        var options = TestSessions.QuickRetries(3, counter) with { };
        options = options with { Retry = options.Retry with { AttemptTimeout = TimeSpan.FromSeconds(1.5) } };
        await new CloudWatchClient(TestSessions.For(proxy.Endpoint, options: options)).ListDashboardsAsync(new ListDashboardsRequest());
        Assert.Equal(1, counter.Retries);
    }

    [Fact]
    public async Task CancellationStopsABackoffWaitAtOnce()
    {
        using var proxy = new FaultInjectingProxy(_moto.Endpoint, FaultInjectingProxy.Always(InjectedFault.Throttle));
        var options = new AwsCallOptions { Retry = new RetryOptions { MaxAttempts = 10, BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(10) } };
        var session = TestSessions.For(proxy.Endpoint, options: options);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CloudWatchClient(session).ListDashboardsAsync(new ListDashboardsRequest(), cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        Assert.True(proxy.RequestCount < 10);
    }

    private sealed class RecordingObserver : IAwsCallObserver
    {
        private readonly List<AwsRetryRecord> _retries;

        public RecordingObserver(List<AwsRetryRecord> retries) => _retries = retries;

        public void OnAttemptCompleted(AwsAttemptRecord attempt)
        {
        }

        public void OnRetryScheduled(AwsRetryRecord retry)
        {
            lock (_retries)
            {
                _retries.Add(retry);
            }
        }
    }
}
