namespace WAOps.Engine.Inventory;

/// <summary>How a resource came into the inventory.</summary>
public enum DiscoverySource
{
    /// <summary>Listed by the Resource Groups Tagging API (it lists resources that have, or once had, tags).</summary>
    TaggingApi,

    /// <summary>Found only by the service's own API: never tagged, or of a type the Tagging API does not list.</summary>
    ServiceApi,

    /// <summary>Read from an infrastructure-as-code template or plan.</summary>
    Template,
}
