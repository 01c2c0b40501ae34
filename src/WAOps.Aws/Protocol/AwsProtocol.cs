namespace WAOps.Aws.Protocol;

/// <summary>The AWS wire protocols WAOps speaks itself (services without an official package served here).</summary>
public enum AwsProtocol
{
    /// <summary>awsJson1_0: POST /, X-Amz-Target, application/x-amz-json-1.0 (CloudWatch, DynamoDB, SQS).</summary>
    AwsJson1_0,

    /// <summary>awsJson1_1: as 1.0 with application/x-amz-json-1.1 (Budgets, Tagging, ECS, CloudTrail, Logs).</summary>
    AwsJson1_1,

    /// <summary>awsQuery: form-encoded Action/Version, XML responses (RDS, IAM, SNS, ELBv2, ElastiCache).</summary>
    AwsQuery,

    /// <summary>restJson1: HTTP verbs and paths, JSON bodies (GuardDuty, Lambda, EFS, EKS).</summary>
    RestJson1,

    /// <summary>The EC2 query dialect; spoken by the official AWSSDK.EC2 package, not by WAOps itself.</summary>
    Ec2Query,
}
