namespace WAOps;

/// <summary>What SNS said when it took a message.</summary>
public sealed record NotificationReceipt(string TopicArn, string MessageId, string? Subject, int Bytes);
