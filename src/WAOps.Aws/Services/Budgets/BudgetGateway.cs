using System.Runtime.CompilerServices;
using WAOps.Aws.Protocol;
using WAOps.Aws.Services.Budgets.Model;
using WAOps.Engine.Budgets;
using WAOps.Engine.Errors;
using WAOps.Engine.Planning;

namespace WAOps.Aws.Services.Budgets;

/// <summary>One budget of a listing: its state, or the error that kept it from being read.</summary>
public sealed record BudgetRead(string Name, BudgetState? Budget, WAOpsException? Error);

/// <summary>
/// Reads a budget's whole state (budget, notifications, each notification's subscribers) and applies the
/// changes <see cref="BudgetPlanner"/> plans, one AWS call per change. Budgets are changed in place, never
/// re-created. Deleting something that is already gone counts as done, and so does adding a subscriber that is
/// already there.
/// </summary>
public sealed class BudgetGateway : IBudgetStore, IChangeApplier<BudgetOperation>
{
    /// <summary>Notifications whose subscribers are read at the same time (a budget has at most 10).</summary>
    private const int SubscriberReadConcurrency = 4;

    /// <summary>Budgets completed (notifications and subscribers read) ahead of the one being written out.</summary>
    private const int BudgetReadAhead = 4;

    public BudgetGateway(BudgetsClient client, string accountId, string partition)
    {
        Client = client;
        AccountId = accountId;
        Partition = partition;
    }

    public BudgetsClient Client { get; }

    public string AccountId { get; }

    public string Partition { get; }

    /// <summary>The budget with its notifications (and, with <paramref name="includeSubscribers"/>, their subscribers); null if there is none of that name.</summary>
    public async Task<BudgetState?> ReadAsync(string budgetName, bool includeSubscribers, CancellationToken cancellationToken)
    {
        Budget? budget;
        try
        {
            budget = (await Client.DescribeBudgetAsync(new DescribeBudgetRequest { AccountId = AccountId, BudgetName = budgetName }, cancellationToken).ConfigureAwait(false)).Budget;
        }
        catch (AwsServiceException ex) when (ex.IsNotFound)
        {
            return null;
        }

        return budget is null ? null : await CompleteAsync(budget, includeSubscribers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every budget of the account that <paramref name="filter"/> accepts, with its notifications, in the order AWS
    /// lists them (a few read ahead). The filter sees each budget before its notifications are read, so budgets it
    /// rejects cost no further calls. A budget whose notifications or subscribers cannot be read comes back with
    /// the error, and the listing goes on.
    /// </summary>
    public async IAsyncEnumerable<BudgetRead> ListAsync(Func<BudgetState, bool>? filter, bool includeSubscribers, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = new Queue<Task<BudgetRead>>();
        await foreach (var budget in Client.DescribeAllBudgetsAsync(AccountId, cancellationToken).ConfigureAwait(false))
        {
            if (filter is not null && !filter(BudgetMapper.ToState(AccountId, Partition, budget, Array.Empty<BudgetNotification>())))
            {
                continue;
            }

            window.Enqueue(TryCompleteAsync(budget, includeSubscribers, cancellationToken));
            if (window.Count >= BudgetReadAhead)
            {
                yield return await window.Dequeue().ConfigureAwait(false);
            }
        }

        while (window.Count > 0)
        {
            yield return await window.Dequeue().ConfigureAwait(false);
        }
    }

    /// <summary>Carries out one planned budget change.</summary>
    public async Task<ApplyResult> ApplyAsync(PlannedChange<BudgetOperation> change, CancellationToken cancellationToken)
    {
        await ApplyAsync(change.Operation!, cancellationToken).ConfigureAwait(false);
        return ApplyResult.Completed();
    }

    /// <summary>Sends the one AWS Budgets call of an operation.</summary>
    public Task ApplyAsync(BudgetOperation operation, CancellationToken cancellationToken) => operation switch
    {
        CreateBudgetOperation create => CreateBudgetAsync(create, cancellationToken),
        UpdateBudgetOperation update => UpdateBudgetAsync(update, cancellationToken),
        CreateNotificationOperation create => CreateNotificationAsync(create, cancellationToken),
        DeleteNotificationOperation delete => IgnoreNotFoundAsync(() => Client.DeleteNotificationAsync(new DeleteNotificationRequest
        {
            AccountId = AccountId,
            BudgetName = delete.Budget,
            Notification = BudgetMapper.ToWire(delete.Notification),
        }, cancellationToken)),
        CreateSubscriberOperation create => CreateSubscriberAsync(create, cancellationToken),
        DeleteSubscriberOperation delete => IgnoreNotFoundAsync(() => Client.DeleteSubscriberAsync(new DeleteSubscriberRequest
        {
            AccountId = AccountId,
            BudgetName = delete.Budget,
            Notification = BudgetMapper.ToWire(delete.Notification),
            Subscriber = BudgetMapper.ToWire(delete.Subscriber),
        }, cancellationToken)),
        _ => throw new InvalidOperationException($"'{operation}' is not an AWS Budgets operation."),
    };

    private async Task<BudgetRead> TryCompleteAsync(Budget budget, bool includeSubscribers, CancellationToken cancellationToken)
    {
        try
        {
            return new BudgetRead(budget.BudgetName ?? string.Empty, await CompleteAsync(budget, includeSubscribers, cancellationToken).ConfigureAwait(false), null);
        }
        catch (WAOpsException ex)
        {
            return new BudgetRead(budget.BudgetName ?? string.Empty, null, ex);
        }
    }

    private async Task<BudgetState> CompleteAsync(Budget budget, bool includeSubscribers, CancellationToken cancellationToken)
    {
        var name = budget.BudgetName ?? string.Empty;
        var notifications = new List<Notification>();
        await foreach (var notification in Client.DescribeAllNotificationsAsync(AccountId, name, cancellationToken).ConfigureAwait(false))
        {
            notifications.Add(notification);
        }

        var complete = new BudgetNotification[notifications.Count];
        using var gate = new SemaphoreSlim(SubscriberReadConcurrency);
        await Task.WhenAll(notifications.Select(async (notification, index) =>
        {
            // Subscribers are asked for by the notification's key members, as the AWS CLI user would name it.
            var key = BudgetMapper.ToKey(notification);
            IReadOnlyList<BudgetSubscriber>? subscribers = null;
            if (includeSubscribers)
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var read = new List<BudgetSubscriber>();
                    await foreach (var subscriber in Client.DescribeAllSubscribersAsync(AccountId, name, BudgetMapper.ToWire(key), cancellationToken).ConfigureAwait(false))
                    {
                        read.Add(BudgetMapper.ToSubscriber(subscriber));
                    }

                    subscribers = read;
                }
                finally
                {
                    gate.Release();
                }
            }

            complete[index] = new BudgetNotification(key, subscribers, notification.NotificationState);
        })).ConfigureAwait(false);

        return BudgetMapper.ToState(AccountId, Partition, budget, complete);
    }

    private async Task CreateBudgetAsync(CreateBudgetOperation create, CancellationToken cancellationToken)
    {
        try
        {
            await Client.CreateBudgetAsync(new CreateBudgetRequest
            {
                AccountId = AccountId,
                Budget = BudgetMapper.ToWire(create.Budget),
                NotificationsWithSubscribers = create.Budget.Notifications.Select(BudgetMapper.ToWire).ToList(),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsDuplicateOfOwnEarlierAttempt)
        {
            // CreateBudget creates the budget and its notifications in one call: the lost attempt created both.
        }
    }

    /// <summary>
    /// UpdateBudget replaces the whole budget, so the current one is read first and only limit, time unit and
    /// filters are changed; cost types, metrics, billing view and the period are sent back as they are (the period
    /// is left to AWS when the time unit changes, since the old start may not begin a period of the new unit).
    /// Read-only members (spend so far, last update) are not sent.
    /// </summary>
    private async Task UpdateBudgetAsync(UpdateBudgetOperation update, CancellationToken cancellationToken)
    {
        var current = (await Client.DescribeBudgetAsync(new DescribeBudgetRequest { AccountId = AccountId, BudgetName = update.BudgetName }, cancellationToken).ConfigureAwait(false)).Budget
            ?? throw new WAOpsException("AwsInvalidResponse", ErrorKind.InvalidData, $"AWS Budgets described budget '{update.BudgetName}' without a budget.", update.BudgetName);
        var wanted = BudgetMapper.ToWire(update.Budget);
        await Client.UpdateBudgetAsync(new UpdateBudgetRequest
        {
            AccountId = AccountId,
            NewBudget = new Budget
            {
                BudgetName = update.BudgetName,
                BudgetLimit = wanted.BudgetLimit,
                CostFilters = wanted.CostFilters,
                CostTypes = current.CostTypes,
                TimeUnit = wanted.TimeUnit,
                TimePeriod = update.TimeUnitChanged ? null : current.TimePeriod,
                BudgetType = current.BudgetType ?? BudgetMapper.CostBudgetType,
                Metrics = current.Metrics,
                BillingViewArn = current.BillingViewArn,
            },
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateNotificationAsync(CreateNotificationOperation create, CancellationToken cancellationToken)
    {
        var wire = BudgetMapper.ToWire(create.Notification);
        try
        {
            await Client.CreateNotificationAsync(new CreateNotificationRequest
            {
                AccountId = AccountId,
                BudgetName = create.Budget,
                Notification = wire.Notification,
                Subscribers = wire.Subscribers,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsDuplicateOfOwnEarlierAttempt)
        {
            // The lost attempt created the notification with its subscribers.
        }
        catch (AwsServiceException ex) when (ex.ErrorCode is "CreationLimitExceededException" or "ServiceQuotaExceededException")
        {
            throw new WAOpsException(BudgetErrorIds.NotificationLimitExceeded, ErrorKind.QuotaExceeded,
                $"AWS refused another notification on budget '{create.Budget}' ({ex.ErrorCode}: {ex.ServiceMessage}). A budget takes at most {BudgetLimits.MaxNotifications} notifications "
                + "(older accounts and documentation: 5).",
                BudgetPlanner.NotificationTarget(create.Budget, create.Notification.Key), ex)
            { RecommendedAction = "Give fewer thresholds, or add -Prune to remove notifications that are not wanted." };
        }
    }

    private async Task CreateSubscriberAsync(CreateSubscriberOperation create, CancellationToken cancellationToken)
    {
        try
        {
            await Client.CreateSubscriberAsync(new CreateSubscriberRequest
            {
                AccountId = AccountId,
                BudgetName = create.Budget,
                Notification = BudgetMapper.ToWire(create.Notification),
                Subscriber = BudgetMapper.ToWire(create.Subscriber),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "DuplicateRecordException")
        {
            // Someone added it meanwhile: the notification sends to it, as wanted.
        }
        catch (AwsServiceException ex) when (ex.ErrorCode is "CreationLimitExceededException" or "ServiceQuotaExceededException")
        {
            throw new WAOpsException(BudgetErrorIds.SubscriberLimitExceeded, ErrorKind.QuotaExceeded,
                $"AWS refused another subscriber on {BudgetPlanner.NotificationTarget(create.Budget, create.Notification)} ({ex.ErrorCode}: {ex.ServiceMessage}). "
                + $"A notification takes at most {BudgetLimits.MaxSnsSubscribers} SNS topic and {BudgetLimits.MaxEmailSubscribers} e-mail addresses.",
                BudgetPlanner.SubscriberTarget(create.Budget, create.Notification, create.Subscriber), ex)
            { RecommendedAction = "Add -Prune to replace the subscribers that are not wanted." };
        }
    }

    private static async Task IgnoreNotFoundAsync(Func<Task> delete)
    {
        try
        {
            await delete().ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsNotFound)
        {
            // Already gone: the change is done.
        }
    }
}
