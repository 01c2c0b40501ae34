using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Rules;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using Xunit;

namespace WAOps.Engine.Tests.Gates.Rules;

public sealed class EncryptionRulesTests
{
    private static readonly GateOptions CustomerKeys = new() { RequireCustomerManagedKey = true };

    [Fact]
    public void VolumesAndTheRegionDefaultAreJudgedSeparately()
    {
        var inv = new TestInventory();
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(new EbsVolumeEncryptedRule(), inv.Add(ResourceKinds.Volume, "vol-1", new VolumeProperties { Encrypted = false })).Status);
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(new EbsVolumeEncryptedRule(), inv.Add(ResourceKinds.Volume, "vol-2", new VolumeProperties { Encrypted = true, KmsKeyId = "arn:aws:kms:us-east-1:123456789012:key/k" })).Status);
        var region = inv.AccountRegion(ebsDefault: false);
        var verdict = inv.JudgeOne(new EbsDefaultEncryptionRule(), region);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("EbsEncryptionByDefault=false in us-east-1", verdict.Reason);
    }

    [Fact]
    public void RdsStorageIsJudgedOnStandaloneInstancesAndClustersButNotClusterMembers()
    {
        var inv = new TestInventory();
        var rule = new RdsStorageEncryptedRule();
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(rule, inv.Add(ResourceKinds.DbInstance, "plain", new DbInstanceProperties { ClusterId = null, StorageEncrypted = false })).Status);
        Assert.Equal(GateStatus.NotApplicable, inv.JudgeOne(rule, inv.Add(ResourceKinds.DbInstance, "member", new DbInstanceProperties { ClusterId = "aurora", StorageEncrypted = false })).Status);
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(rule, inv.Add(ResourceKinds.DbCluster, "aurora", new DbClusterProperties { StorageEncrypted = true })).Status);
    }

    [Fact]
    public void EfsAndElastiCacheEncryption()
    {
        var inv = new TestInventory();
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(new EfsEncryptedRule(), inv.Add(ResourceKinds.FileSystem, "fs-1", new FileSystemProperties { Encrypted = false })).Status);
        var group = inv.Add(ResourceKinds.CacheReplicationGroup, "cache", new CacheReplicationGroupProperties { AtRestEncryptionEnabled = true, TransitEncryptionEnabled = false });
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(new ElastiCacheEncryptedAtRestRule(), group).Status);
        Assert.Equal("TransitEncryptionEnabled=false", inv.JudgeOne(new ElastiCacheEncryptedInTransitRule(), group).Reason);
    }

    [Fact]
    public void S3IsAlwaysEncryptedSoOnlyTheCustomerKeySettingCanFailIt()
    {
        var inv = new TestInventory();
        var rule = new S3BucketEncryptionRule();
        var plain = inv.Add(ResourceKinds.Bucket, "plain", new BucketProperties { EncryptionAlgorithm = "AES256", KmsKeyId = null });
        var byDefault = inv.JudgeOne(rule, plain);
        Assert.Equal(GateStatus.Pass, byDefault.Status);
        Assert.Contains("-RequireCustomerManagedKey", byDefault.Reason);

        Assert.Equal(GateStatus.Fail, inv.JudgeOne(rule, plain, CustomerKeys).Status);
        var awsManaged = inv.Add(ResourceKinds.Bucket, "aws-managed", new BucketProperties { EncryptionAlgorithm = "aws:kms", KmsKeyId = null });
        var verdict = inv.JudgeOne(rule, awsManaged, CustomerKeys);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("SSEAlgorithm=aws:kms: alias/aws/s3 is an AWS-managed key, not a customer-managed one", verdict.Reason);

        var own = inv.Add(ResourceKinds.Bucket, "own", new BucketProperties { EncryptionAlgorithm = "aws:kms", KmsKeyId = "alias/shop-data" });
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(rule, own, CustomerKeys).Status);
    }

    [Fact]
    public void AKeyArnIsJudgedByTheKeyResourceAndUnknownWithoutIt()
    {
        var inv = new TestInventory();
        var keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd";
        var table = inv.Add(ResourceKinds.Table, "orders", new TableProperties { SseType = "KMS", KmsKeyArn = keyArn });
        var rule = new DynamoDbTableEncryptionRule();
        Assert.Equal(GateStatus.Unknown, inv.JudgeOne(rule, table, CustomerKeys).Status);

        inv.Add(ResourceKinds.KmsKey, "1234abcd", new KmsKeyProperties { KeyManager = "AWS" }, arn: keyArn);
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(rule, table, CustomerKeys).Status);

        var inv2 = new TestInventory();
        var table2 = inv2.Add(ResourceKinds.Table, "orders", new TableProperties { SseType = "KMS", KmsKeyArn = keyArn });
        inv2.Add(ResourceKinds.KmsKey, "1234abcd", new KmsKeyProperties { KeyManager = "CUSTOMER" }, arn: keyArn);
        Assert.Equal(GateStatus.Pass, inv2.JudgeOne(rule, table2, CustomerKeys).Status);

        var defaultKey = inv2.Add(ResourceKinds.Table, "sessions", new TableProperties { SseType = null, KmsKeyArn = null });
        Assert.Equal(GateStatus.Pass, inv2.JudgeOne(rule, defaultKey).Status);
        Assert.Equal(GateStatus.Fail, inv2.JudgeOne(rule, defaultKey, CustomerKeys).Status);
    }

    [Fact]
    public void UnreadKeySettingsPassWithoutTheRequirementAndAreUnknownWithIt()
    {
        var inv = new TestInventory();
        var notRead = Fact<string?>.Unresolved("not read: only a customer-managed key requirement needs it");
        var bucket = inv.Add(ResourceKinds.Bucket, "b", new BucketProperties { EncryptionAlgorithm = notRead, KmsKeyId = notRead });
        var table = inv.Add(ResourceKinds.Table, "t", new TableProperties { SseType = notRead, KmsKeyArn = notRead });
        Assert.Equal("S3 encrypts every new object (SSE-S3 at least); a customer-managed key is not required (-RequireCustomerManagedKey)", inv.JudgeOne(new S3BucketEncryptionRule(), bucket).Reason);
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(new DynamoDbTableEncryptionRule(), table).Status);
        Assert.Equal(GateStatus.Unknown, inv.JudgeOne(new S3BucketEncryptionRule(), bucket, CustomerKeys).Status);
        Assert.Equal(GateStatus.Unknown, inv.JudgeOne(new DynamoDbTableEncryptionRule(), table, CustomerKeys).Status);
    }

    [Fact]
    public void QueuesPassWithSqsManagedOrKmsEncryptionAndFailWithNeither()
    {
        var inv = new TestInventory();
        var rule = new SqsQueueEncryptedRule();
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(rule, inv.Add(ResourceKinds.Queue, "sse-sqs", new QueueProperties { SqsManagedSseEnabled = true, KmsMasterKeyId = null })).Status);
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(rule, inv.Add(ResourceKinds.Queue, "sse-kms", new QueueProperties { SqsManagedSseEnabled = false, KmsMasterKeyId = "alias/aws/sqs" })).Status);
        var none = inv.JudgeOne(rule, inv.Add(ResourceKinds.Queue, "none", new QueueProperties { SqsManagedSseEnabled = false, KmsMasterKeyId = null }));
        Assert.Equal(GateStatus.Fail, none.Status);
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(rule, inv.Resolve("sse-kms"), CustomerKeys).Status);
    }

    [Fact]
    public void TopicsNeedAKey()
    {
        var inv = new TestInventory();
        var rule = new SnsTopicEncryptedRule();
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(rule, inv.Add(ResourceKinds.Topic, "plain", new TopicProperties { KmsMasterKeyId = null })).Status);
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(rule, inv.Add(ResourceKinds.Topic, "enc", new TopicProperties { KmsMasterKeyId = "alias/aws/sns" })).Status);
    }

    [Theory]
    [InlineData("HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06", GateStatus.Pass)]
    [InlineData("HTTPS", "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04", GateStatus.Pass)]
    [InlineData("HTTPS", "ELBSecurityPolicy-TLS13-1-3-2021-06", GateStatus.Pass)]
    [InlineData("TLS", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06", GateStatus.Pass)]
    [InlineData("HTTPS", "ELBSecurityPolicy-FS-1-2-Res-2020-10", GateStatus.Pass)]
    [InlineData("HTTPS", "ELBSecurityPolicy-2016-08", GateStatus.Fail)]
    [InlineData("HTTPS", "ELBSecurityPolicy-TLS13-1-1-2021-06", GateStatus.Fail)]
    [InlineData("HTTPS", "ELBSecurityPolicy-FS-2018-06", GateStatus.Fail)]
    [InlineData("TLS", "ELBSecurityPolicy-TLS-1-1-2017-01", GateStatus.Fail)]
    [InlineData("TCP", null, GateStatus.NotApplicable)]
    public void ListenersNeedATls12Policy(string protocol, string? policy, GateStatus expected)
    {
        var inv = new TestInventory();
        var listener = inv.Add(ResourceKinds.Listener, "l-1", new ListenerProperties
        {
            Protocol = protocol,
            Port = 443,
            SslPolicy = policy,
            DefaultActions = Facts.List(new[] { new ListenerAction("forward", null, new[] { "tg-1" }) }),
        });
        Assert.Equal(expected, inv.JudgeOne(new ElbListenerTlsRule(), listener).Status);
    }

    [Fact]
    public void HttpListenersPassOnlyWhenTheyRedirectToHttpsWhateverPolicyTheyReport()
    {
        var inv = new TestInventory();
        var rule = new ElbListenerTlsRule();
        var redirect = inv.Add(ResourceKinds.Listener, "redirect", new ListenerProperties
        {
            Protocol = "HTTP",
            Port = 80,
            SslPolicy = "ELBSecurityPolicy-2016-08",
            DefaultActions = Facts.List(new[] { new ListenerAction("redirect", "HTTPS", Array.Empty<string>()) }),
        });
        Assert.Equal("HTTP:80 redirects to HTTPS", inv.JudgeOne(rule, redirect).Reason);

        var forward = inv.Add(ResourceKinds.Listener, "forward", new ListenerProperties
        {
            Protocol = "HTTP",
            Port = 80,
            SslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06",
            DefaultActions = Facts.List(new[] { new ListenerAction("forward", null, new[] { "tg-web" }) }),
        });
        var verdict = inv.JudgeOne(rule, forward);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("HTTP:80 serves plain HTTP (default action: forward to tg-web)", verdict.Reason);
    }

    private static PolicyDocument Policy(string json) => PolicyDocument.Parse(json);

    [Fact]
    public void ABucketPolicyDenyingInsecureTransportOnBucketAndObjectsPasses()
    {
        var inv = new TestInventory();
        var bucket = inv.Add(ResourceKinds.Bucket, "shop-data", new BucketProperties
        {
            EncryptionAlgorithm = "AES256",
            Policy = Policy("""
                {"Version":"2012-10-17","Statement":[{"Sid":"DenyHttp","Effect":"Deny","Principal":"*","Action":"s3:*",
                 "Resource":["arn:aws:s3:::shop-data","arn:aws:s3:::shop-data/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
                """),
        });
        var verdict = inv.JudgeOne(new S3BucketSecureTransportRule(), bucket);
        Assert.Equal(GateStatus.Pass, verdict.Status);
        Assert.Equal("statement 1 (Sid DenyHttp) denies s3:* when Bool aws:SecureTransport = [false]", verdict.Reason);
    }

    [Fact]
    public void ATlsVersionConditionCountsToo()
    {
        var inv = new TestInventory();
        var bucket = inv.Add(ResourceKinds.Bucket, "b", new BucketProperties
        {
            Policy = Policy("""{"Statement":{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"*","Resource":"arn:aws:s3:::b*","Condition":{"NumericLessThan":{"s3:TlsVersion":"1.2"}}}}"""),
        });
        Assert.Equal(GateStatus.Pass, inv.JudgeOne(new S3BucketSecureTransportRule(), bucket).Status);
    }

    [Fact]
    public void ADenyThatMissesTheObjectsOrUsesNarrowActionsFailsWithWhatIsMissing()
    {
        var inv = new TestInventory();
        var bucket = inv.Add(ResourceKinds.Bucket, "b", new BucketProperties
        {
            Policy = Policy("""{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"""),
        });
        var verdict = inv.JudgeOne(new S3BucketSecureTransportRule(), bucket);
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("statement 1 denies on Bool aws:SecureTransport = [false] but actions are s3:GetObject, not s3:*, its objects are not covered", verdict.Reason);
    }

    [Fact]
    public void NoPolicyOrAnAllowOnlyPolicyFails()
    {
        var inv = new TestInventory();
        var rule = new S3BucketSecureTransportRule();
        Assert.Equal("no bucket policy, so requests over plain HTTP are accepted", inv.JudgeOne(rule, inv.Add(ResourceKinds.Bucket, "a", new BucketProperties { Policy = (PolicyDocument?)null })).Reason);
        var allow = inv.Add(ResourceKinds.Bucket, "b", new BucketProperties { Policy = Policy("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}""") });
        Assert.Equal(GateStatus.Fail, inv.JudgeOne(rule, allow).Status);
        var unreadable = inv.Add(ResourceKinds.Bucket, "c", new BucketProperties { Policy = Fact<PolicyDocument?>.ReadFailed("GetBucketPolicy: AccessDenied") });
        Assert.Equal(GateStatus.Error, inv.JudgeOne(rule, unreadable).Status);
    }
}
