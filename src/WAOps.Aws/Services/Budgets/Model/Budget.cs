namespace WAOps.Aws.Services.Budgets.Model;

// The Budget structure and its parts, named as in AWSSDK.Budgets.

public sealed class Budget
{
    public string? BudgetName { get; set; }

    public Spend? BudgetLimit { get; set; }

    /// <summary>Filter name to values, for example TagKeyValue = ["user:Project$checkout"].</summary>
    public Dictionary<string, List<string>>? CostFilters { get; set; }

    public CostTypes? CostTypes { get; set; }

    /// <summary>DAILY, MONTHLY, QUARTERLY or ANNUALLY.</summary>
    public string? TimeUnit { get; set; }

    public TimePeriod? TimePeriod { get; set; }

    public CalculatedSpend? CalculatedSpend { get; set; }

    /// <summary>COST, USAGE, RI_UTILIZATION, ...</summary>
    public string? BudgetType { get; set; }

    public DateTime? LastUpdatedTime { get; set; }

    /// <summary>How cost is aggregated (BlendedCost, UnblendedCost, AmortizedCost, ...); kept as read when WAOps updates a budget.</summary>
    public List<string>? Metrics { get; set; }

    /// <summary>The billing view the budget is based on; kept as read when WAOps updates a budget.</summary>
    public string? BillingViewArn { get; set; }
}

public sealed class Spend
{
    /// <summary>A decimal number as a string, as the API wants it.</summary>
    public string? Amount { get; set; }

    public string? Unit { get; set; }
}

public sealed class CostTypes
{
    public bool? IncludeTax { get; set; }

    public bool? IncludeSubscription { get; set; }

    public bool? UseBlended { get; set; }

    public bool? IncludeRefund { get; set; }

    public bool? IncludeCredit { get; set; }

    public bool? IncludeUpfront { get; set; }

    public bool? IncludeRecurring { get; set; }

    public bool? IncludeOtherSubscription { get; set; }

    public bool? IncludeSupport { get; set; }

    public bool? IncludeDiscount { get; set; }

    public bool? UseAmortized { get; set; }
}

public sealed class TimePeriod
{
    public DateTime? Start { get; set; }

    public DateTime? End { get; set; }
}

public sealed class CalculatedSpend
{
    public Spend? ActualSpend { get; set; }

    public Spend? ForecastedSpend { get; set; }
}
