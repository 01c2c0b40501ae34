using WAOps.Aws.Protocol;
using WAOps.Aws.Protocol.Json;
using WAOps.Aws.Services.Budgets.Model;
using WAOps.Aws.Session;

namespace WAOps.Aws.Services.Budgets;

/// <summary>AWS Budgets over awsJson1_1. A global service: signed for us-east-1 wherever the session points.</summary>
public sealed class BudgetsClient : AwsJsonClient
{
    public static readonly AwsServiceDescriptor Descriptor = new()
    {
        ServiceId = "Budgets",
        EndpointPrefix = "budgets",
        ApiVersion = "2016-10-20",
        Protocol = AwsProtocol.AwsJson1_1,
        TargetPrefix = "AWSBudgetServiceGateway",
        GlobalRegion = "us-east-1",
        EndpointEnvironmentSuffix = "BUDGETS",
    };

    /// <summary>The largest page DescribeBudgets allows (botocore: MaxResultsDescribeBudgets 1..1000).</summary>
    public const int MaxBudgetsPerPage = 1000;

    /// <summary>The largest page DescribeNotificationsForBudget and DescribeSubscribersForNotification allow (botocore: MaxResults 1..100).</summary>
    public const int MaxItemsPerPage = 100;

    public BudgetsClient(AwsSession session)
        : base(session, Descriptor)
    {
    }

    public Task<CreateBudgetResponse> CreateBudgetAsync(CreateBudgetRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<CreateBudgetRequest, CreateBudgetResponse>("CreateBudget", request, cancellationToken);

    public Task<DescribeBudgetResponse> DescribeBudgetAsync(DescribeBudgetRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeBudgetRequest, DescribeBudgetResponse>("DescribeBudget", request, cancellationToken);

    public Task<DescribeBudgetsResponse> DescribeBudgetsAsync(DescribeBudgetsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeBudgetsRequest, DescribeBudgetsResponse>("DescribeBudgets", request, cancellationToken);

    public Task<DeleteBudgetResponse> DeleteBudgetAsync(DeleteBudgetRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DeleteBudgetRequest, DeleteBudgetResponse>("DeleteBudget", request, cancellationToken);

    public Task<UpdateBudgetResponse> UpdateBudgetAsync(UpdateBudgetRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<UpdateBudgetRequest, UpdateBudgetResponse>("UpdateBudget", request, cancellationToken);

    public Task<DescribeNotificationsForBudgetResponse> DescribeNotificationsForBudgetAsync(DescribeNotificationsForBudgetRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeNotificationsForBudgetRequest, DescribeNotificationsForBudgetResponse>("DescribeNotificationsForBudget", request, cancellationToken);

    public Task<CreateNotificationResponse> CreateNotificationAsync(CreateNotificationRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<CreateNotificationRequest, CreateNotificationResponse>("CreateNotification", request, cancellationToken);

    public Task<DeleteNotificationResponse> DeleteNotificationAsync(DeleteNotificationRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DeleteNotificationRequest, DeleteNotificationResponse>("DeleteNotification", request, cancellationToken);

    public Task<DescribeSubscribersForNotificationResponse> DescribeSubscribersForNotificationAsync(DescribeSubscribersForNotificationRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeSubscribersForNotificationRequest, DescribeSubscribersForNotificationResponse>("DescribeSubscribersForNotification", request, cancellationToken);

    public Task<CreateSubscriberResponse> CreateSubscriberAsync(CreateSubscriberRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<CreateSubscriberRequest, CreateSubscriberResponse>("CreateSubscriber", request, cancellationToken);

    public Task<DeleteSubscriberResponse> DeleteSubscriberAsync(DeleteSubscriberRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DeleteSubscriberRequest, DeleteSubscriberResponse>("DeleteSubscriber", request, cancellationToken);

    /// <summary>Every budget of the account, streamed page by page.</summary>
    public IAsyncEnumerable<Budget> DescribeAllBudgetsAsync(string accountId, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => DescribeBudgetsAsync(new DescribeBudgetsRequest { AccountId = accountId, MaxResults = MaxBudgetsPerPage, NextToken = token }, ct),
            page => page.NextToken,
            page => page.Budgets,
            cancellationToken);

    /// <summary>Every notification of a budget, page by page.</summary>
    public IAsyncEnumerable<Notification> DescribeAllNotificationsAsync(string accountId, string budgetName, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => DescribeNotificationsForBudgetAsync(new DescribeNotificationsForBudgetRequest { AccountId = accountId, BudgetName = budgetName, MaxResults = MaxItemsPerPage, NextToken = token }, ct),
            page => page.NextToken,
            page => page.Notifications,
            cancellationToken);

    /// <summary>Every subscriber of a notification, page by page.</summary>
    public IAsyncEnumerable<Subscriber> DescribeAllSubscribersAsync(string accountId, string budgetName, Notification notification, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => DescribeSubscribersForNotificationAsync(new DescribeSubscribersForNotificationRequest { AccountId = accountId, BudgetName = budgetName, Notification = notification, MaxResults = MaxItemsPerPage, NextToken = token }, ct),
            page => page.NextToken,
            page => page.Subscribers,
            cancellationToken);
}
