using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Query;
using WAOps.Aws.Services.Sns.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.Sns;

/// <summary>Amazon SNS over awsQuery: topics, their attributes (policy, encryption) and publishing.</summary>
public sealed class SnsClient : AwsQueryClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "SNS",
        EndpointPrefix = "sns",
        ApiVersion = "2010-03-31",
        Protocol = AwsProtocol.AwsQuery,
        EndpointEnvironmentSuffix = "SNS",
    };

    public SnsClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<ListTopicsResponse> ListTopicsAsync(ListTopicsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListTopicsResponse>("ListTopics", request, cancellationToken);

    public Task<GetTopicAttributesResponse> GetTopicAttributesAsync(GetTopicAttributesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<GetTopicAttributesResponse>("GetTopicAttributes", request, cancellationToken);

    public Task<SetTopicAttributesResponse> SetTopicAttributesAsync(SetTopicAttributesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<SetTopicAttributesResponse>("SetTopicAttributes", request, cancellationToken);

    public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<PublishResponse>("Publish", request, cancellationToken);

    /// <summary>Every topic ARN of the session's region, streamed (ListTopics pages hold up to 100).</summary>
    public IAsyncEnumerable<string> ListAllTopicArnsAsync(CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => ListTopicsAsync(new ListTopicsRequest { NextToken = token }, ct),
            page => page.NextToken,
            page => page.Topics.Select(t => t.TopicArn!).Where(arn => arn is not null),
            cancellationToken);
}
