using WAOps.Engine.Inventory;

namespace WAOps.Aws.Gates.Listings;

/// <summary>Every listing of the live collector, and the ones a set of kinds needs.</summary>
internal static class ListingCatalog
{
    public static IReadOnlyList<InventoryListing> All { get; } =
        Ec2Listings.All()
            .Concat(DatabaseListings.All())
            .Concat(NetworkServiceListings.All())
            .Concat(DataListings.All())
            .Concat(AccountListings.All())
            .Append(AccountListings.Tags)
            .ToList();

    /// <summary>The listings that produce (or fill properties of) any of <paramref name="kinds"/>.</summary>
    public static IReadOnlyList<InventoryListing> For(IReadOnlyCollection<ResourceKind> kinds) =>
        All.Where(l => l.Needs.Any(kinds.Contains)).ToList();
}
