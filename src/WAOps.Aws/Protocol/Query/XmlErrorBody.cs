using System.Xml;
using System.Xml.Linq;

namespace WAOps.Aws.Protocol.Query;

/// <summary>
/// Reads the code, message and request id of an XML error document (&lt;ErrorResponse&gt; of awsQuery,
/// &lt;Response&gt;&lt;Errors&gt; of EC2). JSON services can answer this way too when a front end rejects the
/// request before the service sees it.
/// </summary>
internal static class XmlErrorBody
{
    public static bool TryRead(byte[] body, out string? code, out string? message, out string? requestId)
    {
        code = message = requestId = null;
        try
        {
            var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body));
            var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
            message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
            requestId = document.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    public static bool LooksLikeXml(byte[] body)
    {
        foreach (var b in body)
        {
            if (!char.IsWhiteSpace((char)b))
            {
                return b == (byte)'<';
            }
        }

        return false;
    }
}
