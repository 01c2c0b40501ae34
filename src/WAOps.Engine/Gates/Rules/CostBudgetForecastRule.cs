using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>Gate 6: each project has a budget that alerts on forecasted spend.</summary>
public sealed class CostBudgetForecastRule : GateRule<ProjectProperties>
{
    public override string Id => "cost-budget-forecast";

    public override string Title => "Each project has a budget with forecast alerts";

    public override string Description =>
        "A cost estimate for a live project is a budget filtered on its Project tag (TagKeyValue user:Project$<value>) with at least one FORECASTED "
        + "notification, so overspending is flagged before it happens. Projects are the values of the Project tag found on the account's resources.";

    public override string Remediation => "Set-WABudgetAlert -Project <project> -Amount <monthly estimate> -Email <owner> (forecast alerts at 50/80/100 %).";

    public override QualityGate Gate => QualityGate.CostEstimate;

    public override Pillar Pillar => Pillar.CostOptimization;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Project };

    public override IReadOnlyList<ResourceKind> Reads { get; } = new[] { ResourceKinds.Budget };

    protected override RuleVerdict Judge(InventoryResource resource, ProjectProperties project, RuleContext context)
    {
        var matching = new List<(InventoryResource Budget, IReadOnlyList<string> Types)>();
        foreach (var budget in context.Inventory.OfKind(ResourceKinds.Budget, resource.AccountId))
        {
            if (budget.PropertiesAs<BudgetProperties>() is not { } p)
            {
                continue;
            }

            if (!p.Project.TryGet(out var scope))
            {
                return RuleVerdict.NotKnown(p.Project, $"project of budget {budget.Name ?? budget.ResourceId}");
            }

            if (!string.Equals(scope, project.Project, StringComparison.Ordinal))
            {
                continue;
            }

            if (!p.NotificationTypes.TryGet(out var types))
            {
                return RuleVerdict.NotKnown(p.NotificationTypes, $"notifications of budget {budget.Name ?? budget.ResourceId}");
            }

            matching.Add((budget, types));
        }

        if (matching.Count == 0)
        {
            return context.Inventory.FailureFor(ResourceKinds.Budget, resource.AccountId, PseudoResourceIds.GlobalRegion) is { } failure
                ? RuleVerdict.Error($"the budgets could not be listed: {failure.Message}")
                : RuleVerdict.Fail($"no budget is filtered on Project={project.Project} ({project.ResourceCount} resource(s) carry it)");
        }

        var forecast = matching.FirstOrDefault(m => m.Types.Any(t => string.Equals(t, "FORECASTED", StringComparison.OrdinalIgnoreCase)));
        if (forecast.Budget is not null)
        {
            return RuleVerdict.Pass($"budget {forecast.Budget.Name ?? forecast.Budget.ResourceId} has {forecast.Types.Count(t => t.Equals("FORECASTED", StringComparison.OrdinalIgnoreCase))} FORECASTED notification(s)");
        }

        return RuleVerdict.Fail(string.Join("; ", matching.Select(m =>
            $"budget {m.Budget.Name ?? m.Budget.ResourceId} has {(m.Types.Count == 0 ? "no notifications" : $"only {string.Join(", ", m.Types.Distinct())} notifications")}")));
    }
}
