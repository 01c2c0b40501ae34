namespace WAOps.Engine.Inventory.Properties;

/// <summary>One region of an account (kind aws:account-region): the regional account settings.</summary>
public sealed class AccountRegionProperties : ResourceProperties
{
    /// <summary>EC2 GetEbsEncryptionByDefault: new volumes in the region are encrypted whatever their creator asks.</summary>
    public Fact<bool> EbsEncryptionByDefault { get; init; }
}
