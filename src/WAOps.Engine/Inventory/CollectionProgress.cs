namespace WAOps.Engine.Inventory;

/// <summary>How far a collection has got: resources so far, listings done of all, the last one; reported after each page or listing.</summary>
public sealed record CollectionProgress(string? AccountId, int Resources, int ListingsDone, int ListingsTotal, string LastListing);
