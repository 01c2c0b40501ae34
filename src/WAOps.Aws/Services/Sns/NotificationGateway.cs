using WAOps.Aws.Services.Sns.Model;
using WAOps.Aws.Session;
using WAOps.Engine.Notifications;

namespace WAOps.Aws.Services.Sns;

/// <summary>Publishes a checked message to its topic, in the topic's own region.</summary>
public static class NotificationGateway
{
    public static async Task<NotificationReceipt> PublishAsync(AwsSession session, SnsMessage message, CancellationToken cancellationToken)
    {
        var client = new SnsClient(session.WithRegion(message.Region));
        var response = await client.PublishAsync(new PublishRequest { TopicArn = message.TopicArn, Subject = message.Subject, Message = message.Body }, cancellationToken).ConfigureAwait(false);
        return new NotificationReceipt(message.TopicArn, response.MessageId ?? string.Empty, message.Subject, message.Bytes);
    }
}
