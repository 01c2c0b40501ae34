using WAOps.Engine.Errors;

namespace WAOps.Engine.Inventory;

/// <summary>
/// A listing or per-resource read that failed while collecting (access denied to one service, a region that does not
/// answer): where, what, and the error. Collection goes on with the rest; each capability reports it as an error of
/// its own.
/// </summary>
public sealed record CollectionFailure(string? AccountId, string Region, string Listing, WAOpsException Error)
{
    public const string ListingFailedErrorId = "ListingFailed";

    /// <summary>A failure from any exception: WAOps' own errors as they are, others wrapped with their message.</summary>
    public static CollectionFailure From(string? accountId, string region, string listing, Exception error) =>
        new(accountId, region, listing, error as WAOpsException
            ?? new WAOpsException(ListingFailedErrorId, ErrorKind.NotSpecified, $"{listing} failed in {region}: {error.Message}", $"{region} {listing}", error));

    /// <summary>Where it failed, as an error's target: "[account ]region listing".</summary>
    public string Where => AccountId is null ? $"{Region} {Listing}" : $"{AccountId} {Region} {Listing}";
}
