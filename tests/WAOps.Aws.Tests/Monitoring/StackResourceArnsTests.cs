using WAOps.Aws.Monitoring;
using Xunit;

namespace WAOps.Aws.Tests.Monitoring;

public sealed class StackResourceArnsTests
{
    [Theory]
    [InlineData("AWS::SQS::Queue", "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs", "arn:aws:sqs:eu-west-1:123456789012:jobs")]
    [InlineData("AWS::Lambda::Function", "orders-api", "arn:aws:lambda:eu-west-1:123456789012:function:orders-api")]
    [InlineData("AWS::DynamoDB::Table", "carts", "arn:aws:dynamodb:eu-west-1:123456789012:table/carts")]
    [InlineData("AWS::S3::Bucket", "assets", "arn:aws:s3:::assets")]
    [InlineData("AWS::SNS::Topic", "arn:aws:sns:eu-west-1:123456789012:news", "arn:aws:sns:eu-west-1:123456789012:news")]
    [InlineData("AWS::ECS::Cluster", "main", "arn:aws:ecs:eu-west-1:123456789012:cluster/main")]
    [InlineData("AWS::ECS::Service", "arn:aws:ecs:eu-west-1:123456789012:service/main/web", "arn:aws:ecs:eu-west-1:123456789012:service/main/web")]
    [InlineData("AWS::EKS::Cluster", "platform", "arn:aws:eks:eu-west-1:123456789012:cluster/platform")]
    [InlineData("AWS::ElastiCache::CacheCluster", "sessions", "arn:aws:elasticache:eu-west-1:123456789012:cluster:sessions")]
    [InlineData("AWS::ElastiCache::ReplicationGroup", "sessions", "arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:sessions")]
    [InlineData("AWS::RDS::DBInstance", "pg", "arn:aws:rds:eu-west-1:123456789012:db:pg")]
    [InlineData("AWS::RDS::DBCluster", "orders", "arn:aws:rds:eu-west-1:123456789012:cluster:orders")]
    [InlineData("AWS::CloudFront::Distribution", "E2QWRUHEXAMPLE", "arn:aws:cloudfront::123456789012:distribution/E2QWRUHEXAMPLE")]
    [InlineData("AWS::ApiGateway::RestApi", "a1b2c3", "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3")]
    [InlineData("AWS::ApiGatewayV2::Api", "h1t2p3", "arn:aws:apigateway:eu-west-1::/apis/h1t2p3")]
    [InlineData("AWS::Events::Rule", "nightly", "arn:aws:events:eu-west-1:123456789012:rule/nightly")]
    [InlineData("AWS::Events::Rule", "partners|order-placed", "arn:aws:events:eu-west-1:123456789012:rule/partners/order-placed")]
    [InlineData("AWS::EC2::NatGateway", "nat-0abc", "arn:aws:ec2:eu-west-1:123456789012:natgateway/nat-0abc")]
    [InlineData("AWS::ElasticLoadBalancingV2::LoadBalancer", "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1", "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1")]
    public void PhysicalIdsBecomeArns(string type, string physicalId, string arn) =>
        Assert.Equal(arn, StackResourceArns.ToArn(type, physicalId, "aws", "eu-west-1", "123456789012"));

    [Theory]
    [InlineData("AWS::EC2::SecurityGroup", "sg-1")]
    [InlineData("AWS::IAM::Role", "arn:aws:iam::123456789012:role/x")]
    [InlineData("AWS::AutoScaling::AutoScalingGroup", "workers")]
    [InlineData("AWS::SQS::Queue", "")]
    public void KindsWithoutWidgetsAndGroupsByNameGiveNoArn(string type, string physicalId) =>
        Assert.Null(StackResourceArns.ToArn(type, physicalId, "aws", "eu-west-1", "123456789012"));
}
