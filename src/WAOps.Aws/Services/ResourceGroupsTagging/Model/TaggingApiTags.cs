using WAOps.Engine.Tags;

namespace WAOps.Aws.Services.ResourceGroupsTagging.Model;

/// <summary>The Tagging API's tag list of a resource as the engine's <see cref="TagSet"/>.</summary>
public static class TaggingApiTags
{
    /// <summary>
    /// Tags without a key are left out (the API never sends one); a missing value is an empty one. Built with a
    /// plain loop: a scan converts the tags of every resource of an account.
    /// </summary>
    public static TagSet ToTagSet(this List<Tag> tags)
    {
        if (tags.Count == 0)
        {
            return TagSet.Empty;
        }

        var pairs = new List<KeyValuePair<string, string>>(tags.Count);
        foreach (var tag in tags)
        {
            if (tag.Key is not null)
            {
                pairs.Add(KeyValuePair.Create(tag.Key, tag.Value ?? string.Empty));
            }
        }

        return new TagSet(pairs);
    }
}
