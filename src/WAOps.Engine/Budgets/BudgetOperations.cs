namespace WAOps.Engine.Budgets;

// What applying one planned budget change asks of AWS: each record is the operation of one planned change and maps
// onto exactly one AWS call.

/// <summary>The operation of a planned budget change: which budget, and the one AWS call that carries it out.</summary>
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

/// <summary>
/// SetTopicAttributes Policy on an SNS topic the budget's alerts go to: the policy as it was with the statement AWS
/// documents added, so that budgets.amazonaws.com may publish (-FixTopicPolicy). A prerequisite of the budget's changes.
/// </summary>
public sealed record AddBudgetsTopicStatementOperation(string Budget, SnsTopicArn Topic, string Policy) : BudgetOperation(Budget);

/// <summary>DeleteSubscriber from an existing notification. NotFound counts as done.</summary>
public sealed record DeleteSubscriberOperation(string Budget, BudgetNotificationKey Notification, BudgetSubscriber Subscriber) : BudgetOperation(Budget);
