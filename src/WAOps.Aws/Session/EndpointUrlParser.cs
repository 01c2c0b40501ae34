using WAOps.Engine.Errors;

namespace WAOps.Aws.Session;

/// <summary>Validates an endpoint override: an absolute http(s) URL with a host and no query or fragment.</summary>
public static class EndpointUrlParser
{
    public static Uri Parse(string value, string origin)
    {
        var text = value.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new WAOpsException(
                SessionErrorIds.InvalidEndpointUrl,
                ErrorKind.InvalidArgument,
                $"'{value}' from {origin} is not a usable endpoint URL. Give an absolute http:// or https:// URL with a host, "
                + "such as http://127.0.0.1:5000, without query, fragment or user information.",
                value);
        }

        return uri;
    }
}
