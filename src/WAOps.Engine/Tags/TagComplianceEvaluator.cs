using WAOps.Engine.Inventory;
using WAOps.Engine.Text;

namespace WAOps.Engine.Tags;

/// <summary>
/// Judges a resource's tags against a tag policy. A required key is present only in its exact spelling;
/// a key that matches it ignoring case and surrounding spaces is reported as mis-cased (not as missing), and
/// its value is still checked against the allowed values. Keys beginning "aws:" are AWS's own and ignored.
/// </summary>
/// <remarks>
/// A scan judges every resource of an account, so this allocates only what the result keeps: no lambdas, a list
/// only for a finding there is, and missing keys as the policy's shared list for that combination.
/// </remarks>
public static class TagComplianceEvaluator
{
    public static TagComplianceResult Evaluate(InventoryResource resource, TagPolicy policy)
    {
        List<string>? missing = null;
        List<string>? misCased = null;
        List<string>? invalid = null;
        var tags = resource.Tags;

        // Indexed: foreach over the policy's IReadOnlyList would box an enumerator for every resource.
        var requiredKeys = policy.RequiredKeys;
        for (var index = 0; index < requiredKeys.Count; index++)
        {
            var required = requiredKeys[index];
            var presentAs = tags.ContainsKey(required) ? required : tags.FindMisCasedKey(required);
            if (presentAs is null)
            {
                (missing ??= new List<string>()).Add(required);
                continue;
            }

            if (!string.Equals(presentAs, required, StringComparison.Ordinal))
            {
                (misCased ??= new List<string>()).Add($"{presentAs}->{required}");
            }

            if (policy.AllowedValues.TryGetValue(required, out var patterns))
            {
                var value = tags[presentAs];
                if (!WildcardPattern.AnyMatches(patterns, value))
                {
                    (invalid ??= new List<string>()).Add($"{presentAs}={value}");
                }
            }
        }

        return new TagComplianceResult
        {
            ResourceArn = resource.Arn,
            ResourceType = resource.ResourceType,
            ResourceId = resource.ResourceId,
            Name = resource.Name,
            Region = resource.Region,
            AccountId = resource.AccountId,
            Compliant = missing is null && misCased is null && invalid is null,
            MissingKeys = policy.MissingKeysList(missing),
            MisCasedKeys = TextList.Of(misCased),
            InvalidValues = TextList.Of(invalid),
            Tags = tags,
            DiscoveredBy = resource.DiscoveredBy,
        };
    }
}
