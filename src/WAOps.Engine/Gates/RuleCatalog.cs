using WAOps.Engine.Errors;
using WAOps.Engine.Gates.Rules;
using WAOps.Engine.Text;

namespace WAOps.Engine.Gates;

/// <summary>Every rule WAOps knows, and the rule sets that name them.</summary>
public static class RuleCatalog
{
    /// <summary>All rules, in the order reports list them (by gate).</summary>
    public static IReadOnlyList<IGateRule> Rules { get; } = new IGateRule[]
    {
        new RdsInstanceMultiAzRule(),
        new RdsClusterMultiAzRule(),
        new ElastiCacheMultiAzRule(),
        new EfsMultiAzRule(),
        new Ec2InstancePrivateSubnetRule(),
        new Ec2InstanceNoPublicIpRule(),
        new RdsNotPubliclyAccessibleRule(),
        new RdsPrivateSubnetsRule(),
        new ElastiCachePrivateSubnetsRule(),
        new SubnetNoAutoPublicIpRule(),
        new EbsVolumeEncryptedRule(),
        new EbsDefaultEncryptionRule(),
        new RdsStorageEncryptedRule(),
        new EfsEncryptedRule(),
        new ElastiCacheEncryptedAtRestRule(),
        new ElastiCacheEncryptedInTransitRule(),
        new S3BucketEncryptionRule(),
        new DynamoDbTableEncryptionRule(),
        new SqsQueueEncryptedRule(),
        new SnsTopicEncryptedRule(),
        new ElbListenerTlsRule(),
        new S3BucketSecureTransportRule(),
        new IamNoWildcardActionRule(),
        new IamNoWildcardResourceRule(),
        new IamNoNotActionRule(),
        new CloudTrailEnabledRule(),
        new GuardDutyEnabledRule(),
        new CostBudgetForecastRule(),
        new IacCostEstimateRule(),
        new S3GatewayEndpointRule(),
        new DynamoDbGatewayEndpointRule(),
        new InterfaceEndpointsRule(),
        new TagsRequiredRule(),
    };

    /// <summary>The rule sets, oldest first. Add a set for new rules; never change a released one.</summary>
    public static IReadOnlyList<RuleSet> RuleSets { get; } = new[]
    {
        // Released sets never change: 2026.11 is every rule but those added after it.
        new RuleSet("waops-2026.11", new DateOnly(2026, 11, 25), Rules.Select(r => r.Id).Where(id => id != "iac-cost-estimate").ToList(),
            "The seed's eight quality gates: Multi-AZ, no public subnets, encryption at rest and in transit, scoped IAM, CloudTrail and GuardDuty, cost estimate, VPC endpoints, tagging."),
        new RuleSet("waops-2026.12", new DateOnly(2026, 11, 26), Rules.Select(r => r.Id).ToList(),
            "waops-2026.11 plus iac-cost-estimate: gate 6 for CloudFormation templates and Terraform plans (a cost estimate comes with the template)."),
    };

    public static RuleSet Latest => RuleSets[^1];

    public static IGateRule? FindRule(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    public static RuleSet GetRuleSet(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return Latest;
        }

        return RuleSets.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new WAOpsException(GateErrorIds.UnknownRuleSet, ErrorKind.InvalidArgument,
                $"'{id}' is not a rule set of this WAOps version; known rule sets: {string.Join(", ", RuleSets.Select(s => s.Id))}.", id)
            {
                RecommendedAction = "Pin a rule set this module has, or update WAOps to a version that has the one you pinned.",
            };
    }

    /// <summary>
    /// The rules of <paramref name="ruleSetId"/> (the latest when null) that match <paramref name="include"/> (ids with
    /// wildcards; all when empty), do not match <paramref name="exclude"/>, and belong to one of <paramref name="pillars"/>
    /// (all when empty). A pattern that matches no rule of the set is an error (a typo would otherwise silently judge nothing).
    /// </summary>
    public static RuleSelection Select(string? ruleSetId, IReadOnlyList<string>? include, IReadOnlyList<string>? exclude, IReadOnlyList<Pillar>? pillars)
    {
        var set = GetRuleSet(ruleSetId);
        var inSet = set.RuleIds.Select(id => FindRule(id) ?? throw new InvalidOperationException($"Rule set {set.Id} names unknown rule {id}.")).ToList();
        var included = Patterns(include, set, inSet, "-Rule");
        var excluded = Patterns(exclude, set, inSet, "-ExcludeRule");
        var rules = inSet
            .Where(r => included.Count == 0 || included.Any(p => p.IsMatch(r.Id)))
            .Where(r => !excluded.Any(p => p.IsMatch(r.Id)))
            .Where(r => pillars is null || pillars.Count == 0 || pillars.Contains(r.Pillar))
            .ToList();
        if (rules.Count == 0)
        {
            throw new WAOpsException(GateErrorIds.NoRuleSelected, ErrorKind.InvalidArgument,
                $"The selection leaves no rule of rule set {set.Id} to judge with; check -Rule, -ExcludeRule and -Pillar.", set.Id);
        }

        return new RuleSelection(set, rules);
    }

    private static List<WildcardPattern> Patterns(IReadOnlyList<string>? patterns, RuleSet set, IReadOnlyList<IGateRule> inSet, string parameter)
    {
        var list = new List<WildcardPattern>();
        foreach (var text in patterns ?? Array.Empty<string>())
        {
            var pattern = new WildcardPattern(text, ignoreCase: true);
            if (!inSet.Any(r => pattern.IsMatch(r.Id)))
            {
                var elsewhere = Rules.Any(r => pattern.IsMatch(r.Id)) ? $" (it is not part of rule set {set.Id})" : string.Empty;
                throw new WAOpsException(GateErrorIds.UnknownRule, ErrorKind.InvalidArgument,
                    $"{parameter} '{text}' matches no rule{elsewhere}. Rules of {set.Id}: {string.Join(", ", inSet.Select(r => r.Id))}.", text);
            }

            list.Add(pattern);
        }

        return list;
    }
}
