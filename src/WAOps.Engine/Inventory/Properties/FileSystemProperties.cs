namespace WAOps.Engine.Inventory.Properties;

/// <summary>An EFS file system (elasticfilesystem:file-system).</summary>
public sealed class FileSystemProperties : ResourceProperties
{
    public Fact<bool> Encrypted { get; init; }

    public Fact<string?> KmsKeyId { get; init; }

    /// <summary>The zone of a One Zone file system; null for a regional (multi-AZ) one.</summary>
    public Fact<string?> AvailabilityZoneName { get; init; }

    /// <summary>The availability zones of its mount targets.</summary>
    public Fact<IReadOnlyList<string>> MountTargetAvailabilityZones { get; init; }
}
