using System.Globalization;

namespace WAOps.Engine.Budgets;

/// <summary>
/// What identifies a notification within its budget: AWS keys notifications by type, comparison operator,
/// threshold and threshold type (there is no notification id). Two notifications with the same key are the same
/// notification.
/// </summary>
public sealed record BudgetNotificationKey(BudgetNotificationType Type, BudgetComparison Comparison, double Threshold, BudgetThresholdType ThresholdType)
{
    /// <summary>A greater-than percentage alert, the kind Set-WABudgetAlert makes.</summary>
    public static BudgetNotificationKey Percent(BudgetNotificationType type, double threshold) =>
        new(type, BudgetComparison.GreaterThan, threshold, BudgetThresholdType.Percentage);

    /// <summary>"Forecasted > 80%", "Actual > 100%", "Actual = 500 (absolute)".</summary>
    public override string ToString()
    {
        var comparison = Comparison switch
        {
            BudgetComparison.GreaterThan => ">",
            BudgetComparison.LessThan => "<",
            _ => "=",
        };
        var threshold = Threshold.ToString("0.##########", CultureInfo.InvariantCulture);
        var unit = ThresholdType == BudgetThresholdType.Percentage ? "%" : " (absolute)";
        return $"{Type} {comparison} {threshold}{unit}";
    }
}
