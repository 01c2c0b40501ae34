namespace WAOps.Engine.Budgets;

// What applying one planned budget change asks of AWS: each record is the Detail of one PlannedChange and maps
// onto exactly one AWS Budgets operation.

/// <summary>The Detail of a planned budget change: which budget, and the one AWS operation that carries it out.</summary>
public abstract record BudgetOperation(string BudgetName);

/// <summary>CreateBudget with every notification and subscriber in one call (a new budget is never half made).</summary>
public sealed record CreateBudgetOperation(BudgetSpec Budget) : BudgetOperation(Budget.Name);

/// <summary>
/// UpdateBudget: limit, currency, time unit and cost filters become the wanted ones; everything else the budget
/// has (cost types, period start, ...) is kept. The budget keeps its identity and history.
/// </summary>
public sealed record UpdateBudgetOperation(BudgetSpec Budget, bool TimeUnitChanged) : BudgetOperation(Budget.Name);

/// <summary>CreateNotification with its subscribers.</summary>
public sealed record CreateNotificationOperation(string Budget, BudgetNotification Notification) : BudgetOperation(Budget);

/// <summary>DeleteNotification (its subscribers go with it). NotFound counts as done.</summary>
public sealed record DeleteNotificationOperation(string Budget, BudgetNotificationKey Notification) : BudgetOperation(Budget);

/// <summary>CreateSubscriber on an existing notification.</summary>
public sealed record CreateSubscriberOperation(string Budget, BudgetNotificationKey Notification, BudgetSubscriber Subscriber) : BudgetOperation(Budget);

/// <summary>DeleteSubscriber from an existing notification. NotFound counts as done.</summary>
public sealed record DeleteSubscriberOperation(string Budget, BudgetNotificationKey Notification, BudgetSubscriber Subscriber) : BudgetOperation(Budget);
