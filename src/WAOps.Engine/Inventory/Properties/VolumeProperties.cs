namespace WAOps.Engine.Inventory.Properties;

/// <summary>An EBS volume (ec2:volume).</summary>
public sealed class VolumeProperties : ResourceProperties
{
    public Fact<bool> Encrypted { get; init; }

    public Fact<string?> KmsKeyId { get; init; }

    public Fact<IReadOnlyList<string>> AttachedInstanceIds { get; init; }
}
