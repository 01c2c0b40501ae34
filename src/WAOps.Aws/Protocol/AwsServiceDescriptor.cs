namespace WAOps.Aws.Protocol;

/// <summary>
/// The wire facts of one AWS service, taken from its botocore model: how to address it, sign for it and
/// frame its requests. Each service client declares one.
/// </summary>
public sealed record AwsServiceDescriptor
{
    /// <summary>The SDK service id (CloudWatch, Budgets, ...); also names the service in errors and verbose output.</summary>
    public required string ServiceId { get; init; }

    /// <summary>The host prefix of the regional endpoint (monitoring, budgets, tagging, rds, guardduty).</summary>
    public required string EndpointPrefix { get; init; }

    /// <summary>The SigV4 service name; usually the endpoint prefix.</summary>
    public string? SigningName { get; init; }

    public required string ApiVersion { get; init; }

    public required AwsProtocol Protocol { get; init; }

    /// <summary>The X-Amz-Target prefix of JSON protocols.</summary>
    public string? TargetPrefix { get; init; }

    /// <summary>
    /// For global services (Budgets, IAM): the single region that signs and hosts them in the aws partition.
    /// Null for regional services.
    /// </summary>
    public string? GlobalRegion { get; init; }

    /// <summary>
    /// The host of a global service in the aws partition when it is not "&lt;prefix&gt;.amazonaws.com"
    /// (Organizations: organizations.us-east-1.amazonaws.com).
    /// </summary>
    public string? GlobalHost { get; init; }

    /// <summary>
    /// JSON services that replaced awsQuery (CloudWatch, SQS) send x-amzn-query-mode and report the old
    /// query error codes in x-amzn-query-error; WAOps does what the AWS CLI does.
    /// </summary>
    public bool AwsQueryCompatible { get; init; }

    /// <summary>The suffix of the service-specific endpoint variable, AWS_ENDPOINT_URL_&lt;suffix&gt;.</summary>
    public required string EndpointEnvironmentSuffix { get; init; }

    public string EffectiveSigningName => SigningName ?? EndpointPrefix;
}
