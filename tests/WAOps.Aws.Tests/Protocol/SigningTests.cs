using WAOps.Aws.Protocol;
using WAOps.Aws.Services.Budgets;
using WAOps.Aws.Services.Budgets.Model;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.CloudWatch.Model;
using WAOps.Aws.Services.GuardDuty;
using WAOps.Aws.Services.GuardDuty.Model;
using WAOps.Aws.Services.Rds;
using WAOps.Aws.Services.Rds.Model;
using WAOps.Aws.Services.ResourceGroupsTagging;
using WAOps.Aws.Services.ResourceGroupsTagging.Model;
using WAOps.Aws.Services.Sts;
using WAOps.Aws.Tests.Support;
using WAOps.Engine.Errors;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

/// <summary>
/// SigV4 proven with moto's IAM enforcement on: after the first calls (used to create a user and its key)
/// moto checks every signature, so a request signed with the user's key passes and one signed with a wrong
/// secret fails with SignatureDoesNotMatch, for every protocol. Temporary credentials (an assumed role: SSM
/// Automation, SSO, instance and container roles) pass only with their session token, which moto checks too.
/// (moto 5.2.1 answers auth failures of JSON
/// services with an XML error document where AWS answers JSON; WAOps reads both.)
/// </summary>
public sealed class SigningTests : IClassFixture<SigningTests.EnforcingMoto>
{
    public sealed class EnforcingMoto : MotoFixtureBase
    {
        // Calls 1-3 (create user, put its policy, create its key) are not checked; every later call is.
        public EnforcingMoto()
            : base(new Dictionary<string, string> { ["INITIAL_NO_AUTH_ACTION_COUNT"] = "3" })
        {
            User = new Lazy<(string, string)>(() =>
            {
                var key = ExternalTools.Seed(Server.Endpoint, "foundation.py", "iam-user", "waops-signer")!.Value;
                return (key.GetProperty("AccessKeyId").GetString()!, key.GetProperty("SecretAccessKey").GetString()!);
            });
            Role = new Lazy<(string, string, string)>(() =>
            {
                var (accessKey, secretKey) = User.Value;
                var role = ExternalTools.Seed(Server.Endpoint, "foundation.py", "assumed-role", "waops-signer-role", accessKey, secretKey)!.Value;
                return (role.GetProperty("AccessKeyId").GetString()!, role.GetProperty("SecretAccessKey").GetString()!, role.GetProperty("SessionToken").GetString()!);
            });
        }

        public Lazy<(string AccessKey, string SecretKey)> User { get; }

        /// <summary>Temporary credentials of a role the user assumed.</summary>
        public Lazy<(string AccessKey, string SecretKey, string SessionToken)> Role { get; }
    }

    private readonly EnforcingMoto _fixture;

    public SigningTests(EnforcingMoto fixture)
    {
        fixture.LogName = nameof(SigningTests);
        _fixture = fixture;
    }

    private Aws.Session.AwsSession Session(bool rightSecret)
    {
        var (accessKey, secretKey) = _fixture.User.Value;
        return TestSessions.For(_fixture.Server.Endpoint, options: TestSessions.QuickRetries(1), accessKey: accessKey,
            secretKey: rightSecret ? secretKey : secretKey + "-wrong");
    }

    public static TheoryData<string> Protocols => new() { "awsJson1_0", "awsJson1_1", "awsQuery", "restJson1", "sts-sdk" };

    private static Task CallAsync(string protocol, Aws.Session.AwsSession session) => protocol switch
    {
        "awsJson1_0" => new CloudWatchClient(session).ListDashboardsAsync(new ListDashboardsRequest()),
        "awsJson1_1" => new ResourceGroupsTaggingClient(session).GetResourcesAsync(new GetResourcesRequest()),
        "awsQuery" => new RdsClient(session).DescribeDBInstancesAsync(new DescribeDBInstancesRequest()),
        "restJson1" => new GuardDutyClient(session).ListDetectorsAsync(new ListDetectorsRequest()),
        _ => CallerIdentityGateway.GetAsync(session, CancellationToken.None),
    };

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task CorrectlySignedRequestsAreAccepted(string protocol)
    {
        await CallAsync(protocol, Session(rightSecret: true));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task AWrongSecretIsRejectedAsSignatureDoesNotMatch(string protocol)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => CallAsync(protocol, Session(rightSecret: false)));
        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
        Assert.DoesNotContain(_fixture.User.Value.SecretKey, error.Message);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task TemporaryCredentialsAreAcceptedWithTheirSessionToken(string protocol)
    {
        var (accessKey, secretKey, sessionToken) = _fixture.Role.Value;
        await CallAsync(protocol, TestSessions.For(_fixture.Server.Endpoint, options: TestSessions.QuickRetries(1), accessKey: accessKey,
            secretKey: secretKey, sessionToken: sessionToken));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task TemporaryCredentialsWithAnotherSessionTokenAreRejected(string protocol)
    {
        var (accessKey, secretKey, sessionToken) = _fixture.Role.Value;
        var session = TestSessions.For(_fixture.Server.Endpoint, options: TestSessions.QuickRetries(1), accessKey: accessKey,
            secretKey: secretKey, sessionToken: sessionToken + "-other");
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => CallAsync(protocol, session));
        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
        Assert.DoesNotContain(sessionToken, error.Message);
    }

    [Fact]
    public async Task GlobalBudgetsIsSignedForUsEast1FromAnotherRegion()
    {
        var (accessKey, secretKey) = _fixture.User.Value;
        var session = TestSessions.For(_fixture.Server.Endpoint, "eu-central-1", TestSessions.QuickRetries(1), accessKey, secretKey);
        var budgets = new BudgetsClient(session);
        var response = await budgets.DescribeBudgetsAsync(new DescribeBudgetsRequest { AccountId = TestCredentials.MotoAccountId });
        Assert.Equal(200, response.HttpStatusCode);
    }
}
