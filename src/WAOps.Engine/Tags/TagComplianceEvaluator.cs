using WAOps.Engine.Inventory;
using WAOps.Engine.Text;

namespace WAOps.Engine.Tags;

/// <summary>
/// Judges a resource's tags against a tag policy. A required key is present only in its exact spelling;
/// a key that matches it ignoring case and surrounding spaces is reported as mis-cased (not as missing), and
/// its value is still checked against the allowed values. Keys beginning "aws:" are AWS's own and ignored.
/// </summary>
public static class TagComplianceEvaluator
{
    public static TagComplianceResult Evaluate(InventoryResource resource, TagPolicy policy)
    {
        var missing = new List<string>();
        var misCased = new List<string>();
        var invalid = new List<string>();
        var userKeys = resource.Tags.Keys.Where(k => !k.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)).ToList();

        foreach (var required in policy.RequiredKeys)
        {
            string? presentAs = null;
            if (resource.Tags.ContainsKey(required))
            {
                presentAs = required;
            }
            else
            {
                presentAs = userKeys.FirstOrDefault(k => string.Equals(k.Trim(), required, StringComparison.OrdinalIgnoreCase));
                if (presentAs is not null)
                {
                    misCased.Add($"{presentAs}->{required}");
                }
            }

            if (presentAs is null)
            {
                missing.Add(required);
                continue;
            }

            if (policy.AllowedValues.TryGetValue(required, out var patterns))
            {
                var value = resource.Tags[presentAs];
                if (!patterns.Any(p => p.IsMatch(value)))
                {
                    invalid.Add($"{presentAs}={value}");
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
            Compliant = missing.Count == 0 && misCased.Count == 0 && invalid.Count == 0,
            MissingKeys = new TextList(missing),
            MisCasedKeys = new TextList(misCased),
            InvalidValues = new TextList(invalid),
            Tags = resource.Tags,
            DiscoveredBy = resource.DiscoveredBy,
        };
    }
}
