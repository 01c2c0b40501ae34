using WAOps.Engine.Gates;
using WAOps.Engine.Templates;
using Xunit;
using static WAOps.Engine.Tests.Templates.TemplateFixtures;

namespace WAOps.Engine.Tests.Templates;

/// <summary>Terraform plans: modules, count instances, module outputs, tags_all, and values known only after apply.</summary>
public sealed class TerraformPlanReaderTests
{
    [Fact]
    public void PlanWithANetworkModuleIsJudgedLikeTheTemplateItWouldBe()
    {
        var path = Corpus("terraform/network-and-db.plan.json");
        var read = TemplateReader.Read(path, new TemplateReadOptions { Region = "eu-west-1" });
        Assert.Equal(TemplateFormat.TerraformPlan, read.Format);
        var findings = Judge(path, region: "eu-west-1");

        // The batch instance lands in public_subnet_ids[0] (a module output) whose subnet maps public IPs.
        Assert.Equal(GateStatus.Fail, findings.One("ec2-instance-no-public-ip", "aws_instance.batch").Status);
        Assert.Equal(GateStatus.Fail, findings.One("ec2-instance-private-subnet", "aws_instance.batch").Status);
        Assert.Contains("module.network.aws_internet_gateway.this", findings.One("ec2-instance-private-subnet", "aws_instance.batch").Reason);

        // The DB's subnet group uses the private subnets (through the module's output), which route through the main table only.
        Assert.Equal(GateStatus.Pass, findings.One("rds-private-subnets", "aws_db_instance.ledger").Status);
        Assert.Equal(GateStatus.Fail, findings.One("rds-instance-multi-az", "aws_db_instance.ledger").Status);
        Assert.Equal(GateStatus.Pass, findings.One("rds-storage-encrypted", "aws_db_instance.ledger").Status);

        // tags_all carries the provider's default_tags; the public subnet's Tier-only tags miss CostCenter.
        Assert.Equal(GateStatus.Pass, findings.One("tags-required", "module.network.aws_subnet.private[0]").Status);
        Assert.Equal(GateStatus.Fail, findings.One("tags-required", "module.network.aws_subnet.public[0]").Status);

        // The only compute runs in the public subnet: the endpoint rules have no private compute to judge.
        Assert.Equal(GateStatus.NotApplicable, findings.One("vpc-gateway-endpoint-s3", "module.network.aws_vpc.this").Status);

        var finding = findings.One("rds-instance-multi-az", "aws_db_instance.ledger");
        // The finding points at the plan attribute behind the verdict (multi_az of the ledger instance).
        Assert.Equal(LineOf(path, "\"multi_az\": false"), finding.Location!.Line);
        Assert.Equal("values.multi_az", finding.Location.PropertyPath);
        // A verdict about the whole resource points at the resource in the plan.
        Assert.Equal(LineOf(path, "\"address\": \"aws_db_instance.ledger\"") - 1, findings.One("tags-required", "aws_db_instance.ledger").Location!.Line);
        Assert.EndsWith("network-and-db.plan.json", finding.Location.File);
        Assert.Equal(GateStatus.Fail, findings.One("iac-cost-estimate", "network-and-db.plan.json").Status);
    }

    [Fact]
    public void PlanWithForEachInstancesAndSplitBucketResourcesIsJudgedPerInstance()
    {
        var findings = Judge(Corpus("terraform/data-services.plan.json"));

        // for_each instances are judged one by one, each by its own values.
        Assert.Equal(GateStatus.Pass, findings.One("sqs-queue-encrypted", "aws_sqs_queue.ingest[\"clicks\"]").Status);
        Assert.Equal(GateStatus.Fail, findings.One("sqs-queue-encrypted", "aws_sqs_queue.ingest[\"orders\"]").Status);

        // The bucket's encryption and policy are resources of their own in the provider; they are folded into the bucket.
        Assert.Contains("aws:kms", findings.One("s3-bucket-encryption", "aws_s3_bucket.exports").Reason);
        Assert.Equal(GateStatus.Pass, findings.One("s3-bucket-secure-transport", "aws_s3_bucket.exports").Status);

        // aws_iam_role_policy attaches to its role through the configuration's reference.
        Assert.Equal(GateStatus.Fail, findings.One("iam-no-wildcard-action", "aws_iam_role.loader").Status);
        Assert.Equal(GateStatus.Fail, findings.One("iam-no-wildcard-resource", "aws_iam_role.loader").Status);
        Assert.Equal(GateStatus.Pass, findings.One("dynamodb-table-encryption", "aws_dynamodb_table.sessions").Status);
        Assert.Equal(GateStatus.Pass, findings.One("tags-required", "aws_dynamodb_table.sessions").Status);
    }
}
