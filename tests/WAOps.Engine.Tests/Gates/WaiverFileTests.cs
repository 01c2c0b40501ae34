using WAOps.Engine.Errors;
using WAOps.Engine.Gates;
using WAOps.Engine.Gates.Waivers;
using Xunit;

namespace WAOps.Engine.Tests.Gates;

public sealed class WaiverFileTests
{
    [Fact]
    public void ReadsYamlWaiversWithTheirLines()
    {
        var waivers = WaiverFile.Parse("""
            # accepted exceptions
            waivers:
              - rule: s3-bucket-secure-transport
                resource: "arn:aws:s3:::legacy-*"
                reason: Appliances upload over HTTP until their firmware update
                owner: storage-team@example.com
                expires: 2027-03-31
              - rule: iam-*
                resource: break-glass
                reason: Emergency role
                owner: security@example.com
                expires: 2026-12-31
            """, "waivers.yaml");
        Assert.Equal(2, waivers.Count);
        Assert.Equal("arn:aws:s3:::legacy-*", waivers[0].Resource);
        Assert.Equal(new DateOnly(2027, 3, 31), waivers[0].Expires);
        Assert.Equal("waivers.yaml line 3", waivers[0].Source);
        Assert.Equal(8, waivers[1].Line);
    }

    [Fact]
    public void ReadsAJsonListWithTheirLines()
    {
        var waivers = WaiverFile.Parse("""
            [
              {"rule": "tags-required", "resource": "*", "reason": "tagging rollout", "owner": "finops", "expires": "2026-12-01"},
              {"rule": "ebs-volume-encrypted", "resource": "vol-*", "reason": "r", "owner": "o", "expires": "2026-12-01"}
            ]
            """, "waivers.json");
        Assert.Equal(2, waivers.Count);
        Assert.Equal(3, waivers[1].Line);
    }

    [Theory]
    [InlineData("waivers:\n  - rule: tags-required\n    resource: '*'\n    reason: r\n    expires: 2026-12-01\n", "line 2, column 5: waiver 1 needs a non-empty 'owner'")]
    [InlineData("waivers:\n  - rule: tags-required\n    resource: '*'\n    reason: r\n    owner: o\n    expires: 31/12/2026\n", "line 6, column 14: waiver 1 expires '31/12/2026', which is not a date as YYYY-MM-DD")]
    [InlineData("waivers:\n  - rule: no-such-rule\n    resource: '*'\n    reason: r\n    owner: o\n    expires: 2026-12-01\n", "line 2, column 11: waiver 1 names rule 'no-such-rule', which matches no rule")]
    [InlineData("waivers:\n  - rule: tags-required\n    resource: '*'\n    reason: r\n    owner: o\n    expires: 2026-12-01\n    ticket: OPS-1\n", "line 7, column 13: 'ticket' is not a waiver field")]
    [InlineData("version: 2\nwaivers: []\n", "line 1, column 10: 'version' is not a waiver file setting")]
    [InlineData("waivers:\n  - just a string\n", "line 2, column 5: waiver 1 must be a mapping")]
    [InlineData("{\"waivers\": [{\"rule\": \"tags-required\", \"resource\": \"\",\n \"reason\": \"r\", \"owner\": \"o\", \"expires\": \"2026-12-01\"}]}", "line 1, column 52: waiver 1 needs a non-empty 'resource'")]
    public void ProblemsNameTheFileLineAndColumn(string text, string expected)
    {
        var error = Assert.Throws<WAOpsException>(() => WaiverFile.Parse(text, "w.yaml"));
        Assert.Equal(GateErrorIds.InvalidWaiverFile, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains("'w.yaml' " + expected, error.Message);
    }

    [Fact]
    public void SyntaxErrorsNameTheLineToo()
    {
        var error = Assert.Throws<WAOpsException>(() => WaiverFile.Parse("waivers:\n  - rule: [unclosed\n", "w.yaml"));
        Assert.Equal(GateErrorIds.InvalidWaiverFile, error.ErrorId);
        Assert.Matches("line \\d+, column \\d+", error.Message);
    }

    [Fact]
    public void AMissingFileIsNotFound()
    {
        var error = Assert.Throws<WAOpsException>(() => WaiverFile.Load("/nonexistent/waivers.yaml"));
        Assert.Equal(GateErrorIds.WaiverFileNotFound, error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
    }

    [Fact]
    public void AWaiverAppliesThroughItsExpiryDay()
    {
        var waiver = new Waiver("tags-required", "*", "r", "o", new DateOnly(2026, 11, 25), "w.yaml");
        Assert.False(waiver.IsExpired(new DateOnly(2026, 11, 25)));
        Assert.True(waiver.IsExpired(new DateOnly(2026, 11, 26)));
    }
}
