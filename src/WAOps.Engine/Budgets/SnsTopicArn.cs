using System.Text.RegularExpressions;

namespace WAOps.Engine.Budgets;

/// <summary>A parsed SNS topic ARN: arn:&lt;partition&gt;:sns:&lt;region&gt;:&lt;account&gt;:&lt;name&gt;.</summary>
public sealed partial record SnsTopicArn(string Arn, string Partition, string Region, string AccountId, string Name)
{
    public static bool TryParse(string? text, out SnsTopicArn? arn)
    {
        arn = null;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        arn = new SnsTopicArn(text, match.Groups["partition"].Value, match.Groups["region"].Value, match.Groups["account"].Value, match.Groups["name"].Value);
        return true;
    }

    public override string ToString() => Arn;

    // Topic names: 1-256 letters, digits, '-' and '_', FIFO topics ending in ".fifo".
    [GeneratedRegex(@"^arn:(?<partition>aws(-[a-z]+)*):sns:(?<region>[a-z]{2}(-[a-z]+)+-\d{1,2}):(?<account>\d{12}):(?<name>[A-Za-z0-9_-]{1,256}(\.fifo)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
