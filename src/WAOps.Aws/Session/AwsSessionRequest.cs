namespace WAOps.Aws.Session;

/// <summary>
/// What a cmdlet was given for reaching AWS: its common parameters plus the shell defaults
/// (<c>$StoredAWSCredentials</c>, <c>$StoredAWSRegion</c>) as AWS Tools for PowerShell defines them.
/// Resolution into an <see cref="AwsSession"/> happens in <see cref="AwsSessionResolver"/>.
/// </summary>
public sealed class AwsSessionRequest
{
    public string? ProfileName { get; init; }

    /// <summary>A credentials file to read profiles from instead of the default shared files.</summary>
    public string? ProfileLocation { get; init; }

    public string? AccessKey { get; init; }

    public string? SecretKey { get; init; }

    public string? SessionToken { get; init; }

    /// <summary>
    /// The -Credential argument: an AWSCredentials object from any AWSSDK.Core version (including the one
    /// AWS.Tools.Common loads), an object with a <c>Credentials</c> property holding one, or
    /// <see cref="StaticCredentialInput"/> built by the cmdlet layer from a PSCredential.
    /// </summary>
    public object? Credential { get; init; }

    /// <summary>The value of <c>$StoredAWSCredentials</c> in the caller's session, if any.</summary>
    public object? StoredCredentials { get; init; }

    public string? Region { get; init; }

    /// <summary>The value of <c>$StoredAWSRegion</c> in the caller's session, if any.</summary>
    public string? StoredRegion { get; init; }

    public string? EndpointUrl { get; init; }

    /// <summary>Where environment variables are read from; tests substitute their own.</summary>
    public IEnvironmentReader Environment { get; init; } = ProcessEnvironmentReader.Instance;
}

/// <summary>An access key pair given directly (for example from a PSCredential).</summary>
public sealed record StaticCredentialInput(string AccessKey, string SecretKey, string? SessionToken = null)
{
    // The record's generated ToString would print the secret; this one never does.
    public override string ToString() => $"StaticCredentialInput {{ AccessKey = {CredentialText.MaskAccessKey(AccessKey)} }}";
}
