namespace WAOps.Engine.Budgets;

/// <summary>
/// What the user asked for, as given (the amount as text, e-mail lists as typed or read from a CSV).
/// <see cref="BudgetValidator.Validate"/> checks it and turns it into a <see cref="BudgetSpec"/>.
/// </summary>
public sealed class BudgetRequest
{
    /// <summary>The seed's forecast alerts: 50%, 80% and 100% of the budgeted amount.</summary>
    public static IReadOnlyList<double> DefaultForecastThresholds { get; } = new double[] { 50, 80, 100 };

    /// <summary>An actual-spend alert at 100%, which works from day one (forecasts need about one billing cycle).</summary>
    public static IReadOnlyList<double> DefaultActualThresholds { get; } = new double[] { 100 };

    /// <summary>The budget name; defaults to Project-&lt;project&gt;, or Account-Total without a project.</summary>
    public string? Name { get; init; }

    /// <summary>The budgeted amount as given: a number such as 500 or 99.50 (a dot for decimals).</summary>
    public string? Amount { get; init; }

    public string Currency { get; init; } = "USD";

    public BudgetTimeUnit TimeUnit { get; init; } = BudgetTimeUnit.Monthly;

    /// <summary>Scopes the budget to resources tagged Project=&lt;value&gt;.</summary>
    public string? Project { get; init; }

    /// <summary>Cost filters given directly (instead of <see cref="Project"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? CostFilter { get; init; }

    /// <summary>E-mail addresses; an item may hold several separated by ';' or ',' (as a CSV cell would).</summary>
    public IReadOnlyList<string> Emails { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> SnsTopicArns { get; init; } = Array.Empty<string>();

    /// <summary>Percentages of the budgeted amount for FORECASTED alerts.</summary>
    public IReadOnlyList<double> ForecastThresholds { get; init; } = DefaultForecastThresholds;

    /// <summary>Percentages of the budgeted amount for ACTUAL alerts.</summary>
    public IReadOnlyList<double> ActualThresholds { get; init; } = DefaultActualThresholds;
}
