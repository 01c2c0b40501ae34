using WAOps.Aws.Protocol;
using WAOps.Aws.Services.Budgets;
using WAOps.Aws.Services.CloudTrail;
using WAOps.Aws.Services.CloudWatch;
using WAOps.Aws.Services.Iam;
using WAOps.Aws.Services.Organizations;
using WAOps.Aws.Session;
using Xunit;

namespace WAOps.Aws.Tests.Protocol;

public sealed class AwsEndpointResolverTests
{
    private static AwsSession Session(string region, string? endpointUrl = null, params (string, string)[] env) =>
        AwsSessionResolver.Resolve(new AwsSessionRequest
        {
            AccessKey = "AKIDEXPLICIT00000001",
            SecretKey = "s",
            Region = region,
            EndpointUrl = endpointUrl,
            Environment = new DictionaryEnvironmentReader(env.ToDictionary(e => e.Item1, e => e.Item2)),
        });

    [Fact]
    public void RegionalServiceUsesTheRegionalPublicEndpoint()
    {
        var endpoint = AwsEndpointResolver.Resolve(Session("eu-west-1"), CloudWatchClient.Descriptor);
        Assert.Equal(new Uri("https://monitoring.eu-west-1.amazonaws.com"), endpoint.BaseUri);
        Assert.Equal("eu-west-1", endpoint.SigningRegion);
        Assert.Equal(EndpointSource.Default, endpoint.Source);
    }

    [Theory]
    [InlineData("iam", "https://iam.amazonaws.com")]
    [InlineData("organizations", "https://organizations.us-east-1.amazonaws.com")]
    public void IamAndOrganizationsAreGlobalWithTheirOwnHosts(string service, string expected)
    {
        var descriptor = service == "iam" ? IamClient.Descriptor : OrganizationsClient.Descriptor;
        var endpoint = AwsEndpointResolver.Resolve(Session("eu-central-1"), descriptor);
        Assert.Equal(new Uri(expected), endpoint.BaseUri);
        Assert.Equal("us-east-1", endpoint.SigningRegion);
    }

    [Fact]
    public void CloudTrailIsRegional()
    {
        var endpoint = AwsEndpointResolver.Resolve(Session("eu-central-1"), CloudTrailClient.Descriptor);
        Assert.Equal(new Uri("https://cloudtrail.eu-central-1.amazonaws.com"), endpoint.BaseUri);
        Assert.Equal("eu-central-1", endpoint.SigningRegion);
    }

    [Fact]
    public void ChinaRegionsUseTheirPartitionSuffix()
    {
        var endpoint = AwsEndpointResolver.Resolve(Session("cn-north-1"), CloudWatchClient.Descriptor);
        Assert.Equal(new Uri("https://monitoring.cn-north-1.amazonaws.com.cn"), endpoint.BaseUri);
    }

    [Fact]
    public void BudgetsIsGlobalAndSignedForUsEast1FromAnyRegion()
    {
        var endpoint = AwsEndpointResolver.Resolve(Session("ap-southeast-2"), BudgetsClient.Descriptor);
        Assert.Equal(new Uri("https://budgets.amazonaws.com"), endpoint.BaseUri);
        Assert.Equal("us-east-1", endpoint.SigningRegion);
    }

    [Fact]
    public void EndpointParameterAppliesToEveryServiceAndGlobalServicesKeepTheirSigningRegion()
    {
        var session = Session("eu-west-1", "http://127.0.0.1:5000", ("AWS_ENDPOINT_URL_BUDGETS", "http://127.0.0.1:6000"));
        var budgets = AwsEndpointResolver.Resolve(session, BudgetsClient.Descriptor);
        var cloudWatch = AwsEndpointResolver.Resolve(session, CloudWatchClient.Descriptor);

        Assert.Equal(new Uri("http://127.0.0.1:5000"), budgets.BaseUri);
        Assert.Equal("us-east-1", budgets.SigningRegion);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), cloudWatch.BaseUri);
        Assert.Equal("eu-west-1", cloudWatch.SigningRegion);
        Assert.Equal(EndpointSource.Parameter, cloudWatch.Source);
    }

    [Fact]
    public void ServiceSpecificVariableBeatsTheGeneralOne()
    {
        var session = Session("eu-west-1", null, ("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"), ("AWS_ENDPOINT_URL_BUDGETS", "http://127.0.0.1:6000"));
        Assert.Equal(new Uri("http://127.0.0.1:6000"), AwsEndpointResolver.Resolve(session, BudgetsClient.Descriptor).BaseUri);
        Assert.Equal(EndpointSource.ServiceEnvironment, AwsEndpointResolver.Resolve(session, BudgetsClient.Descriptor).Source);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), AwsEndpointResolver.Resolve(session, CloudWatchClient.Descriptor).BaseUri);
    }

    [Fact]
    public void IgnoreConfiguredEndpointUrlsTurnsOffVariables()
    {
        var session = Session("eu-west-1", null, ("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
        Assert.Equal(EndpointSource.Default, AwsEndpointResolver.Resolve(session, CloudWatchClient.Descriptor).Source);
    }
}
