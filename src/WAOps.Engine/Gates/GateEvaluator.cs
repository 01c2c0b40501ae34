using WAOps.Engine.Errors;
using WAOps.Engine.Gates.Waivers;
using WAOps.Engine.Inventory;

namespace WAOps.Engine.Gates;

/// <summary>
/// Runs the selected rules over an inventory and streams findings, rule by rule, resource by resource. Before a
/// rule judges, the listings of its kinds that failed become Error findings (an incomplete listing must not look
/// compliant). Production-only rules give NotApplicable outside production unless every environment is asked for.
/// Out-of-scope resources are skipped but stay available as references. Waivers are applied as findings are made.
/// A rule that throws gives an Error finding for that resource, and the run goes on.
/// </summary>
public sealed class GateEvaluator
{
    private readonly RuleSelection _selection;
    private readonly GateOptions _options;
    private readonly GateScope _scope;
    private readonly WaiverSet _waivers;

    public GateEvaluator(RuleSelection selection, GateOptions options, GateScope? scope = null, WaiverSet? waivers = null)
    {
        _selection = selection;
        _options = options;
        _scope = scope ?? GateScope.Everything;
        _waivers = waivers ?? WaiverSet.Empty;
    }

    public IEnumerable<GateFinding> Evaluate(ResourceInventory inventory)
    {
        var context = new RuleContext(inventory, _options);
        var projectsInScope = new HashSet<string>(
            inventory.Resources
                .Where(r => !IsPseudo(r) && _scope.Includes(r, _options.ProjectTagKey, _options.EnvironmentTagKey))
                .Select(r => r.Tags.FindValue(_options.ProjectTagKey))
                .Where(p => p is not null)
                .Select(p => p!),
            StringComparer.Ordinal);

        foreach (var rule in _selection.Rules)
        {
            foreach (var kind in rule.AppliesTo)
            {
                foreach (var failure in inventory.ListingFailures.Where(f => f.ResourceType == kind.Name))
                {
                    yield return _waivers.Apply(ListingError(rule, failure));
                }

                foreach (var resource in inventory.OfKind(kind))
                {
                    if (!InScope(resource, projectsInScope))
                    {
                        continue;
                    }

                    foreach (var verdict in Judge(rule, resource, context))
                    {
                        yield return _waivers.Apply(Finding(rule, resource, verdict));
                    }
                }
            }
        }
    }

    private bool InScope(InventoryResource resource, ISet<string> projectsInScope)
    {
        if (resource.Kind == ResourceKinds.Project)
        {
            return _scope.IncludesProject(resource.ResourceId, projectsInScope);
        }

        return IsPseudo(resource) || _scope.Includes(resource, _options.ProjectTagKey, _options.EnvironmentTagKey);
    }

    private IEnumerable<RuleVerdict> Judge(IGateRule rule, InventoryResource resource, RuleContext context)
    {
        if (rule.ProductionOnly && !_options.AllEnvironments)
        {
            if (resource.TagsUnknownReason is { } unknown)
            {
                return new[]
                {
                    resource.TagsReadFailed
                        ? RuleVerdict.Error($"whether this is production could not be read: {unknown}")
                        : new RuleVerdict(GateStatus.Unknown, $"Environment tag: value not known ({unknown})"),
                };
            }

            var environment = resource.Tags.FindValue(_options.EnvironmentTagKey);
            if (environment is null || !_options.ProductionEnvironments.Contains(environment.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                var seen = environment is null ? $"no {_options.EnvironmentTagKey} tag" : $"{_options.EnvironmentTagKey}={environment}";
                return new[]
                {
                    RuleVerdict.NotApplicable($"{seen}: required in production only ({_options.EnvironmentTagKey} {string.Join(" or ", _options.ProductionEnvironments)}; -AllEnvironments judges every environment)"),
                };
            }
        }

        try
        {
            var verdicts = rule.Evaluate(resource, context).ToList();
            return verdicts.Count > 0 ? verdicts : new[] { RuleVerdict.Error("the rule gave no verdict") };
        }
        catch (Exception ex) when (ex is WAOpsException or InvalidOperationException or ArgumentException or FormatException or NullReferenceException)
        {
            return new[] { RuleVerdict.Error($"the rule failed on this resource: {ex.Message}") };
        }
    }

    private GateFinding Finding(IGateRule rule, InventoryResource resource, RuleVerdict verdict) => new()
    {
        RuleId = rule.Id,
        Title = rule.Title,
        Gate = rule.Gate,
        Pillar = rule.Pillar,
        Severity = rule.Severity,
        Status = verdict.Status,
        Reason = verdict.Reason,
        Remediation = rule.Remediation,
        Detail = verdict.Detail,
        ResourceArn = resource.Arn,
        ResourceType = resource.ResourceType,
        ResourceId = resource.ResourceId,
        Name = resource.Name,
        AccountId = resource.AccountId,
        Region = resource.Region,
        Environment = resource.Tags.FindValue(_options.EnvironmentTagKey),
        Project = resource.Tags.FindValue(_options.ProjectTagKey),
        Location = verdict.Location ?? resource.Location,
    };

    private static GateFinding ListingError(IGateRule rule, ListingFailure failure) => new()
    {
        RuleId = rule.Id,
        Title = rule.Title,
        Gate = rule.Gate,
        Pillar = rule.Pillar,
        Severity = rule.Severity,
        Status = GateStatus.Error,
        Reason = $"{failure.ResourceType} could not be listed ({failure.Listing}), so none of them were judged: {failure.Message}",
        Remediation = "Give the caller read access to the service (see the required permissions in Get-Help Test-WAQualityGate) and run again.",
        Detail = failure.Listing,
        ResourceArn = failure.Region == PseudoResourceIds.GlobalRegion ? PseudoResourceIds.Account(failure.AccountId) : PseudoResourceIds.AccountRegion(failure.AccountId, failure.Region),
        ResourceType = failure.ResourceType,
        ResourceId = failure.Region,
        Name = failure.Listing,
        AccountId = failure.AccountId,
        Region = failure.Region,
    };

    private static bool IsPseudo(InventoryResource resource) => resource.ResourceType.StartsWith("aws:", StringComparison.Ordinal);
}
