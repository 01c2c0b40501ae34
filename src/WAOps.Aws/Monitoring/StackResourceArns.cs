using WAOps.Engine.Inventory;

namespace WAOps.Aws.Monitoring;

/// <summary>
/// Turns a CloudFormation stack resource (its type and physical id) into the resource's ARN, for the types
/// New-WADashboard monitors. The physical id is an ARN for some types (load balancers, target groups, ECS services,
/// SNS topics), a URL for SQS queues, a name or an id for the rest. Types it does not monitor give null, and so do
/// Auto Scaling groups: their ARN holds a UUID the stack does not know, so discovery looks their names up.
/// </summary>
public static class StackResourceArns
{
    public const string NestedStackType = "AWS::CloudFormation::Stack";
    public const string AutoScalingGroupType = "AWS::AutoScaling::AutoScalingGroup";

    public static string? ToArn(string resourceType, string physicalId, string partition, string region, string account)
    {
        if (string.IsNullOrWhiteSpace(physicalId))
        {
            return null;
        }

        if (Arn.TryParse(physicalId, out _))
        {
            return resourceType is "AWS::ElasticLoadBalancingV2::LoadBalancer" or "AWS::ElasticLoadBalancingV2::TargetGroup" or "AWS::ECS::Service"
                or "AWS::SNS::Topic" or "AWS::Events::Rule" or "AWS::Events::EventBus" or "AWS::ECS::Cluster" or "AWS::Lambda::Function"
                or AutoScalingGroupType or "AWS::DynamoDB::Table"
                ? physicalId
                : null;
        }

        string Regional(string service, string resource) => $"arn:{partition}:{service}:{region}:{account}:{resource}";
        return resourceType switch
        {
            "AWS::CloudFront::Distribution" => $"arn:{partition}:cloudfront::{account}:distribution/{physicalId}",
            "AWS::ApiGateway::RestApi" => $"arn:{partition}:apigateway:{region}::/restapis/{physicalId}",
            "AWS::ApiGatewayV2::Api" => $"arn:{partition}:apigateway:{region}::/apis/{physicalId}",
            "AWS::ECS::Cluster" => Regional("ecs", $"cluster/{physicalId}"),
            "AWS::EKS::Cluster" => Regional("eks", $"cluster/{physicalId}"),
            "AWS::Lambda::Function" => Regional("lambda", $"function:{physicalId}"),
            "AWS::ElastiCache::CacheCluster" => Regional("elasticache", $"cluster:{physicalId}"),
            "AWS::ElastiCache::ReplicationGroup" => Regional("elasticache", $"replicationgroup:{physicalId}"),
            "AWS::RDS::DBInstance" => Regional("rds", $"db:{physicalId}"),
            "AWS::RDS::DBCluster" => Regional("rds", $"cluster:{physicalId}"),
            "AWS::DynamoDB::Table" => Regional("dynamodb", $"table/{physicalId}"),
            "AWS::S3::Bucket" => $"arn:{partition}:s3:::{physicalId}",
            "AWS::SQS::Queue" => Regional("sqs", QueueName(physicalId)),
            "AWS::SNS::Topic" => Regional("sns", physicalId),
            // A rule on a custom bus has the physical id "bus|rule".
            "AWS::Events::Rule" => Regional("events", "rule/" + physicalId.Replace('|', '/')),
            "AWS::Events::EventBus" => Regional("events", $"event-bus/{physicalId}"),
            "AWS::EC2::NatGateway" => Regional("ec2", $"natgateway/{physicalId}"),
            _ => null,
        };
    }

    /// <summary>https://sqs.eu-west-1.amazonaws.com/123456789012/orders -> orders.</summary>
    private static string QueueName(string physicalId)
    {
        var slash = physicalId.TrimEnd('/').LastIndexOf('/');
        return slash >= 0 ? physicalId.TrimEnd('/')[(slash + 1)..] : physicalId;
    }
}
