using WAOps.Engine.Gates;
using Xunit;
using static WAOps.Engine.Tests.Templates.TemplateFixtures;

namespace WAOps.Engine.Tests.Templates;

/// <summary>The realistic templates under tests/Templates, each judged by every rule: the verdicts their authors' choices call for.</summary>
public sealed class TemplateCorpusTests
{
    [Fact]
    public void ReferenceWorkloadBreaksTheMarkedGatesAtTheirLines()
    {
        var path = ReferenceWorkload;
        var findings = Judge(path);
        var database = findings.One("rds-instance-multi-az", "Database");
        Assert.Equal(GateStatus.Fail, database.Status);
        // The finding points at the property that breaks the gate, with its path.
        Assert.Equal(LineOf(path, "      MultiAZ: false"), database.Location!.Line);
        Assert.Equal(7, database.Location.Column);
        Assert.Equal("Properties.MultiAZ", database.Location.PropertyPath);
        Assert.Equal(path, database.Location.File);
        // A rule about the resource as a whole points at the resource.
        Assert.Equal(LineOf(path, "  AssetsBucket:"), findings.One("s3-bucket-secure-transport", "AssetsBucket").Location!.Line);
        Assert.Equal(GateStatus.Fail, findings.One("rds-private-subnets", "Database").Status);
        Assert.Contains("DataSubnetB is public", findings.One("rds-private-subnets", "Database").Reason);
        Assert.Equal(GateStatus.Fail, findings.One("elb-listener-tls", "HttpListener").Status);
        Assert.Equal(GateStatus.Fail, findings.One("s3-bucket-secure-transport", "AssetsBucket").Status);
        Assert.Equal(GateStatus.Fail, findings.One("tags-required", "OrderQueue").Status);
        Assert.Contains("CostCenter", findings.One("tags-required", "OrderQueue").Reason);
        Assert.Equal(GateStatus.Pass, findings.One("elasticache-multi-az", "Cache").Status);
        Assert.Equal(GateStatus.Pass, findings.One("subnet-no-auto-public-ip", "DataSubnetB").Status);
        Assert.Equal(GateStatus.Fail, findings.One("subnet-no-auto-public-ip", "PublicSubnetA").Status);
        Assert.Equal(GateStatus.Pass, findings.One("iac-cost-estimate", "reference-workload.yaml").Status);
        Assert.Contains("1450 USD", findings.One("iac-cost-estimate", "reference-workload.yaml").Reason);
    }

    [Fact]
    public void ParameterOverridesChangeConditionsAndTheVerdictsThatDependOnThem()
    {
        var dev = Judge(ReferenceWorkload, new Dictionary<string, string> { ["Environment"] = "dev" });
        // Outside production the Multi-AZ gate does not apply, and the cache's !If gives MultiAZ=false.
        Assert.Equal(GateStatus.NotApplicable, dev.One("elasticache-multi-az", "Cache").Status);
        var all = Judge(ReferenceWorkload, new Dictionary<string, string> { ["Environment"] = "dev" }, options: new GateOptions { AllEnvironments = true });
        Assert.Equal(GateStatus.Fail, all.One("elasticache-multi-az", "Cache").Status);
        Assert.Contains("MultiAZ=disabled", all.One("elasticache-multi-az", "Cache").Reason);
    }

    [Fact]
    public void JsonThreeTierNetworkResolvesMappingsJoinsAndRouting()
    {
        var path = Corpus("cloudformation/three-tier-vpc.json");
        var findings = Judge(path, region: "eu-west-1");
        Assert.Equal(GateStatus.Pass, findings.One("ec2-instance-private-subnet", "Worker").Status);
        Assert.Equal(GateStatus.Pass, findings.One("ec2-instance-no-public-ip", "Worker").Status);
        Assert.Equal(GateStatus.Pass, findings.One("vpc-gateway-endpoint-s3", "Vpc").Status);
        Assert.Equal(GateStatus.Fail, findings.One("vpc-gateway-endpoint-dynamodb", "Vpc").Status);
        Assert.Equal(GateStatus.Pass, findings.One("ebs-volume-encrypted", "Scratch").Status);
        Assert.Equal(GateStatus.Fail, findings.One("subnet-no-auto-public-ip", "PublicA").Status);
        var dev = Judge(path, new Dictionary<string, string> { ["Environment"] = "dev" }, "eu-west-1");
        Assert.Equal(GateStatus.Fail, dev.One("ebs-volume-encrypted", "Scratch").Status);
        Assert.Equal(GateStatus.Pass, findings.One("iac-cost-estimate", "three-tier-vpc.json").Status);
    }

    [Fact]
    public void AuroraReaderExistsOnlyInProductionAndMakesTheClusterMultiAz()
    {
        var path = Corpus("cloudformation/aurora-cluster.yaml");
        var subnets = new Dictionary<string, string> { ["SubnetA"] = "subnet-0a", ["SubnetB"] = "subnet-0b" };
        var staging = Judge(path, subnets, options: new GateOptions { AllEnvironments = true });
        Assert.Equal(GateStatus.Fail, staging.One("rds-cluster-multi-az", "Cluster").Status);
        Assert.DoesNotContain(staging, f => f.ResourceId == "Reader");
        var prod = Judge(path, new Dictionary<string, string>(subnets) { ["Environment"] = "prod" });
        Assert.Equal(GateStatus.Pass, prod.One("rds-cluster-multi-az", "Cluster").Status);
        Assert.Equal(GateStatus.Pass, prod.One("rds-storage-encrypted", "Cluster").Status);
        // The subnets come from parameters: whether they are public is not in the template.
        Assert.Equal(GateStatus.Unknown, prod.One("rds-private-subnets", "Writer").Status);
        Assert.Equal(GateStatus.Fail, prod.One("iac-cost-estimate", "aurora-cluster.yaml").Status);
    }

    [Fact]
    public void SamTemplateIsJudgedUnexpandedWithTheGeneratedRoleUnknown()
    {
        var path = Corpus("cloudformation/serverless-api.yaml");
        var read = WAOps.Engine.Templates.TemplateReader.Read(path, new WAOps.Engine.Templates.TemplateReadOptions());
        Assert.Contains(read.Notes, n => n.Contains("QuoteApi (AWS::Serverless::HttpApi)", StringComparison.Ordinal));
        var findings = Judge(path);
        var role = findings.One("iam-no-wildcard-action", "QuoteFunctionRole");
        Assert.Equal(GateStatus.Unknown, role.Status);
        Assert.Contains("AWS::Serverless-2016-10-31 transform", role.Reason);
        Assert.Equal(LineOf(path, "      Policies:"), role.Location!.Line);
        Assert.Equal(GateStatus.Pass, findings.One("tags-required", "QuoteFunction").Status);
        Assert.Equal(GateStatus.Pass, findings.One("dynamodb-table-encryption", "QuotesTable").Status);
    }

    [Fact]
    public void BucketPolicyBuiltFromGetAttAndSubDeniesPlainHttp()
    {
        var path = Corpus("cloudformation/static-site.yaml");
        var findings = Judge(path);
        Assert.Equal(GateStatus.Pass, findings.One("s3-bucket-secure-transport", "www-example-site-assets").Status);
        Assert.Equal(GateStatus.Fail, findings.One("s3-bucket-secure-transport", "LogsBucket").Status);
        Assert.Equal(GateStatus.Fail, findings.One("tags-required", "LogsBucket").Status);
    }

    [Fact]
    public void IamRolesAndPoliciesAreJudgedPerStatementWithPartialArnsKept()
    {
        var path = Corpus("cloudformation/iam-roles.yaml");
        var findings = Judge(path);
        Assert.Equal(GateStatus.Pass, findings.One("iam-no-wildcard-resource", "DeployRole").Status);
        var ops = findings.One("iam-no-wildcard-action", "OpsRole");
        Assert.Equal(GateStatus.Fail, ops.Status);
        Assert.True(ops.Location!.Line > LineOf(path, "  OpsPolicy:"), $"the finding points into OpsPolicy, not line {ops.Location.Line}");
        Assert.Equal(GateStatus.Fail, findings.One("iam-no-not-action", "ReadOnlyish").Status);
    }

    [Fact]
    public void ConditionsAndNoValueDecideEncryptionAndTheSidecarGivesTheEstimate()
    {
        var path = Corpus("cloudformation/messaging.json");
        var dev = Judge(path);
        Assert.Equal(GateStatus.Fail, dev.One("sns-topic-encrypted", "Events").Status);
        Assert.Equal(GateStatus.Fail, dev.One("sqs-queue-encrypted", "DeadLetters").Status);
        Assert.Equal(GateStatus.Pass, dev.One("sqs-queue-encrypted", "Deliveries").Status);
        Assert.Equal(GateStatus.Pass, dev.One("dynamodb-table-encryption", "Dedupe").Status);
        var estimate = dev.One("iac-cost-estimate", "messaging.json");
        Assert.Equal(GateStatus.Pass, estimate.Status);
        Assert.Contains("messaging.cost.json", estimate.Reason);
        var prod = Judge(path, new Dictionary<string, string> { ["Environment"] = "prod", ["KmsKeyArn"] = "arn:aws:kms:us-east-1:111122223333:key/1" });
        Assert.Equal(GateStatus.Pass, prod.One("sns-topic-encrypted", "Events").Status);
        Assert.Contains("KmsMasterKeyId=arn:aws:kms", prod.One("sqs-queue-encrypted", "Deliveries").Reason);
    }

    [Fact]
    public void MountTargetsInParameterSubnetsLeaveTheZonesUnknown()
    {
        var path = Corpus("cloudformation/efs-shared-storage.yaml");
        var findings = Judge(path, new Dictionary<string, string> { ["Subnets"] = "subnet-1,subnet-2" });
        Assert.Equal(GateStatus.Unknown, findings.One("efs-multi-az", "Uploads").Status);
        Assert.Equal(GateStatus.Pass, findings.One("efs-encrypted", "Uploads").Status);
        Assert.Equal(GateStatus.Fail, findings.One("efs-encrypted", "Archive").Status);
        Assert.Equal(GateStatus.NotApplicable, findings.One("efs-multi-az", "Archive").Status);
    }

    [Fact]
    public void ListenersWithTlsPolicyRedirectAndPlainHttp()
    {
        var findings = Judge(Corpus("cloudformation/alb-https.yaml"));
        Assert.Equal(GateStatus.Pass, findings.One("elb-listener-tls", "Https").Status);
        Assert.Equal(GateStatus.Pass, findings.One("elb-listener-tls", "HttpRedirect").Status);
        Assert.Equal(GateStatus.Fail, findings.One("elb-listener-tls", "AdminHttp").Status);
    }

    [Fact]
    public void AuditBaselineTrailIsJudgedForTheAccount()
    {
        var findings = Judge(Corpus("cloudformation/audit-baseline.yaml"));
        var trail = findings.Single(f => f.RuleId == "cloudtrail-enabled");
        Assert.Equal(GateStatus.Pass, trail.Status);
        Assert.Contains("multi-region, logging, log file validation, all management events", trail.Reason);
        Assert.DoesNotContain(findings, f => f.RuleId is "guardduty-enabled" or "ebs-default-encryption");
    }

    [Fact]
    public void NestedIntrinsicsResolveThroughIfJoinSubSelectSplitAndFindInMap()
    {
        var path = Corpus("cloudformation/nested-intrinsics.yaml");
        var findings = Judge(path);
        // The Environment tag is known but CostCenter is built from AWS::AccountId, so the tags as a whole are not:
        // whether the cache is production cannot be told, and the production-only rule says so.
        Assert.Equal(GateStatus.Unknown, findings.One("elasticache-multi-az", "SessionCache").Status);
        var judged = Judge(path, options: new GateOptions { AllEnvironments = true });
        Assert.Equal(GateStatus.Pass, judged.One("elasticache-multi-az", "SessionCache").Status);
        Assert.Equal(GateStatus.Pass, findings.One("elasticache-encrypted-in-transit", "SessionCache").Status);
        // The CostCenter tag is built from AWS::AccountId: the tags are not known, never a pass.
        var tags = findings.One("tags-required", "SessionCache");
        Assert.Equal(GateStatus.Unknown, tags.Status);
        Assert.Contains("AWS::AccountId", tags.Reason);
        var noFailover = Judge(path, new Dictionary<string, string> { ["EnableFailover"] = "no" }, options: new GateOptions { AllEnvironments = true });
        Assert.Equal(GateStatus.Fail, noFailover.One("elasticache-multi-az", "SessionCache").Status);
        var dev = Judge(path, new Dictionary<string, string> { ["Environment"] = "dev" });
        Assert.DoesNotContain(dev, f => f.ResourceId == "SessionCache");
    }

    [Fact]
    public void LegacyBoxIsPublicUnencryptedAndMisTagged()
    {
        var findings = Judge(Corpus("cloudformation/legacy-ec2.yaml"));
        Assert.Equal(GateStatus.Fail, findings.One("ec2-instance-no-public-ip", "Box").Status);
        Assert.Equal(GateStatus.Fail, findings.One("ec2-instance-private-subnet", "Box").Status);
        Assert.Equal(GateStatus.Fail, findings.One("ebs-volume-encrypted", "Data").Status);
        Assert.Equal(GateStatus.Fail, findings.One("rds-not-publicly-accessible", "Db").Status);
        Assert.Equal(GateStatus.Fail, findings.One("rds-storage-encrypted", "Db").Status);
        Assert.Contains("mis-cased", findings.One("tags-required", "Box").Reason);
    }
}
