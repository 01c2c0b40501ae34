using WAOps.Engine.Inventory.Properties;
using WAOps.Engine.Tags;

namespace WAOps.Engine.Inventory;

/// <summary>
/// The resources of one or more accounts (or templates), indexed for the lookups rules make: by id, by kind, and
/// by reference. A reference is what one resource holds to name another (subnet-0abc, a DB identifier, a
/// template's logical id, or a full ARN); it is resolved in the referring resource's account and region (then
/// among the account's global resources). Listings that failed are recorded so rules can tell "none" from "not
/// known". Built by one thread, then read by many.
/// </summary>
public sealed class ResourceInventory
{
    private readonly Dictionary<string, InventoryResource> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, string Region, string Type, string ResourceId), InventoryResource> _byReference = new();
    private readonly Dictionary<string, List<InventoryResource>> _byType = new(StringComparer.Ordinal);
    private readonly List<InventoryResource> _resources = new();
    private readonly List<ListingFailure> _failures = new();

    public IReadOnlyList<InventoryResource> Resources => _resources;

    public int Count => _resources.Count;

    public IReadOnlyList<ListingFailure> ListingFailures => _failures;

    /// <summary>Adds a resource; false (and nothing added) when one with the same id is already there.</summary>
    public bool Add(InventoryResource resource)
    {
        if (!_byId.TryAdd(resource.Arn, resource))
        {
            return false;
        }

        _resources.Add(resource);
        _byReference.TryAdd((resource.AccountId, resource.Region, resource.ResourceType, resource.ResourceId), resource);
        if (!_byType.TryGetValue(resource.ResourceType, out var list))
        {
            _byType[resource.ResourceType] = list = new List<InventoryResource>();
        }

        list.Add(resource);
        return true;
    }

    public void AddRange(IEnumerable<InventoryResource> resources)
    {
        foreach (var resource in resources)
        {
            Add(resource);
        }
    }

    public void AddListingFailure(ListingFailure failure) => _failures.Add(failure);

    public InventoryResource? Get(string id) => _byId.GetValueOrDefault(id);

    public IEnumerable<InventoryResource> OfKind(ResourceKind kind, string? accountId = null, string? region = null) =>
        (_byType.GetValueOrDefault(kind.Name) ?? Enumerable.Empty<InventoryResource>())
            .Where(r => (accountId is null || r.AccountId == accountId) && (region is null || r.Region == region));

    /// <summary>
    /// The resource of <paramref name="kind"/> that <paramref name="from"/> refers to by <paramref name="reference"/>
    /// (an ARN, or the target's short id in the same account and region, or among the account's global resources).
    /// </summary>
    public InventoryResource? Resolve(InventoryResource from, ResourceKind kind, string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        if (_byId.TryGetValue(reference, out var byId))
        {
            return byId.ResourceType == kind.Name ? byId : null;
        }

        return _byReference.GetValueOrDefault((from.AccountId, from.Region, kind.Name, reference))
            ?? _byReference.GetValueOrDefault((from.AccountId, PseudoResourceIds.GlobalRegion, kind.Name, reference));
    }

    /// <summary>The resource and its properties, when <paramref name="reference"/> resolves to a resource of that kind.</summary>
    public (InventoryResource Resource, T Properties)? Resolve<T>(InventoryResource from, ResourceKind kind, string? reference)
        where T : ResourceProperties =>
        Resolve(from, kind, reference) is { } target && target.PropertiesAs<T>() is { } properties ? (target, properties) : null;

    /// <summary>
    /// Like <see cref="Resolve"/>, as a fact: the resource when found; when not, unknown with the reason, and a read
    /// failure when the listing of that kind failed there (so a rule reports an error, not an absence).
    /// </summary>
    public Fact<InventoryResource> Lookup(InventoryResource from, ResourceKind kind, string? reference)
    {
        if (Resolve(from, kind, reference) is { } found)
        {
            return found;
        }

        return FailureFor(kind, from.AccountId, from.Region) is { } failure
            ? Fact<InventoryResource>.ReadFailed($"{kind.Name} {reference} could not be listed: {failure.Message}")
            : Fact<InventoryResource>.Unresolved($"{kind.Name} {reference} is not in the inventory");
    }

    /// <summary>The failure of the listing of <paramref name="kind"/> in that account and region (or globally), if it failed.</summary>
    public ListingFailure? FailureFor(ResourceKind kind, string accountId, string region) =>
        _failures.FirstOrDefault(f => f.ResourceType == kind.Name && f.AccountId == accountId
            && (f.Region == region || f.Region == PseudoResourceIds.GlobalRegion));

    /// <summary>
    /// Adds one aws:project resource per account and value of the Project tag found on the account's resources (the
    /// key in its exact spelling, else a mis-cased spelling such as "project"), so the cost rule can judge each
    /// project. Both live collectors and template readers call it once their resources are in.
    /// </summary>
    public void AddProjects(string tagKey = "Project")
    {
        var projects = _resources
            .Where(r => !r.ResourceType.StartsWith("aws:", StringComparison.Ordinal))
            .Select(r => (r.AccountId, Project: r.Tags.FindValue(tagKey)))
            .Where(p => !string.IsNullOrWhiteSpace(p.Project))
            .GroupBy(p => (p.AccountId, p.Project!), p => p)
            .OrderBy(g => g.Key.AccountId, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .ToList();
        foreach (var group in projects)
        {
            var (account, project) = group.Key;
            Add(new InventoryResource(ResourceKinds.Project, PseudoResourceIds.Project(account, project), project, account,
                PseudoResourceIds.GlobalRegion, new TagSet(new[] { KeyValuePair.Create(tagKey, project) }),
                new ProjectProperties { Project = project, ResourceCount = group.Count() }, DiscoverySource.ServiceApi, project));
        }
    }
}
