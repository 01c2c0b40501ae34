namespace WAOps.Aws.Session;

/// <summary>Stable error ids for session resolution failures; scripts and tests match on these.</summary>
public static class SessionErrorIds
{
    public const string NoRegion = "NoRegion";
    public const string InvalidRegion = "InvalidRegion";
    public const string NoCredentials = "NoCredentials";
    public const string ProfileNotFound = "ProfileNotFound";
    public const string ProfileUnusable = "ProfileUnusable";
    public const string IncompleteCredentials = "IncompleteCredentials";
    public const string UnsupportedCredentialObject = "UnsupportedCredentialObject";
    public const string InvalidEndpointUrl = "InvalidEndpointUrl";
}
