using System.Text.RegularExpressions;
using WAOps.Engine.Errors;
using WAOps.Engine.Text;

namespace WAOps.Engine.Tags;

/// <summary>
/// What the tagging strategy requires: keys that must be present (exact spelling: AWS tag keys are
/// case-sensitive), optionally the values each key may take (wildcards allowed), and optionally the resource
/// types the policy applies to. Built only through <see cref="Create"/>, which rejects a policy that cannot
/// be meant.
/// </summary>
public sealed partial class TagPolicy
{
    public static readonly IReadOnlyList<string> DefaultRequiredKeys = new[] { "Environment", "Project", "Team", "CostCenter" };

    public static readonly TagPolicy Default = Create(DefaultRequiredKeys, null, null, "the default policy");

    private TagPolicy(IReadOnlyList<string> requiredKeys, IReadOnlyDictionary<string, IReadOnlyList<WildcardPattern>> allowedValues,
        IReadOnlyList<WildcardPattern> resourceTypes, string source)
    {
        RequiredKeys = requiredKeys;
        AllowedValues = allowedValues;
        ResourceTypes = resourceTypes;
        Source = source;
        _missingKeyLists = requiredKeys.Count <= MaxKeysForSharedLists ? new TextList?[1 << requiredKeys.Count] : null;
    }

    // One list per combination of missing keys, shared by every result that misses exactly those: a scan keeps its
    // results, tens of thousands of them, and they miss one of a few combinations. Up to 8 keys (256 combinations).
    private const int MaxKeysForSharedLists = 8;

    private readonly TextList?[]? _missingKeyLists;

    public IReadOnlyList<string> RequiredKeys { get; }

    /// <summary>Allowed value patterns per required key; keys without an entry take any value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<WildcardPattern>> AllowedValues { get; }

    /// <summary>Resource type patterns (ec2:instance, rds:*, ...) the policy applies to; empty means all.</summary>
    public IReadOnlyList<WildcardPattern> ResourceTypes { get; }

    /// <summary>Where the policy came from (parameters, a file path), for messages.</summary>
    public string Source { get; }

    /// <summary>
    /// <paramref name="missing"/> (required keys, in policy order) as a read-only list: the same instance for the
    /// same keys; <see cref="TextList.Empty"/> for none.
    /// </summary>
    public TextList MissingKeysList(List<string>? missing)
    {
        if (missing is null || missing.Count == 0)
        {
            return TextList.Empty;
        }

        if (_missingKeyLists is not { } shared)
        {
            return TextList.Of(missing);
        }

        var combination = 0;
        var matched = 0;
        for (var index = 0; index < RequiredKeys.Count && matched < missing.Count; index++)
        {
            if (string.Equals(RequiredKeys[index], missing[matched], StringComparison.Ordinal))
            {
                combination |= 1 << index;
                matched++;
            }
        }

        // Keys that are not the policy's, or out of its order, get a list of their own. Two threads may both build a
        // combination's first list; they are equal, and either may stay.
        return matched == missing.Count ? shared[combination] ??= TextList.Of(missing) : TextList.Of(missing);
    }

    public bool AppliesTo(string resourceType) => ResourceTypes.Count == 0 || WildcardPattern.AnyMatches(ResourceTypes, resourceType);

    [GeneratedRegex("^[a-z0-9-]+(:[A-Za-z0-9*?\\-_\\[\\]]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceTypePattern();

    public static TagPolicy Create(
        IEnumerable<string> requiredKeys,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? allowedValues,
        IEnumerable<string>? resourceTypes,
        string source)
    {
        var keys = requiredKeys.ToList();
        if (keys.Count == 0)
        {
            throw Error(TagPolicyErrorIds.EmptyRequiredTagList, $"The tag policy from {source} requires no tag keys; name at least one.", null);
        }

        foreach (var key in keys)
        {
            ValidateKey(key, source);
        }

        var duplicate = keys.GroupBy(k => k.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Error(TagPolicyErrorIds.DuplicateRequiredTag,
                $"The tag policy from {source} requires '{string.Join("' and '", duplicate)}', which differ only in case or spacing; require one spelling.", duplicate.Key);
        }

        var allowed = new Dictionary<string, IReadOnlyList<WildcardPattern>>(StringComparer.Ordinal);
        foreach (var (key, values) in allowedValues ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                throw Error(TagPolicyErrorIds.AllowedValueForUnrequiredKey,
                    $"The tag policy from {source} lists allowed values for '{key}', which is not a required key ({string.Join(", ", keys)}).", key);
            }

            if (values.Count == 0)
            {
                throw Error(TagPolicyErrorIds.EmptyAllowedValueList, $"The tag policy from {source} lists no allowed values for '{key}'; omit the key to allow any value.", key);
            }

            foreach (var value in values)
            {
                if (value is null || value.Length > 256)
                {
                    throw Error(TagPolicyErrorIds.InvalidTagValue, $"The tag policy from {source} has an allowed value for '{key}' that is empty or longer than 256 characters.", key);
                }
            }

            allowed[key] = values.Select(v => new WildcardPattern(v)).ToList();
        }

        var types = new List<WildcardPattern>();
        foreach (var type in resourceTypes ?? Enumerable.Empty<string>())
        {
            if (string.IsNullOrWhiteSpace(type) || !ResourceTypePattern().IsMatch(type))
            {
                throw Error(TagPolicyErrorIds.InvalidResourceType,
                    $"'{type}' in the tag policy from {source} is not a resource type; use service:type such as ec2:instance, s3:bucket or rds:*.", type);
            }

            types.Add(new WildcardPattern(type));
        }

        return new TagPolicy(keys, allowed, types, source);
    }

    /// <summary>Checks a tag key as AWS does: 1-128 characters, not starting with the reserved "aws:".</summary>
    public static void ValidateKey(string? key, string source)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 128)
        {
            throw Error(TagPolicyErrorIds.InvalidTagKey, $"'{key}' from {source} is not a tag key: keys are 1 to 128 characters.", key);
        }

        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw Error(TagPolicyErrorIds.InvalidTagKey, $"'{key}' from {source} uses the reserved prefix 'aws:'.", key);
        }
    }

    private static WAOpsException Error(string id, string message, object? target) => new(id, ErrorKind.InvalidArgument, message, target);
}
