namespace WAOps.Aws.Session;

/// <summary>A session-wide endpoint override and where it came from.</summary>
internal sealed record EndpointOverride(Uri? Url, EndpointSource Source)
{
    public static readonly EndpointOverride None = new(null, EndpointSource.Default);
}
