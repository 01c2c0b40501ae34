using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.ResourceGroupsTagging.Model;

// GetResources, named as in AWSSDK.ResourceGroupsTaggingAPI.

public sealed class GetResourcesRequest
{
    public string? PaginationToken { get; set; }

    public List<TagFilter>? TagFilters { get; set; }

    public int? ResourcesPerPage { get; set; }

    public List<string>? ResourceTypeFilters { get; set; }

    public bool? IncludeComplianceDetails { get; set; }

    public bool? ExcludeCompliantResources { get; set; }

    public List<string>? ResourceARNList { get; set; }

    internal GetResourcesRequest WithPaginationToken(string? token) => new()
    {
        PaginationToken = token,
        TagFilters = TagFilters,
        ResourcesPerPage = ResourcesPerPage,
        ResourceTypeFilters = ResourceTypeFilters,
        IncludeComplianceDetails = IncludeComplianceDetails,
        ExcludeCompliantResources = ExcludeCompliantResources,
        ResourceARNList = ResourceARNList,
    };
}

public sealed class TagFilter
{
    public string? Key { get; set; }

    public List<string>? Values { get; set; }
}

public sealed class GetResourcesResponse : AwsResponse
{
    public string? PaginationToken { get; set; }

    public List<ResourceTagMapping> ResourceTagMappingList { get; set; } = new();
}

public sealed class ResourceTagMapping
{
    public string? ResourceARN { get; set; }

    public List<Tag> Tags { get; set; } = new();

    public ComplianceDetails? ComplianceDetails { get; set; }
}

public sealed class Tag
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}

public sealed class ComplianceDetails
{
    public List<string> NoncompliantKeys { get; set; } = new();

    public List<string> KeysWithNoncompliantValues { get; set; } = new();

    public bool? ComplianceStatus { get; set; }
}
