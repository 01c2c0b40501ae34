namespace WAOps.Engine.Inventory;

/// <summary>
/// A listing that did not complete (access denied to one service, a region that does not answer): the inventory
/// holds none, or not all, of that kind there. Rules that apply to the kind report an error for it instead of
/// judging an incomplete picture as compliant.
/// </summary>
public sealed record ListingFailure(string ResourceType, string AccountId, string Region, string Listing, string ErrorId, string Message)
{
    public override string ToString() => $"{Listing} ({ResourceType}) in {AccountId} {Region}: {Message}";
}
