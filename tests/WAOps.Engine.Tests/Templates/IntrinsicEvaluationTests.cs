using WAOps.Engine.Gates;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using WAOps.Engine.Templates;
using Xunit;
using static WAOps.Engine.Tests.Templates.TemplateFixtures;

namespace WAOps.Engine.Tests.Templates;

/// <summary>Short-form and long-form intrinsics, pseudo-parameters and unknowns, read through the inventory they fill.</summary>
public sealed class IntrinsicEvaluationTests
{
    private static ResourceInventory Read(string yaml, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var path = Write(yaml);
        try
        {
            return TemplateReader.Read(path, new TemplateReadOptions { Region = "eu-central-1", Parameters = parameters ?? new Dictionary<string, string>() }).Inventory;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static T Properties<T>(ResourceInventory inventory, string logicalId)
        where T : ResourceProperties =>
        inventory.Resources.Single(r => r.Name == logicalId).PropertiesAs<T>()!;

    [Fact]
    public void ShortAndLongFormsEvaluateAlike()
    {
        var inventory = Read("""
            Parameters:
              Env: { Type: String, Default: prod }
              Names: { Type: CommaDelimitedList, Default: "alpha,beta,gamma" }
            Mappings:
              Keys: { eu-central-1: { prod: alias/prod-key } }
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              Both: { "Fn::And": [{ Condition: IsProd }, !Not [!Equals [!Ref "AWS::Region", us-east-1]]] }
              Either: !Or [!Condition Both, !Equals [a, b]]
            Resources:
              A:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: !FindInMap [Keys, !Ref "AWS::Region", !Ref Env]
              B:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: { "Fn::Join": ["/", ["alias", { "Fn::Select": [1, { "Ref": "Names" }] }]] }
              C:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: !If [Either, !Sub "alias/${Env}-${AWS::Region}-${!Literal}", none]
              D:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: !Select [2, !Split [",", !Join [",", !Ref Names]]]
              E:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: !Sub
                    - "${Prefix}/${Suffix}"
                    - { Prefix: alias, Suffix: !GetAtt A.TopicName }
            """);
        Assert.Equal("alias/prod-key", Properties<TopicProperties>(inventory, "A").KmsMasterKeyId.Value);
        Assert.Equal("alias/beta", Properties<TopicProperties>(inventory, "B").KmsMasterKeyId.Value);
        Assert.Equal("alias/prod-eu-central-1-${Literal}", Properties<TopicProperties>(inventory, "C").KmsMasterKeyId.Value);
        Assert.Equal("gamma", Properties<TopicProperties>(inventory, "D").KmsMasterKeyId.Value);
        var partial = Properties<TopicProperties>(inventory, "E").KmsMasterKeyId;
        Assert.False(partial.IsKnown);
        Assert.Contains("A.TopicName is known only after deployment", partial.Reason);
    }

    [Fact]
    public void ValuesOnlyDeploymentKnowsAreUnresolvedWithTheirLocation()
    {
        var inventory = Read("""
            Parameters:
              Key: { Type: "AWS::SSM::Parameter::Value<String>", Default: /platform/kms-key }
            Resources:
              Imported:
                Type: AWS::SQS::Queue
                Properties:
                  KmsMasterKeyId: !ImportValue platform-kms-key
              FromSsm:
                Type: AWS::SQS::Queue
                Properties:
                  KmsMasterKeyId: !Ref Key
              Account:
                Type: AWS::SQS::Queue
                Properties:
                  KmsMasterKeyId: !Sub "arn:aws:kms:${AWS::Region}:${AWS::AccountId}:alias/q"
            """);
        var imported = Properties<QueueProperties>(inventory, "Imported").KmsMasterKeyId;
        Assert.False(imported.IsKnown);
        Assert.False(imported.IsReadFailure);
        Assert.Contains("exported by another stack", imported.Reason);
        Assert.Equal(7, imported.Location!.Line);
        Assert.Equal("Properties.KmsMasterKeyId", imported.Location.PropertyPath);
        Assert.Contains("SSM Parameter Store", Properties<QueueProperties>(inventory, "FromSsm").KmsMasterKeyId.Reason);
        Assert.Contains("AWS::AccountId is known at deployment", Properties<QueueProperties>(inventory, "Account").KmsMasterKeyId.Reason);
    }

    [Fact]
    public void AnUnknownValueIsReportedUnknownNeverPassed()
    {
        var path = Write("""
            Parameters:
              Flag: { Type: String, Default: "true" }
            Resources:
              Cache:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: x
                  AtRestEncryptionEnabled: !ImportValue shared-encryption-flag
                  TransitEncryptionEnabled: !Ref Flag
            """);
        var findings = Judge(path);
        Assert.Equal(GateStatus.Unknown, findings.One("elasticache-encrypted-at-rest", "Cache").Status);
        Assert.Equal(GateStatus.Pass, findings.One("elasticache-encrypted-in-transit", "Cache").Status);
        File.Delete(path);
    }

    [Fact]
    public void ResourcesWhoseConditionIsFalseAreLeftOut()
    {
        var inventory = Read("""
            Parameters:
              Env: { Type: String, Default: dev }
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              Always: { Type: AWS::SQS::Queue }
              ProdOnly: { Type: AWS::SQS::Queue, Condition: IsProd }
            """);
        Assert.Contains(inventory.Resources, r => r.Name == "Always");
        Assert.DoesNotContain(inventory.Resources, r => r.Name == "ProdOnly");
        var prod = Read("Parameters:\n  Env: { Type: String, Default: dev }\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  ProdOnly: { Type: AWS::SQS::Queue, Condition: IsProd }\n",
            new Dictionary<string, string> { ["Env"] = "prod" });
        Assert.Contains(prod.Resources, r => r.Name == "ProdOnly");
    }
}
