using System.Text.Json;

namespace WAOps.Aws.Protocol.Json;

/// <summary>
/// Reads error answers of awsJson and restJson services: the code from x-amzn-query-error (query-compatible
/// services, so codes match the documented ones), else x-amzn-ErrorType, else the body's __type/code; the
/// namespace before '#' and anything after ':' dropped, as the SDKs do.
/// </summary>
public static class AwsJsonErrorParser
{
    public static AwsServiceException Parse(AwsServiceDescriptor service, string operation, AwsHttpResponse response)
    {
        string? code = null;
        string? message = null;
        List<string>? details = null;
        if (response.Header("x-amzn-query-error") is { } queryError)
        {
            code = queryError.Split(';')[0];
        }

        code ??= response.Header("x-amzn-ErrorType");
        if (code is null && Query.XmlErrorBody.LooksLikeXml(response.Body) && Query.XmlErrorBody.TryRead(response.Body, out var xmlCode, out var xmlMessage, out _))
        {
            return new AwsServiceException(service.ServiceId, operation, Normalize(xmlCode, response.StatusCode), xmlMessage ?? string.Empty,
                response.StatusCode, response.RequestId);
        }

        try
        {
            if (response.Body.Length > 0)
            {
                using var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (code is null && (property.NameEquals("__type") || property.Name.Equals("code", StringComparison.OrdinalIgnoreCase)))
                        {
                            code = property.Value.ToString();
                        }
                        else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase) || property.NameEquals("errorMessage"))
                        {
                            message ??= property.Value.ToString();
                        }
                        else if (property.Name.EndsWith("ValidationMessages", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
                        {
                            details = ReadValidationMessages(property.Value);
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, a truncated body): keep what the headers and status say.
            message ??= System.Text.Encoding.UTF8.GetString(response.Body.AsSpan(0, Math.Min(response.Body.Length, 200)));
        }

        return new AwsServiceException(service.ServiceId, operation, Normalize(code, response.StatusCode), message ?? string.Empty,
            response.StatusCode, response.RequestId, details: details);
    }

    /// <summary>CloudWatch's dashboardValidationMessages: [{ "DataPath": "/widgets/0", "Message": "..." }] as "path: message".</summary>
    private static List<string> ReadValidationMessages(JsonElement array)
    {
        var messages = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            string? path = null;
            string? text = null;
            foreach (var member in item.EnumerateObject())
            {
                if (member.Name.Equals("DataPath", StringComparison.OrdinalIgnoreCase))
                {
                    path = member.Value.ToString();
                }
                else if (member.Name.Equals("Message", StringComparison.OrdinalIgnoreCase))
                {
                    text = member.Value.ToString();
                }
            }

            if (text is not null)
            {
                messages.Add(string.IsNullOrEmpty(path) ? text : $"{path}: {text}");
            }
        }

        return messages;
    }

    public static string Normalize(string? code, int status)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return status switch
            {
                429 => "TooManyRequestsException",
                >= 500 => "InternalFailure",
                403 => "AccessDenied",
                404 => "NotFound",
                _ => "UnknownError",
            };
        }

        var text = code;
        var hash = text.LastIndexOf('#');
        if (hash >= 0)
        {
            text = text[(hash + 1)..];
        }

        var colon = text.IndexOf(':');
        if (colon >= 0)
        {
            text = text[..colon];
        }

        return text.Trim();
    }
}
