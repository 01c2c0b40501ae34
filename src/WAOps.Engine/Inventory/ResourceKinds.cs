using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Inventory;

/// <summary>
/// The kinds the inventory models with typed properties. Collectors (live, templates) create resources of these
/// kinds with the matching properties class; rules name the kinds they apply to.
/// </summary>
public static class ResourceKinds
{
    public static readonly ResourceKind Account = new("aws:account", null, typeof(AccountProperties),
        "The AWS account itself (account-wide settings such as CloudTrail).");

    public static readonly ResourceKind AccountRegion = new("aws:account-region", null, typeof(AccountRegionProperties),
        "One region of an account (regional account settings such as EBS default encryption and GuardDuty).");

    public static readonly ResourceKind Project = new("aws:project", null, typeof(ProjectProperties),
        "A project: the resources of an account sharing one value of the Project tag.");

    public static readonly ResourceKind Template = new("aws:template", null, typeof(TemplateProperties),
        "A CloudFormation template or Terraform plan as a whole (its cost estimate).");

    public static readonly ResourceKind Vpc = new("ec2:vpc", "AWS::EC2::VPC", typeof(VpcProperties), "A VPC.");

    public static readonly ResourceKind Subnet = new("ec2:subnet", "AWS::EC2::Subnet", typeof(SubnetProperties), "A subnet.");

    public static readonly ResourceKind RouteTable = new("ec2:route-table", "AWS::EC2::RouteTable", typeof(RouteTableProperties), "A route table.");

    public static readonly ResourceKind VpcEndpoint = new("ec2:vpc-endpoint", "AWS::EC2::VPCEndpoint", typeof(VpcEndpointProperties), "A gateway or interface VPC endpoint.");

    public static readonly ResourceKind Instance = new("ec2:instance", "AWS::EC2::Instance", typeof(InstanceProperties), "An EC2 instance.");

    public static readonly ResourceKind Volume = new("ec2:volume", "AWS::EC2::Volume", typeof(VolumeProperties), "An EBS volume.");

    public static readonly ResourceKind DbInstance = new("rds:db", "AWS::RDS::DBInstance", typeof(DbInstanceProperties), "An RDS DB instance (also each instance of an Aurora cluster).");

    public static readonly ResourceKind DbCluster = new("rds:cluster", "AWS::RDS::DBCluster", typeof(DbClusterProperties), "An Aurora or Multi-AZ DB cluster.");

    public static readonly ResourceKind CacheReplicationGroup = new("elasticache:replicationgroup", "AWS::ElastiCache::ReplicationGroup", typeof(CacheReplicationGroupProperties), "An ElastiCache (Redis OSS / Valkey) replication group.");

    public static readonly ResourceKind FileSystem = new("elasticfilesystem:file-system", "AWS::EFS::FileSystem", typeof(FileSystemProperties), "An EFS file system.");

    public static readonly ResourceKind LoadBalancer = new("elasticloadbalancing:loadbalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", typeof(LoadBalancerProperties), "An application, network or gateway load balancer.");

    public static readonly ResourceKind Listener = new("elasticloadbalancing:listener", "AWS::ElasticLoadBalancingV2::Listener", typeof(ListenerProperties), "A load balancer listener.");

    public static readonly ResourceKind TargetGroup = new("elasticloadbalancing:targetgroup", "AWS::ElasticLoadBalancingV2::TargetGroup", typeof(TargetGroupProperties), "A load balancer target group.");

    public static readonly ResourceKind Bucket = new("s3:bucket", "AWS::S3::Bucket", typeof(BucketProperties), "An S3 bucket.");

    public static readonly ResourceKind Table = new("dynamodb:table", "AWS::DynamoDB::Table", typeof(TableProperties), "A DynamoDB table.");

    public static readonly ResourceKind Queue = new("sqs:queue", "AWS::SQS::Queue", typeof(QueueProperties), "An SQS queue.");

    public static readonly ResourceKind Topic = new("sns:topic", "AWS::SNS::Topic", typeof(TopicProperties), "An SNS topic.");

    public static readonly ResourceKind Function = new("lambda:function", "AWS::Lambda::Function", typeof(FunctionProperties), "A Lambda function.");

    public static readonly ResourceKind ManagedPolicy = new("iam:policy", "AWS::IAM::ManagedPolicy", typeof(ManagedPolicyProperties), "A customer-managed IAM policy.");

    public static readonly ResourceKind Role = new("iam:role", "AWS::IAM::Role", typeof(PrincipalProperties), "An IAM role (its inline policies).");

    public static readonly ResourceKind User = new("iam:user", "AWS::IAM::User", typeof(PrincipalProperties), "An IAM user (its inline policies).");

    public static readonly ResourceKind Group = new("iam:group", "AWS::IAM::Group", typeof(PrincipalProperties), "An IAM group (its inline policies).");

    public static readonly ResourceKind Trail = new("cloudtrail:trail", "AWS::CloudTrail::Trail", typeof(TrailProperties), "A CloudTrail trail.");

    public static readonly ResourceKind Detector = new("guardduty:detector", "AWS::GuardDuty::Detector", typeof(DetectorProperties), "A GuardDuty detector.");

    public static readonly ResourceKind Budget = new("budgets:budget", "AWS::Budgets::Budget", typeof(BudgetProperties), "An AWS Budgets budget.");

    public static readonly ResourceKind KmsKey = new("kms:key", "AWS::KMS::Key", typeof(KmsKeyProperties), "A KMS key that resources are encrypted with.");

    public static IReadOnlyList<ResourceKind> All { get; } = new[]
    {
        Account, AccountRegion, Project, Template, Vpc, Subnet, RouteTable, VpcEndpoint, Instance, Volume, DbInstance, DbCluster,
        CacheReplicationGroup, FileSystem, LoadBalancer, Listener, TargetGroup, Bucket, Table, Queue, Topic, Function,
        ManagedPolicy, Role, User, Group, Trail, Detector, Budget, KmsKey,
    };

    private static readonly Dictionary<string, ResourceKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, ResourceKind> ByCloudFormationType = All
        .Where(k => k.CloudFormationType is not null)
        .ToDictionary(k => k.CloudFormationType!, StringComparer.Ordinal);

    public static ResourceKind? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The kind a CloudFormation resource type stands for (AWS::EC2::Subnet -> ec2:subnet); null if not modelled.</summary>
    public static ResourceKind? FromCloudFormationType(string type) => ByCloudFormationType.GetValueOrDefault(type);
}
