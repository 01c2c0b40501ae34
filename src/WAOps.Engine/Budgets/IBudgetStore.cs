namespace WAOps.Engine.Budgets;

/// <summary>The budgets of one account, as a budget run reads them.</summary>
public interface IBudgetStore
{
    string AccountId { get; }

    /// <summary>The budget with its notifications (and, with <paramref name="includeSubscribers"/>, their subscribers); null if there is none of that name.</summary>
    Task<BudgetState?> ReadAsync(string budgetName, bool includeSubscribers, CancellationToken cancellationToken);
}
