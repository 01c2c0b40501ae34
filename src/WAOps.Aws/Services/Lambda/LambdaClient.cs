using System.Globalization;
using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.RestJson;
using WAOps.Aws.Services.Lambda.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.Lambda;

/// <summary>AWS Lambda over restJson1.</summary>
public sealed class LambdaClient : AwsRestJsonClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "Lambda",
        EndpointPrefix = "lambda",
        ApiVersion = "2015-03-31",
        Protocol = AwsProtocol.RestJson1,
        EndpointEnvironmentSuffix = "LAMBDA",
    };

    /// <summary>ListFunctions answers at most 50 per page whatever MaxItems says.</summary>
    public const int MaxItemsPerPage = 50;

    public LambdaClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<ListFunctionsResponse> ListFunctionsAsync(ListFunctionsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListFunctionsResponse>(
            "ListFunctions",
            HttpMethod.Get,
            "/2015-03-31/functions",
            new Dictionary<string, string?>
            {
                ["Marker"] = request.Marker,
                ["MaxItems"] = request.MaxItems?.ToString(CultureInfo.InvariantCulture),
            },
            body: null,
            cancellationToken);

    public IAsyncEnumerable<FunctionConfiguration> ListAllFunctionsAsync(CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (marker, ct) => ListFunctionsAsync(new ListFunctionsRequest { Marker = marker, MaxItems = MaxItemsPerPage }, ct),
            page => page.NextMarker,
            page => page.Functions,
            cancellationToken);
}
