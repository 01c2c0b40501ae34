namespace WAOps.Aws.Protocol.Query;

/// <summary>Reads awsQuery error answers: &lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;.</summary>
public static class AwsQueryErrorParser
{
    public static AwsServiceException Parse(AwsServiceDescriptor service, string operation, AwsHttpResponse response)
    {
        string? code = null;
        string? message;
        var requestId = response.RequestId;
        if (response.Body.Length > 0 && XmlErrorBody.TryRead(response.Body, out code, out message, out var documentRequestId))
        {
            requestId ??= documentRequestId;
        }
        else
        {
            message = System.Text.Encoding.UTF8.GetString(response.Body.AsSpan(0, Math.Min(response.Body.Length, 200)));
        }

        return new AwsServiceException(service.ServiceId, operation, Json.AwsJsonErrorParser.Normalize(code, response.StatusCode),
            message ?? string.Empty, response.StatusCode, requestId);
    }
}
