using WAOps.Engine.Errors;
using WAOps.Engine.Templates;
using Xunit;
using static WAOps.Engine.Tests.Templates.TemplateFixtures;

namespace WAOps.Engine.Tests.Templates;

/// <summary>Bad templates and plans stop the reader with a stable ErrorId, the right kind, and the file and line.</summary>
public sealed class TemplateBadInputTests
{
    private static WAOpsException Refused(string text, string extension = ".yaml", IReadOnlyDictionary<string, string>? parameters = null)
    {
        var path = Write(text, extension);
        try
        {
            return Assert.Throws<WAOpsException>(() => TemplateReader.Read(path, new TemplateReadOptions { Parameters = parameters ?? new Dictionary<string, string>() }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MalformedYamlNamesTheLine()
    {
        var error = Refused("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: { QueueName: [unclosed\n  Other: 1\n");
        Assert.Equal(TemplateErrorIds.InvalidTemplateSyntax, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Matches("line [4-6]", error.Message);
    }

    [Fact]
    public void MalformedJsonNamesTheLine()
    {
        var error = Refused("{\n  \"Resources\": {\n    \"Queue\": { \"Type\": \"AWS::SQS::Queue\", }\n    \"Other\": 1\n}\n", ".json");
        Assert.Equal(TemplateErrorIds.InvalidTemplateSyntax, error.ErrorId);
        Assert.Contains("line 4", error.Message);
    }

    [Fact]
    public void AFileThatIsNeitherTemplateNorPlanIsRefused()
    {
        var error = Refused("version: 2.1\njobs:\n  build:\n    docker: [{ image: node }]\n");
        Assert.Equal(TemplateErrorIds.NotATemplate, error.ErrorId);
        Assert.Contains("top-level keys version, jobs", error.Message);
    }

    [Fact]
    public void AnUnknownShortFormTagNamesItsPosition()
    {
        var error = Refused("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Concat [a, b]\n");
        Assert.Equal(TemplateErrorIds.UnknownIntrinsic, error.ErrorId);
        Assert.Contains("line 5, column 18", error.Message);
        Assert.Contains("!Concat", error.Message);
    }

    [Fact]
    public void AnUnknownLongFormFunctionNamesItsPosition()
    {
        var error = Refused("{\n \"Resources\": {\n  \"Queue\": {\n   \"Type\": \"AWS::SQS::Queue\",\n   \"Properties\": { \"QueueName\": { \"Fn::Concat\": [\"a\", \"b\"] } }\n  }\n }\n}\n", ".json");
        Assert.Equal(TemplateErrorIds.UnknownIntrinsic, error.ErrorId);
        Assert.Contains("line 5", error.Message);
        Assert.Contains("Fn::Concat", error.Message);
    }

    [Fact]
    public void CircularConditionsNameTheCycle()
    {
        var error = Refused("Conditions:\n  A: !And [!Condition B, !Equals [x, x]]\n  B: !Not [!Condition C]\n  C: !Condition A\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n");
        Assert.Equal(TemplateErrorIds.CircularCondition, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains("A -> B -> C -> A", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void AParameterWithoutDefaultOrValueIsMissing()
    {
        var error = Refused("Parameters:\n  Env: { Type: String, Default: dev }\n  VpcId:\n    Type: AWS::EC2::VPC::Id\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n");
        Assert.Equal(TemplateErrorIds.MissingTemplateParameter, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("line 3, column 3", error.Message);
        Assert.Contains("VpcId", error.Message);
    }

    [Fact]
    public void ARefToNothingAndAResourceWithoutTypeAreInvalid()
    {
        Assert.Equal(TemplateErrorIds.InvalidTemplate, Refused("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: { QueueName: !Ref Nope }\n").ErrorId);
        var untyped = Refused("Resources:\n  Queue:\n    Properties: {}\n");
        Assert.Equal(TemplateErrorIds.InvalidTemplate, untyped.ErrorId);
        Assert.Contains("line 2", untyped.Message);
    }

    [Fact]
    public void AFiftyMegabyteFileIsRefusedBeforeItIsRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"waops-huge-{Guid.NewGuid():N}.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        try
        {
            var error = Assert.Throws<WAOpsException>(() => TemplateReader.Read(path, new TemplateReadOptions()));
            Assert.Equal(TemplateErrorIds.TemplateTooLarge, error.ErrorId);
            Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
            Assert.Contains("50 MB", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AMissingFileIsNotFound()
    {
        var error = Assert.Throws<WAOpsException>(() => TemplateReader.Read(Path.Combine(Path.GetTempPath(), "no-such-template.yaml"), new TemplateReadOptions()));
        Assert.Equal(TemplateErrorIds.TemplateNotFound, error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
    }

    [Fact]
    public void AMalformedCostEstimateSidecarIsRefused()
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"waops-cost-{Guid.NewGuid():N}"));
        try
        {
            var template = Path.Combine(directory.FullName, "app.yaml");
            File.WriteAllText(template, "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n");
            File.WriteAllText(Path.Combine(directory.FullName, "app.cost.yaml"), "Source: calculator\nMonthlyUSD: lots\n");
            var error = Assert.Throws<WAOpsException>(() => TemplateReader.Read(template, new TemplateReadOptions()));
            Assert.Equal(TemplateErrorIds.InvalidCostEstimate, error.ErrorId);
            Assert.Contains("line 2", error.Message);
        }
        finally
        {
            directory.Delete(true);
        }
    }
}
