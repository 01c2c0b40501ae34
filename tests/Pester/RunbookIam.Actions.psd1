# Which actions of the cleanup and onboarding policies RunbookIam.Tests.ps1 removes in turn (each removal must fail its
# run; cleanup: a night that deletes, one that stops, one that marks), and why the others are not exercised by those scenarios. The tests check that both lists together are exactly
# the policy, so a new action must be added here, exercised or explained.
@{
    Cleanup    = @{
        Exercised    = @(
            'cloudwatch:GetMetricData', 'ec2:CreateSnapshot', 'ec2:DeleteVolume', 'ec2:DescribeAddresses', 'ec2:DescribeImages',
            'ec2:DescribeInstanceAttribute', 'ec2:DescribeInstances', 'ec2:DescribeNatGateways', 'ec2:DescribeSnapshots', 'ec2:DescribeVolumes',
            'ec2:ReleaseAddress', 'ec2:TerminateInstances', 'elasticloadbalancing:DescribeLoadBalancers', 'rds:CreateDBSnapshot',
            'rds:DeleteDBInstance', 'rds:DescribeDBInstances', 'rds:DescribeDBSnapshots', 'sns:Publish')
        # A night with -Action Stop -GracePeriodDays 0 (stops the instance and the database).
        ExercisedStop = @('ec2:StopInstances', 'rds:StopDBInstance')
        # A first night with the grace period (marks the instance and the database with waops:cleanup-after).
        ExercisedMark = @('ec2:CreateTags', 'rds:AddTagsToResource')
        NotExercised = @{
            'ec2:DeleteTags'                            = 'removes the mark of a resource in use again'
            'elasticloadbalancing:AddTags'              = 'marks load balancers; no load balancer in this scenario'
            'elasticloadbalancing:RemoveTags'           = 'unmarks load balancers'
            'rds:RemoveTagsFromResource'                = 'unmarks databases'
            'ec2:DeleteNatGateway'                      = 'idle NAT gateways need 30 days of byte counts; none here'
            'ec2:DeleteSnapshot'                        = 'orphaned snapshots must be 90 days old; moto creates everything now'
            'ec2:DisassociateAddress'                   = 'only for an address on a stopped instance'
            'elasticloadbalancing:DeleteLoadBalancer'   = 'no load balancer in this scenario'
            'elasticloadbalancing:DescribeTags'         = 'read only when there are load balancers'
            'elasticloadbalancing:DescribeTargetGroups' = 'read only when there are load balancers'
            'elasticloadbalancing:DescribeTargetHealth' = 'read only for target groups'
            'sts:GetCallerIdentity'                     = 'moto always allows it'
        }
    }
    Onboarding = @{
        Exercised    = @(
            'budgets:ViewBudget', 'budgets:ModifyBudget', 'tag:GetResources', 'cloudwatch:DescribeAlarms',
            'cloudwatch:PutMetricAlarm', 'cloudwatch:GetDashboard', 'cloudwatch:PutDashboard', 'cloudwatch:ListDashboards')
        NotExercised = @{
            'sts:GetCallerIdentity'                      = 'moto always allows it'
            'ec2:DescribeRegions'                        = 'checks an opt-in -Region (af-south-1, ...); us-east-1 is enabled in every account'
            'sns:GetTopicAttributes'                     = 'only with -BudgetTopicArn/-AlarmTopicArn'
            'rds:DescribeDBInstances'                    = 'a lone RDS instance is described from its ARN; engines are read for clusters'
            'cloudwatch:ListMetrics'                     = 'kinds whose metrics name their own dimensions (S3 request metrics, ...); none here'
            'cloudwatch:DeleteAlarms'                    = 'New-WADashboard -Prune; the playbook never prunes'
            'cloudwatch:DeleteDashboards'                = 'when a split dashboard shrinks; not here'
            'cloudwatch:TagResource'                     = 'after an alarm update; this scenario creates'
            'cloudformation:ListStackResources'          = 'discovery by -StackName; the playbook discovers by tags'
            'elasticloadbalancing:DescribeLoadBalancers' = 'load balancers of the workload; none here'
            'elasticloadbalancing:DescribeTargetGroups'  = 'target groups of the workload; none here'
            'ecs:DescribeClusters'                       = 'ECS clusters of the workload; none here'
            'ecs:DescribeServices'                       = 'ECS services of the workload; none here'
            'elasticache:DescribeReplicationGroups'      = 'caches of the workload; none here'
            'elasticache:DescribeCacheClusters'          = 'caches of the workload; none here'
            'rds:DescribeDBClusters'                     = 'Aurora clusters of the workload; none here'
            'autoscaling:DescribeAutoScalingGroups'      = 'Auto Scaling groups of the workload; none here'
            'apigateway:GET'                             = 'REST APIs of the workload; none here'
        }
    }
}
