namespace WAOps.Aws.Protocol;

/// <summary>The User-Agent WAOps sends: product and version, the AWSSDK.Core it signs with, the runtime.</summary>
internal static class AwsUserAgent
{
    public static readonly string Value =
        $"WAOps/{typeof(AwsUserAgent).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"} "
        + $"md/AWSSDK.Core#{typeof(Amazon.Runtime.AWSCredentials).Assembly.GetName().Version?.ToString(3)} "
        + $"lang/.NET#{Environment.Version} os/{(OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux")}";
}
