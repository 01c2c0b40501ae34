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

        // The pairs go through a buffer of the thread's that TagSet copies from, so a resource's tags cost one array.
        var buffer = _pairs is { } pairs && pairs.Length >= tags.Count ? pairs : _pairs = new KeyValuePair<string, string>[Math.Max(tags.Count, 64)];
        var used = 0;
        foreach (var tag in tags)
        {
            if (tag.Key is not null)
            {
                buffer[used++] = KeyValuePair.Create(tag.Key, tag.Value ?? string.Empty);
            }
        }

        var set = new TagSet(buffer.AsSpan(0, used));
        buffer.AsSpan(0, used).Clear();
        return set;
    }

    [ThreadStatic]
    private static KeyValuePair<string, string>[]? _pairs;
}
