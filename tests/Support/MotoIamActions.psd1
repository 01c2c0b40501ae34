# moto 5.2.1 checks IAM permissions as "<signing service>:<operation>" where AWS checks the action names of the
# Service Authorization Reference. This table is the one place that translates; the product's policies in
# runbooks/iam use AWS's real names. Deviation, not product behaviour.
@{
    # Prefixes whose signing service differs from the IAM prefix (the operation name is kept).
    Prefixes = @{
        'tag'        = 'tagging'
        'cloudwatch' = 'monitoring'
    }
    # AWS actions that cover operations of other names.
    Actions  = @{
        'budgets:ViewBudget'   = @('budgets:DescribeBudget', 'budgets:DescribeBudgets', 'budgets:DescribeNotificationsForBudget', 'budgets:DescribeSubscribersForNotification')
        'budgets:ModifyBudget' = @('budgets:CreateBudget', 'budgets:UpdateBudget', 'budgets:DeleteBudget', 'budgets:CreateNotification', 'budgets:DeleteNotification', 'budgets:UpdateNotification', 'budgets:CreateSubscriber', 'budgets:DeleteSubscriber', 'budgets:UpdateSubscriber')
        'sns:Publish'          = @('sns:Publish')
    }
}
