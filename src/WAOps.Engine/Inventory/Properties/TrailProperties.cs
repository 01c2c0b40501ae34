namespace WAOps.Engine.Inventory.Properties;

/// <summary>A CloudTrail trail (cloudtrail:trail).</summary>
public sealed class TrailProperties : ResourceProperties
{
    public Fact<bool> IsMultiRegion { get; init; }

    /// <summary>Whether it is recording now (GetTrailStatus IsLogging; a template's IsLogging).</summary>
    public Fact<bool> IsLogging { get; init; }

    public Fact<bool> LogFileValidationEnabled { get; init; }

    /// <summary>An organization trail: created in the management account, it logs every member account too.</summary>
    public Fact<bool> IsOrganizationTrail { get; init; }

    public Fact<string?> HomeRegion { get; init; }

    public Fact<ManagementEventCoverage> ManagementEvents { get; init; }
}
