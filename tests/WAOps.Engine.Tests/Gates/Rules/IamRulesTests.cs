using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Rules;
using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;
using Xunit;

namespace WAOps.Engine.Tests.Gates.Rules;

public sealed class IamRulesTests
{
    private static InventoryResource Managed(TestInventory inv, string name, string json) =>
        inv.Add(ResourceKinds.ManagedPolicy, name, new ManagedPolicyProperties { Document = PolicyDocument.Parse(json), AttachmentCount = 1 }, region: "global");

    [Fact]
    public void EachOffendingStatementIsItsOwnFinding()
    {
        var inv = new TestInventory();
        var policy = Managed(inv, "app", """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Everything","Effect":"Allow","Action":"*","Resource":"*"},
              {"Sid":"AllS3","Effect":"Allow","Action":["s3:*","sqs:SendMessage"],"Resource":"arn:aws:s3:::b/*"},
              {"Sid":"Fine","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
              {"Sid":"DenyAll","Effect":"Deny","Action":"*","Resource":"*"}]}
            """);
        var verdicts = inv.Judge(new IamNoWildcardActionRule(), policy);
        Assert.Equal(2, verdicts.Count);
        Assert.All(verdicts, v => Assert.Equal(GateStatus.Fail, v.Status));
        Assert.Equal("policy app statement 1 (Sid Everything)", verdicts[0].Detail);
        Assert.Equal("policy app statement 2 (Sid AllS3): Allow Action s3:*", verdicts[1].Reason);
    }

    [Fact]
    public void WildcardResourcesAreFindingsExceptForActionsThatOnlyTakeAWildcard()
    {
        var inv = new TestInventory();
        var policy = Managed(inv, "ops", """
            {"Statement":[
              {"Effect":"Allow","Action":["sts:GetCallerIdentity","ec2:DescribeInstances","ec2:Describe*","cloudwatch:PutMetricData","timestream:DescribeEndpoints"],"Resource":"*"},
              {"Effect":"Allow","Action":["ec2:DescribeInstances","ec2:TerminateInstances"],"Resource":"*"}]}
            """);
        var verdict = Assert.Single(inv.Judge(new IamNoWildcardResourceRule(), policy));
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("policy ops statement 2: Allow Resource \"*\" for actions ec2:TerminateInstances", verdict.Reason);
    }

    [Fact]
    public void APolicyOfOnlyExemptActionsPasses()
    {
        var inv = new TestInventory();
        var policy = Managed(inv, "metrics", """{"Statement":[{"Effect":"Allow","Action":"cloudwatch:PutMetricData","Resource":"*"}]}""");
        var verdict = Assert.Single(inv.Judge(new IamNoWildcardResourceRule(), policy));
        Assert.Equal(GateStatus.Pass, verdict.Status);
    }

    [Fact]
    public void AllowWithNotActionOrNotResourceFails()
    {
        var inv = new TestInventory();
        var role = inv.Add(ResourceKinds.Role, "app-role", new PrincipalProperties
        {
            InlinePolicies = Facts.List(new[]
            {
                new NamedPolicy("not-iam", PolicyDocument.Parse("""{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""")),
                new NamedPolicy("deny-not", PolicyDocument.Parse("""{"Statement":[{"Effect":"Deny","NotAction":"s3:*","NotResource":"arn:aws:s3:::x"}]}""")),
            }),
            AttachedPolicyArns = Facts.List<string>(null),
        }, region: "global");
        var verdict = Assert.Single(inv.Judge(new IamNoNotActionRule(), role));
        Assert.Equal(GateStatus.Fail, verdict.Status);
        Assert.Equal("inline policy not-iam statement 1", verdict.Detail);
        Assert.Equal("inline policy not-iam statement 1: Allow NotAction iam:*", verdict.Reason);

        var wildcard = Assert.Single(inv.Judge(new IamNoWildcardResourceRule(), role));
        Assert.Equal("inline policy not-iam statement 1: Allow Resource \"*\" for NotAction", wildcard.Reason);
    }

    [Fact]
    public void APrincipalWithoutInlinePoliciesIsNotApplicable()
    {
        var inv = new TestInventory();
        var user = inv.Add(ResourceKinds.User, "alice", new PrincipalProperties { InlinePolicies = Facts.List<NamedPolicy>(null), AttachedPolicyArns = Facts.List(new[] { "arn:aws:iam::aws:policy/ReadOnlyAccess" }) }, region: "global");
        Assert.Equal(GateStatus.NotApplicable, Assert.Single(inv.Judge(new IamNoWildcardActionRule(), user)).Status);
    }

    [Fact]
    public void AnUnresolvedActionListIsUnknownForThatStatement()
    {
        var inv = new TestInventory();
        var document = new PolicyDocument(new[]
        {
            new PolicyStatement { Index = 0, Effect = "Allow", Actions = Fact<IReadOnlyList<string>>.Unresolved("!FindInMap [Actions, !Ref Tier, List]"), Resources = Facts.List(new[] { "*" }) },
        });
        var policy = inv.Add(ResourceKinds.ManagedPolicy, "tpl", new ManagedPolicyProperties { Document = document }, region: "global");
        var verdict = Assert.Single(inv.Judge(new IamNoWildcardActionRule(), policy));
        Assert.Equal(GateStatus.Unknown, verdict.Status);
        Assert.Equal("policy tpl statement 1", verdict.Detail);
    }

    [Fact]
    public void PolicyDocumentsAcceptSingleStatementsAndStrings()
    {
        var document = PolicyDocument.Parse("""{"Version":"2012-10-17","Statement":{"Sid":"One","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Principal":{"Service":["lambda.amazonaws.com"]},"Condition":{"StringEquals":{"aws:PrincipalOrgID":["o-1","o-2"]}}}}""");
        var statement = Assert.Single(document.Statements);
        Assert.Equal(new[] { "s3:GetObject" }, statement.Actions.Value);
        Assert.Equal(new[] { "lambda.amazonaws.com" }, statement.Principals);
        Assert.Equal("StringEquals aws:PrincipalOrgID = [o-1, o-2]", Assert.Single(statement.Conditions).ToString());
    }
}
