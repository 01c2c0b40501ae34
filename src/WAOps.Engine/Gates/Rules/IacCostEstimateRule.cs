using WAOps.Engine.Inventory;
using WAOps.Engine.Inventory.Properties;

namespace WAOps.Engine.Gates.Rules;

/// <summary>
/// Gate 6 for infrastructure as code: a template or plan comes with a monthly cost estimate, in its Metadata
/// (WAOps.CostEstimate.MonthlyUSD) or in a sidecar file beside it. Live accounts are judged on budgets instead
/// (cost-budget-forecast); a budget only exists once the stack does.
/// </summary>
public sealed class IacCostEstimateRule : GateRule<TemplateProperties>
{
    public override string Id => "iac-cost-estimate";

    public override string Title => "Each template or plan comes with a cost estimate";

    public override string Description =>
        "A CloudFormation template carries its monthly estimate in Metadata (WAOps: CostEstimate: MonthlyUSD: <amount>, Source: <where it comes from>), "
        + "or any template or Terraform plan has a sidecar file beside it named like it with .cost.yaml or .cost.json (MonthlyUSD and Source, or Infracost's "
        + "JSON output with totalMonthlyCost in USD). Checked on templates and plans; live accounts are judged by cost-budget-forecast.";

    public override string Remediation =>
        "Estimate the stack (AWS Pricing Calculator, Infracost) and add Metadata: { WAOps: { CostEstimate: { MonthlyUSD: 1450, Source: <link> } } }, or write <template>.cost.yaml beside it.";

    public override QualityGate Gate => QualityGate.CostEstimate;

    public override Pillar Pillar => Pillar.CostOptimization;

    public override Severity Severity => Severity.Medium;

    public override IReadOnlyList<ResourceKind> AppliesTo { get; } = new[] { ResourceKinds.Template };

    protected override RuleVerdict Judge(InventoryResource resource, TemplateProperties template, RuleContext context)
    {
        if (!template.MonthlyCostEstimate.TryGet(out var amount))
        {
            return RuleVerdict.NotKnown(template.MonthlyCostEstimate, "MonthlyUSD");
        }

        if (amount is null)
        {
            return RuleVerdict.Fail($"the {template.Format} has no cost estimate (no Metadata WAOps.CostEstimate and no .cost.yaml/.cost.json beside it)", null, resource.Location);
        }

        var source = template.CostEstimateSource.ValueOr(null);
        return RuleVerdict.Pass($"estimated {amount.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} USD a month"
            + (string.IsNullOrWhiteSpace(source) ? string.Empty : $" ({source})") + $", from {template.CostEstimateOrigin}");
    }
}
