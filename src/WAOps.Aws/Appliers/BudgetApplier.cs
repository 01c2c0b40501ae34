using WAOps.Aws.Services.Budgets;
using WAOps.Aws.Services.Sns;
using WAOps.Engine.Budgets;
using WAOps.Engine.Planning;

namespace WAOps.Aws.Appliers;

/// <summary>Carries out a budget plan: AWS Budgets calls through the budget gateway, topic policy statements through SNS.</summary>
public sealed class BudgetApplier : IChangeApplier<BudgetOperation>
{
    private readonly BudgetGateway _budgets;
    private readonly TopicPolicyGateway _topics;

    public BudgetApplier(BudgetGateway budgets, TopicPolicyGateway topics)
    {
        _budgets = budgets;
        _topics = topics;
    }

    public async Task<ApplyResult> ApplyAsync(PlannedChange<BudgetOperation> change, CancellationToken cancellationToken)
    {
        if (change.Operation is AddBudgetsTopicStatementOperation add)
        {
            await _topics.WritePolicyAsync(add.Topic, add.Policy, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _budgets.ApplyAsync(change.Operation!, cancellationToken).ConfigureAwait(false);
        }

        return ApplyResult.Completed();
    }
}
