namespace WAOps.Engine.Inventory.Properties;

/// <summary>An Aurora or Multi-AZ DB cluster (rds:cluster).</summary>
public sealed class DbClusterProperties : ResourceProperties
{
    public Fact<string> Engine { get; init; }

    /// <summary>provisioned, serverless, ... (null when not reported).</summary>
    public Fact<string?> EngineMode { get; init; }

    /// <summary>The cluster's MultiAZ flag (true once it has instances in more than one AZ).</summary>
    public Fact<bool> MultiAz { get; init; }

    /// <summary>References to its DB instances (their identifiers).</summary>
    public Fact<IReadOnlyList<string>> MemberInstanceIds { get; init; }

    public Fact<bool> StorageEncrypted { get; init; }

    public Fact<string?> KmsKeyId { get; init; }
}
