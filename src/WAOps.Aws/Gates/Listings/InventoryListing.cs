using WAOps.Engine.Inventory;

namespace WAOps.Aws.Gates.Listings;

/// <summary>
/// One listing of the live collector: the AWS call(s) it makes, when it is needed (any of <see cref="Needs"/> is a
/// kind the selected rules use), whether it runs once per account (global) or per region, and which kinds are
/// incomplete when it fails.
/// </summary>
internal sealed record InventoryListing(
    string Name,
    IReadOnlyList<ResourceKind> Needs,
    IReadOnlyList<ResourceKind> FailsKinds,
    bool IsGlobal,
    Func<ListingContext, Task> RunAsync);
