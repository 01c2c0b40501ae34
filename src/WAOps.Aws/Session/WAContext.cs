using WAOps.Aws.Session;

namespace WAOps;

/// <summary>
/// Where WAOps would act: the account and caller the credentials belong to, the region, where credentials
/// and region came from, and the endpoint calls go to. Written by Get-WAContext.
/// </summary>
public sealed class WAContext
{
    public required string Account { get; init; }

    public required string Arn { get; init; }

    public required string UserId { get; init; }

    public required string Region { get; init; }

    public required string Partition { get; init; }

    public required RegionSource RegionSource { get; init; }

    public required CredentialSource CredentialSource { get; init; }

    /// <summary>Where the credentials came from (profile and file, variable names); never a secret.</summary>
    public required string CredentialDetail { get; init; }

    /// <summary>The access key id, masked to its first and last four characters.</summary>
    public required string AccessKeyId { get; init; }

    public string? ProfileName { get; init; }

    /// <summary>The endpoint override every service uses, or null for AWS's public endpoints.</summary>
    public Uri? EndpointUrl { get; init; }

    public required EndpointSource EndpointSource { get; init; }

    public override string ToString() => $"{Account} {Region} ({Arn})";
}
