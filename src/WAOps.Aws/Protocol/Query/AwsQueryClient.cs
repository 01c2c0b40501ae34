using System.Xml.Linq;
using WAOps.Aws.Session;

namespace WAOps.Aws.Protocol.Query;

/// <summary>awsQuery: POST / with a form body of Action, Version and members; the answer's &lt;ActionResult&gt; is read.</summary>
public abstract class AwsQueryClient : AwsProtocolClient
{
    protected AwsQueryClient(AwsSession session, AwsServiceDescriptor service)
        : base(session, service)
    {
        if (service.Protocol != AwsProtocol.AwsQuery)
        {
            throw new ArgumentException($"{service.ServiceId} does not speak awsQuery.", nameof(service));
        }
    }

    protected async Task<TResponse> InvokeAsync<TResponse>(string action, object? request, CancellationToken cancellationToken)
        where TResponse : AwsResponse, new()
    {
        var parameters = AwsQuerySerializer.Serialize(action, Service.ApiVersion, request);
        var http = new AwsHttpRequest(action, HttpMethod.Post, "/", AwsQuerySerializer.ToFormBody(parameters));
        http.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        var response = await SendAsync(http, r => AwsQueryErrorParser.Parse(Service, action, r), cancellationToken).ConfigureAwait(false);

        XDocument document;
        TResponse result;
        try
        {
            document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(response.Body));
            var resultElement = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result");
            result = AwsQueryXmlReader.Read<TResponse>(resultElement);
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or FormatException or InvalidOperationException)
        {
            throw new AwsResponseException(Service.ServiceId, action, response.StatusCode, response.RequestId, ex);
        }

        result.RequestId = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value ?? response.RequestId;
        result.HttpStatusCode = response.StatusCode;
        return result;
    }
}
