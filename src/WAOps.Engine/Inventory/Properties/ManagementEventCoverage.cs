namespace WAOps.Engine.Inventory.Properties;

/// <summary>Which management events a trail records (from basic or advanced event selectors).</summary>
public enum ManagementEventCoverage
{
    None,
    ReadOnly,
    WriteOnly,
    All,
}
