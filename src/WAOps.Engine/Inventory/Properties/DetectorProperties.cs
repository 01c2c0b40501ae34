namespace WAOps.Engine.Inventory.Properties;

/// <summary>A GuardDuty detector (guardduty:detector); an account has at most one per region.</summary>
public sealed class DetectorProperties : ResourceProperties
{
    /// <summary>ENABLED or DISABLED.</summary>
    public Fact<string> Status { get; init; }
}
