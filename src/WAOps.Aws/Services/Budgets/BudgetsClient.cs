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

    /// <summary>Every budget of the account, streamed page by page.</summary>
    public IAsyncEnumerable<Budget> DescribeAllBudgetsAsync(string accountId, CancellationToken cancellationToken = default) =>
        AwsPaginator.Items(
            (token, ct) => DescribeBudgetsAsync(new DescribeBudgetsRequest { AccountId = accountId, MaxResults = MaxBudgetsPerPage, NextToken = token }, ct),
            page => page.NextToken,
            page => page.Budgets,
            cancellationToken);
}
