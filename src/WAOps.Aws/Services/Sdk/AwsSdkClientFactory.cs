using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SQS;
using WAOps.Aws.Protocol;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.Sdk;

/// <summary>
/// Creates official AWSSDK clients (for the services whose packages are served) from a WAOps session, so
/// they use the same credentials, region, endpoint override and retry bound as WAOps' own protocol clients,
/// and report their calls to the same observer. Callers inside WAOps.Aws only: these types never leave it.
/// </summary>
internal static class AwsSdkClientFactory
{
    public static readonly AwsServiceDescriptor Ec2 = new()
    {
        ServiceId = "EC2",
        EndpointPrefix = "ec2",
        ApiVersion = "2016-11-15",
        Protocol = AwsProtocol.Ec2Query,
        EndpointEnvironmentSuffix = "EC2",
    };

    public static readonly AwsServiceDescriptor Sts = new()
    {
        ServiceId = "STS",
        EndpointPrefix = "sts",
        ApiVersion = "2011-06-15",
        Protocol = AwsProtocol.AwsQuery,
        EndpointEnvironmentSuffix = "STS",
    };

    public static readonly AwsServiceDescriptor S3 = new()
    {
        ServiceId = "S3",
        EndpointPrefix = "s3",
        ApiVersion = "2006-03-01",
        Protocol = AwsProtocol.RestJson1,
        EndpointEnvironmentSuffix = "S3",
    };

    public static readonly AwsServiceDescriptor DynamoDb = new()
    {
        ServiceId = "DynamoDB",
        EndpointPrefix = "dynamodb",
        ApiVersion = "2012-08-10",
        Protocol = AwsProtocol.AwsJson1_0,
        EndpointEnvironmentSuffix = "DYNAMODB",
    };

    public static readonly AwsServiceDescriptor Sqs = new()
    {
        ServiceId = "SQS",
        EndpointPrefix = "sqs",
        ApiVersion = "2012-11-05",
        Protocol = AwsProtocol.AwsJson1_0,
        EndpointEnvironmentSuffix = "SQS",
    };

    public static readonly AwsServiceDescriptor Kms = new()
    {
        ServiceId = "KMS",
        EndpointPrefix = "kms",
        ApiVersion = "2014-11-01",
        Protocol = AwsProtocol.AwsJson1_1,
        EndpointEnvironmentSuffix = "KMS",
    };

    public static AmazonS3Client CreateS3(AwsSession session)
    {
        var config = Configure(new AmazonS3Config(), session, S3);
        // An endpoint override (moto, a VPC endpoint by URL) cannot take bucket names as host names.
        config.ForcePathStyle = config.ServiceURL is not null;
        return Observe(new AmazonS3Client(session.Credentials, config), session, S3);
    }

    public static AmazonDynamoDBClient CreateDynamoDb(AwsSession session) =>
        Observe(new AmazonDynamoDBClient(session.Credentials, Configure(new AmazonDynamoDBConfig(), session, DynamoDb)), session, DynamoDb);

    public static AmazonSQSClient CreateSqs(AwsSession session) =>
        Observe(new AmazonSQSClient(session.Credentials, Configure(new AmazonSQSConfig(), session, Sqs)), session, Sqs);

    public static AmazonKeyManagementServiceClient CreateKms(AwsSession session) =>
        Observe(new AmazonKeyManagementServiceClient(session.Credentials, Configure(new AmazonKeyManagementServiceConfig(), session, Kms)), session, Kms);

    public static AmazonEC2Client CreateEc2(AwsSession session)
    {
        var config = Configure(new AmazonEC2Config(), session, Ec2);
        return Observe(new AmazonEC2Client(session.Credentials, config), session, Ec2);
    }

    /// <summary>An EC2 client for writes: each request on a fresh connection (see <see cref="FreshConnectionHttpClientFactory"/>).</summary>
    public static AmazonEC2Client CreateEc2ForWrites(AwsSession session)
    {
        var config = Configure(new AmazonEC2Config(), session, Ec2);
        config.HttpClientFactory = FreshConnectionHttpClientFactory.Instance;
        return Observe(new AmazonEC2Client(session.Credentials, config), session, Ec2);
    }

    public static AmazonSecurityTokenServiceClient CreateSts(AwsSession session)
    {
        var config = Configure(new AmazonSecurityTokenServiceConfig(), session, Sts);
        return Observe(new AmazonSecurityTokenServiceClient(session.Credentials, config), session, Sts);
    }

    /// <summary>The endpoint an SDK client of this service will call (for error messages).</summary>
    public static Uri EndpointOf(AwsSession session, AwsServiceDescriptor service) => AwsEndpointResolver.Resolve(session, service).BaseUri;

    private static T Configure<T>(T config, AwsSession session, AwsServiceDescriptor service)
        where T : ClientConfig
    {
        var endpoint = AwsEndpointResolver.OverrideFor(session, service);
        if (endpoint is { } url)
        {
            config.ServiceURL = url.Url.ToString();
            config.AuthenticationRegion = session.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(session.Region);
        }

        // AwsSdkCall retries (by WAOps' rules, visible in -Verbose); the SDK's own would multiply the attempts.
        // That includes the SDK's "stale connection" re-sends (10 by default, unseen): a write whose answer was lost
        // would be sent again without anyone knowing that the first one may have taken effect.
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = 0;
        config.MaxStaleConnectionRetries = 0;
        config.Timeout = session.CallOptions.Retry.AttemptTimeout;
        return config;
    }

    // Attempts and retries are reported by AwsSdkCall, which makes them (the SDK clients make one attempt per call).
    private static TClient Observe<TClient>(TClient client, AwsSession session, AwsServiceDescriptor service)
        where TClient : AmazonServiceClient => client;
}
