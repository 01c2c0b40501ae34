using System.Text;
using System.Text.RegularExpressions;
using WAOps.Engine.Errors;

namespace WAOps.Engine.Notifications;

/// <summary>
/// A message for an SNS topic, checked against SNS's limits before anything is sent: a topic ARN, a subject of
/// at most 100 printable characters on one line, and a body of 1 byte to 256 KB of UTF-8.
/// </summary>
public sealed partial class SnsMessage
{
    public const int MaxSubjectLength = 100;
    public const int MaxMessageBytes = 256 * 1024;

    public const string InvalidTopicArnErrorId = "InvalidSnsTopicArn";
    public const string InvalidSubjectErrorId = "InvalidNotificationSubject";
    public const string InvalidMessageErrorId = "InvalidNotificationMessage";

    private SnsMessage(string topicArn, string region, string? subject, string body)
    {
        TopicArn = topicArn;
        Region = region;
        Subject = subject;
        Body = body;
    }

    public string TopicArn { get; }

    /// <summary>The topic's region (SNS is regional: the message goes to the topic's own endpoint).</summary>
    public string Region { get; }

    public string? Subject { get; }

    public string Body { get; }

    public int Bytes => Encoding.UTF8.GetByteCount(Body);

    [GeneratedRegex("^arn:aws[a-z-]*:sns:([a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}):[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicArnPattern();

    public static SnsMessage Create(string topicArn, string? subject, string body)
    {
        var match = TopicArnPattern().Match(topicArn ?? string.Empty);
        if (!match.Success)
        {
            throw new WAOpsException(InvalidTopicArnErrorId, ErrorKind.InvalidArgument,
                $"'{topicArn}' is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>).", topicArn);
        }

        if (subject is not null && (subject.Length == 0 || subject.Length > MaxSubjectLength || subject.Any(c => char.IsControl(c) || c > '~')))
        {
            throw new WAOpsException(InvalidSubjectErrorId, ErrorKind.InvalidArgument,
                $"The subject must be 1 to {MaxSubjectLength} printable ASCII characters on one line; it has {subject.Length}.", subject);
        }

        var bytes = Encoding.UTF8.GetByteCount(body ?? string.Empty);
        if (string.IsNullOrWhiteSpace(body) || bytes > MaxMessageBytes)
        {
            throw new WAOpsException(InvalidMessageErrorId, ErrorKind.InvalidArgument,
                $"The message must be 1 byte to 256 KB of UTF-8; it is {bytes} bytes.", null);
        }

        return new SnsMessage(topicArn!, match.Groups[1].Value, subject, body!);
    }
}
