namespace WAOps.Aws.Session;

/// <summary>Where a session's credentials came from, in the order they are looked for.</summary>
public enum CredentialSource
{
    ExplicitKeys,
    NamedProfile,
    CredentialParameter,
    StoredCredentials,
    Environment,
    DefaultProfile,
    ContainerRole,
    InstanceRole,

    /// <summary>A role of another account assumed with STS AssumeRole (Test-WAQualityGate -AssumeRoleName).</summary>
    AssumedRole,
}

/// <summary>Where a session's region came from, in the order it is looked for.</summary>
public enum RegionSource
{
    Parameter,
    StoredRegion,
    Profile,
    Environment,
    InstanceMetadata,
}

/// <summary>Where the endpoint override came from; <see cref="Default"/> means AWS's public endpoints.</summary>
public enum EndpointSource
{
    Default,
    Parameter,
    ServiceEnvironment,
    Environment,
    Profile,
}
