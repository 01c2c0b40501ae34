using WAOps.Aws.Protocol;

namespace WAOps.Aws.Services.Budgets.Model;

// Requests and responses of the budget operations, named as in AWSSDK.Budgets.

public sealed class CreateBudgetRequest
{
    public string? AccountId { get; set; }

    public Budget? Budget { get; set; }

    public List<NotificationWithSubscribers>? NotificationsWithSubscribers { get; set; }
}

public sealed class CreateBudgetResponse : AwsResponse
{
}

public sealed class DescribeBudgetRequest
{
    public string? AccountId { get; set; }

    public string? BudgetName { get; set; }
}

public sealed class DescribeBudgetResponse : AwsResponse
{
    public Budget? Budget { get; set; }
}

public sealed class DescribeBudgetsRequest
{
    public string? AccountId { get; set; }

    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DescribeBudgetsResponse : AwsResponse
{
    public List<Budget> Budgets { get; set; } = new();

    /// <summary>
    /// AWS answers "NextToken"; moto 5.2.1 answers "nextToken". Members are read case-insensitively, so both land here.
    /// </summary>
    public string? NextToken { get; set; }
}

public sealed class UpdateBudgetRequest
{
    public string? AccountId { get; set; }

    /// <summary>The whole budget as it should be: UpdateBudget replaces every member except BudgetName and CalculatedSpend.</summary>
    public Budget? NewBudget { get; set; }
}

public sealed class UpdateBudgetResponse : AwsResponse
{
}

public sealed class DeleteBudgetRequest
{
    public string? AccountId { get; set; }

    public string? BudgetName { get; set; }
}

public sealed class DeleteBudgetResponse : AwsResponse
{
}
