using WAOps.Engine.Monitoring;
using Xunit;

namespace WAOps.Engine.Tests.Monitoring;

/// <summary>What an ARN alone says about a resource to monitor: pure string work, no network.</summary>
public sealed class ArnClassifierTests
{
    private const string Account = "123456789012";

    private static ArnClassification Classify(string arn, string region = "eu-west-1") => ArnClassifier.Classify(new ResourceReference(arn, region));

    public static TheoryData<string, MonitoredKind, string, string, string> DescribedByTheArn => new()
    {
        { $"arn:aws:sqs:eu-west-1:{Account}:orders", MonitoredKind.SqsQueue, "orders", "QueueName=orders", "eu-west-1" },
        { $"arn:aws:lambda:eu-west-1:{Account}:function:api:live", MonitoredKind.LambdaFunction, "api", "FunctionName=api", "eu-west-1" },
        { $"arn:aws:autoscaling:eu-west-1:{Account}:autoScalingGroup:6d3a1b2c-1111-2222-3333-444455556666:autoScalingGroupName/workers", MonitoredKind.AutoScalingGroup, "workers", "AutoScalingGroupName=workers", "eu-west-1" },
        { $"arn:aws:cloudfront::{Account}:distribution/E2QWRUHEXAMPLE", MonitoredKind.CloudFrontDistribution, "E2QWRUHEXAMPLE", "DistributionId=E2QWRUHEXAMPLE", "us-east-1" },
        { $"arn:aws:dynamodb:eu-west-1:{Account}:table/carts", MonitoredKind.DynamoDbTable, "carts", "TableName=carts", "eu-west-1" },
        { $"arn:aws:sns:eu-west-1:{Account}:alerts", MonitoredKind.SnsTopic, "alerts", "TopicName=alerts", "eu-west-1" },
        { $"arn:aws:events:eu-west-1:{Account}:rule/orders-bus/on-order", MonitoredKind.EventBridgeRule, "orders-bus/on-order", "EventBusName=orders-bus,RuleName=on-order", "eu-west-1" },
        { $"arn:aws:events:eu-west-1:{Account}:rule/nightly", MonitoredKind.EventBridgeRule, "nightly", "RuleName=nightly", "eu-west-1" },
        { $"arn:aws:events:eu-west-1:{Account}:event-bus/orders-bus", MonitoredKind.EventBridgeBus, "orders-bus", "EventBusName=orders-bus", "eu-west-1" },
        { $"arn:aws:ec2:eu-west-1:{Account}:natgateway/nat-0abc", MonitoredKind.NatGateway, "nat-0abc", "NatGatewayId=nat-0abc", "eu-west-1" },
        { $"arn:aws:eks:eu-west-1:{Account}:cluster/main", MonitoredKind.EksCluster, "main", "ClusterName=main", "eu-west-1" },
        { "arn:aws:apigateway:eu-west-1::/apis/a1b2c3", MonitoredKind.ApiGatewayHttpApi, "a1b2c3", "ApiId=a1b2c3", "eu-west-1" },
        { "arn:aws:apigateway:eu-west-1::/apis/a1b2c3/stages/prod", MonitoredKind.ApiGatewayHttpApi, "a1b2c3/prod", "ApiId=a1b2c3,Stage=prod", "eu-west-1" },
    };

    [Theory]
    [MemberData(nameof(DescribedByTheArn))]
    public void KindsTheArnDescribesGetTheirNameDimensionsAndRegion(string arn, MonitoredKind kind, string name, string dimensions, string region)
    {
        var classified = Classify(arn);
        Assert.Equal(ArnClass.Described, classified.Class);
        var resource = classified.Resource!;
        Assert.Equal((kind, name, region, arn), (resource.Kind, resource.Name, resource.Region, resource.Arn));
        Assert.Equal(dimensions, string.Join(",", resource.Dimensions.Select(d => $"{d.Name}={d.Value}")));
    }

    public static TheoryData<string, ArnClass, string?, string?> NeedARead => new()
    {
        { $"arn:aws:elasticloadbalancing:eu-west-1:{Account}:loadbalancer/app/web/50dc6c495c0c9188", ArnClass.LoadBalancer, null, null },
        { $"arn:aws:elasticloadbalancing:eu-west-1:{Account}:loadbalancer/net/tcp/50dc6c495c0c9188", ArnClass.LoadBalancer, null, null },
        { $"arn:aws:elasticloadbalancing:eu-west-1:{Account}:targetgroup/web/73e2d6bc24d8a067", ArnClass.TargetGroup, null, null },
        { $"arn:aws:ecs:eu-west-1:{Account}:cluster/main", ArnClass.EcsCluster, "main", null },
        { $"arn:aws:ecs:eu-west-1:{Account}:service/main/checkout", ArnClass.EcsService, "main", "checkout" },
        { $"arn:aws:elasticache:eu-west-1:{Account}:cluster:sessions-001", ArnClass.CacheCluster, "sessions-001", null },
        { $"arn:aws:elasticache:eu-west-1:{Account}:replicationgroup:sessions", ArnClass.ReplicationGroup, "sessions", null },
        { $"arn:aws:rds:eu-west-1:{Account}:db:orders", ArnClass.DbInstance, "orders", null },
        { $"arn:aws:rds:eu-west-1:{Account}:cluster:orders-aurora", ArnClass.DbCluster, "orders-aurora", null },
        { "arn:aws:s3:::shop-assets", ArnClass.Bucket, "shop-assets", null },
        { "arn:aws:apigateway:eu-west-1::/restapis/r2d2", ArnClass.RestApi, "r2d2", null },
        { "arn:aws:apigateway:eu-west-1::/restapis/r2d2/stages/prod", ArnClass.RestApi, "r2d2", "prod" },
    };

    [Theory]
    [MemberData(nameof(NeedARead))]
    public void KindsThatNeedAReadComeBackWithTheirKeys(string arn, ArnClass expected, string? key, string? key2)
    {
        var classified = Classify(arn);
        Assert.Equal((expected, key, key2), (classified.Class, classified.Key, classified.Key2));
        Assert.Null(classified.Resource);
        Assert.Equal("eu-west-1", classified.Region);
    }

    [Fact]
    public void AnArnWithoutARegionTakesTheRegionItWasFoundIn()
    {
        Assert.Equal("ap-south-1", Classify("arn:aws:s3:::shop-assets", "ap-south-1").Region);
        Assert.Equal("us-east-1", Classify($"arn:aws:cloudfront::{Account}:distribution/E1", "ap-south-1").Region);
    }

    [Theory]
    [InlineData("not an arn", "it is not an ARN.")]
    [InlineData("arn:aws:s3:::shop-assets/logo.png", "New-WADashboard has no widgets or alarms for")]
    [InlineData("arn:aws:dynamodb:eu-west-1:123456789012:table/carts/index/by-user", "New-WADashboard has no widgets or alarms for")]
    [InlineData("arn:aws:sns:eu-west-1:123456789012:alerts:5f2b3c1d-aaaa-bbbb-cccc-ddddeeeeffff", "New-WADashboard has no widgets or alarms for")]
    [InlineData("arn:aws:apigateway:eu-west-1::/restapis/r2d2/resources/abc", "monitors API Gateway APIs and stages")]
    [InlineData("arn:aws:ecs:eu-west-1:123456789012:service/checkout", "old format without the cluster name")]
    [InlineData("arn:aws:iam::123456789012:role/app", "New-WADashboard has no widgets or alarms for")]
    public void WhatIsNotMonitoredIsLeftOutWithTheReason(string arn, string reason)
    {
        var classified = Classify(arn);
        Assert.Equal(ArnClass.Ignored, classified.Class);
        Assert.Contains(reason, classified.Reason);
    }
}
