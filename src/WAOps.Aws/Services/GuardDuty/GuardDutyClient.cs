using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.RestJson;
using WAOps.Aws.Services.GuardDuty.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.GuardDuty;

/// <summary>Amazon GuardDuty over restJson1.</summary>
public sealed class GuardDutyClient : AwsRestJsonClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "GuardDuty",
        EndpointPrefix = "guardduty",
        ApiVersion = "2017-11-28",
        Protocol = AwsProtocol.RestJson1,
        EndpointEnvironmentSuffix = "GUARDDUTY",
    };

    /// <summary>The largest page ListDetectors allows.</summary>
    public const int MaxDetectorsPerPage = 50;

    public GuardDutyClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<ListDetectorsResponse> ListDetectorsAsync(ListDetectorsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListDetectorsResponse>(
            "ListDetectors",
            HttpMethod.Get,
            "/detector",
            new Dictionary<string, string?>
            {
                ["maxResults"] = request.MaxResults?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["nextToken"] = request.NextToken,
            },
            body: null,
            cancellationToken);

    public Task<GetDetectorResponse> GetDetectorAsync(GetDetectorRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<GetDetectorResponse>(
            "GetDetector",
            HttpMethod.Get,
            "/detector/" + Label(request.DetectorId ?? throw new ArgumentException("DetectorId is required.", nameof(request))),
            query: null,
            body: null,
            cancellationToken);

    /// <summary>Every detector id of the session's region, streamed.</summary>
    public IAsyncEnumerable<string> ListAllDetectorIdsAsync(CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => ListDetectorsAsync(new ListDetectorsRequest { MaxResults = MaxDetectorsPerPage, NextToken = token }, ct),
            page => page.NextToken,
            page => page.DetectorIds,
            cancellationToken);
}
