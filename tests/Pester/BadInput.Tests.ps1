#Requires -Version 7.4
# The bad-input catalogue: one named row per case, across every cmdlet (and, as they come, the runbooks). Each row
# must stop its command with a terminating error carrying the row's ErrorId and ErrorCategory, and must leave moto's
# state exactly as it was. Two independent proofs of the latter, per row:
#  - every row reaches moto through a proxy that counts requests (the fault proxy at rate 0), so the test knows how many
#    requests the row sent, and which (most rows send none: the input is refused before any call);
#  - everything a WAOps command could change (budgets and their alerts, topics and their policies, messages that
#    reached a subscribed queue, alarms, dashboards, instances, volumes, snapshots, addresses, databases, load
#    balancers, every tag, in us-east-1, where the rows run) is read back with boto3 (tests/Support/seed/state.py, kept
#    running) after each row that sent a request, and compared with the reading before it. The reading is also taken
#    at the start and compared once more at the end of the catalogue.
#
# Adding a case is adding a row to $script:Catalogue below:
#   @{ Name = 'what is wrong'; Cmdlet = 'Verb-WANoun'; ErrorId = 'StableId'; Category = 'InvalidArgument'
#      Command = { param($aws) Verb-WANoun @aws -Parameter 'bad value' } }
# $aws is a fresh splat for moto (EndpointUrl of the counting proxy, Region us-east-1, dummy keys); change it freely.
# The ErrorId is checked as the whole FullyQualifiedErrorId "<ErrorId>,WAOps.PowerShell.Commands.<VerbNoun>Command";
# a row for a runbook (runbooks/*.ps1) names its script in Cmdlet and may give Source, the part after the comma that
# its errors carry ('*' accepts any), for example:
#   @{ Name = '...'; Cmdlet = 'runbooks/Invoke-WANightly.ps1'; Source = '*'; ErrorId = '...'; Category = '...'
#      Command = { param($aws) & (Join-Path $script:Runbooks 'Invoke-WANightly.ps1') @aws -Bad 'x' } }
# Files a row needs (malformed policies and waiver files) are written once in BeforeAll under $script:Files.

BeforeDiscovery {
    # Data only: the rows are built at discovery; their Command blocks run in the tests, where $script:Files exists.
    $script:Catalogue = @(
        # --- Session: every cmdlet resolves it the same way --------------------------------------------------------
        @{ Name = 'a region with spaces'; Cmdlet = 'Get-WAContext'; ErrorId = 'InvalidRegion'; Category = 'InvalidArgument'
            Command = { param($aws) $aws.Remove('Region'); Get-WAContext @aws -Region 'us east 1' } }
        @{ Name = 'an availability zone instead of a region'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'InvalidRegion'; Category = 'InvalidArgument'
            Command = { param($aws) $aws.Remove('Region'); Invoke-WAIdleCleanup @aws -Region 'us-east-1a' -Force } }
        @{ Name = 'an empty region'; Cmdlet = 'Get-WAContext'; ErrorId = 'ParameterArgumentValidationError'; Category = 'InvalidData'
            Command = { param($aws) $aws.Remove('Region'); Get-WAContext @aws -Region '' } }
        @{ Name = 'a malformed region after a good one'; Cmdlet = 'Get-WATagCompliance'; ErrorId = 'InvalidRegion'; Category = 'InvalidArgument'
            Command = { param($aws) $aws.Remove('Region'); Get-WATagCompliance @aws -Region 'us-east-1', 'eu west 1' } }
        @{ Name = 'an upper-case region in a list'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'InvalidRegion'; Category = 'InvalidArgument'
            Command = { param($aws) $aws.Remove('Region'); Test-WAQualityGate @aws -Region 'us-east-1', 'EU-WEST-1' } }
        @{ Name = 'a well-formed region the account does not have'; Cmdlet = 'Get-WATagCompliance'; ErrorId = 'UnknownRegion'; Category = 'InvalidArgument'
            Command = { param($aws) $aws.Remove('Region'); Get-WATagCompliance @aws -Region 'xx-nowhere-9' } }
        @{ Name = 'an unknown profile'; Cmdlet = 'Get-WAContext'; ErrorId = 'ProfileNotFound'; Category = 'ObjectNotFound'
            Command = { param($aws) Get-WAContext -ProfileName 'no-such-profile' -Region us-east-1 -EndpointUrl $aws.EndpointUrl } }
        @{ Name = 'an unknown profile'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'ProfileNotFound'; Category = 'ObjectNotFound'
            Command = { param($aws) Invoke-WAIdleCleanup -ProfileName 'no-such-profile' -Region us-east-1 -EndpointUrl $aws.EndpointUrl -Action Delete -Force } }
        @{ Name = 'an unknown profile'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'ProfileNotFound'; Category = 'ObjectNotFound'
            Command = { param($aws) Set-WABudgetAlert -ProfileName 'no-such-profile' -Region us-east-1 -EndpointUrl $aws.EndpointUrl -Amount 10 -Name x -Email ops@example.com } }
        @{ Name = 'an unknown profile in a profile file'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'ProfileNotFound'; Category = 'ObjectNotFound'
            Command = { param($aws) Test-WAQualityGate -ProfileName 'no-such-profile' -ProfileLocation $script:Files.Credentials -Region us-east-1 -EndpointUrl $aws.EndpointUrl } }
        @{ Name = 'an access key without its secret'; Cmdlet = 'Get-WABudget'; ErrorId = 'IncompleteCredentials'; Category = 'InvalidArgument'
            Command = { param($aws) Get-WABudget -AccessKey $aws.AccessKey -Region us-east-1 -EndpointUrl $aws.EndpointUrl } }
        @{ Name = 'an endpoint that is not an HTTP URL'; Cmdlet = 'Send-WANotification'; ErrorId = 'InvalidEndpointUrl'; Category = 'InvalidArgument'
            Command = { param($aws) $aws.EndpointUrl = 'ftp://127.0.0.1:21'; Send-WANotification @aws -TopicArn $script:Topic -Message 'hello' } }

        # --- Get-WATagCompliance ---------------------------------------------------------------------------------
        @{ Name = 'a tag policy file that is not YAML'; Cmdlet = 'Get-WATagCompliance'; ErrorId = 'InvalidTagPolicyFile'; Category = 'InvalidData'
            Command = { param($aws) Get-WATagCompliance @aws -TagPolicyPath $script:Files.PolicySyntax } }
        @{ Name = 'a tag policy file with an unknown setting'; Cmdlet = 'Get-WATagCompliance'; ErrorId = 'InvalidTagPolicyFile'; Category = 'InvalidData'
            Command = { param($aws) Get-WATagCompliance @aws -TagPolicyPath $script:Files.PolicyUnknownSetting } }
        @{ Name = 'an empty tag policy file'; Cmdlet = 'Get-WATagCompliance'; ErrorId = 'InvalidTagPolicyFile'; Category = 'InvalidData'
            Command = { param($aws) Get-WATagCompliance @aws -TagPolicyPath $script:Files.Empty } }
        @{ Name = 'a tag policy file that does not exist'; Cmdlet = 'Get-WATagCompliance'; ErrorId = 'TagPolicyFileNotFound'; Category = 'ObjectNotFound'
            Command = { param($aws) Get-WATagCompliance @aws -TagPolicyPath '/nonexistent/policy.yaml' } }
        @{ Name = 'an empty required key list'; Cmdlet = 'Get-WATagCompliance'; ErrorId = 'EmptyRequiredTagList'; Category = 'InvalidArgument'
            Command = { param($aws) Get-WATagCompliance @aws -RequiredTag @() } }
        @{ Name = 'a required key over 128 characters'; Cmdlet = 'Get-WATagCompliance'; ErrorId = 'InvalidTagKey'; Category = 'InvalidArgument'
            Command = { param($aws) Get-WATagCompliance @aws -RequiredTag ('k' * 129) } }
        @{ Name = '-Region with -AllRegions'; Cmdlet = 'Get-WATagCompliance'; ErrorId = 'ConflictingParameters'; Category = 'InvalidArgument'
            Command = { param($aws) Get-WATagCompliance @aws -AllRegions } }
        @{ Name = '-TagPolicyPath with -RequiredTag'; Cmdlet = 'Get-WATagCompliance'; ErrorId = 'AmbiguousParameterSet'; Category = 'InvalidArgument'
            Command = { param($aws) Get-WATagCompliance @aws -TagPolicyPath $script:Files.PolicySyntax -RequiredTag Team } }
        @{ Name = 'a tag filter with 51 keys'; Cmdlet = 'Get-WATagCompliance'; ErrorId = 'InvalidTagFilter'; Category = 'InvalidArgument'
            Command = { param($aws) $filter = @{}; 1..51 | ForEach-Object { $filter["k$_"] = 'v' }; Get-WATagCompliance @aws -TagFilter $filter } }
        @{ Name = '-ThrottleLimit 0'; Cmdlet = 'Get-WATagCompliance'; ErrorId = 'ParameterArgumentValidationError'; Category = 'InvalidData'
            Command = { param($aws) Get-WATagCompliance @aws -ThrottleLimit 0 } }

        # --- Repair-WATagCompliance ------------------------------------------------------------------------------
        @{ Name = 'something that is not an ARN'; Cmdlet = 'Repair-WATagCompliance'; ErrorId = 'InvalidResourceArn'; Category = 'InvalidArgument'
            Command = { param($aws) 'orders-db' | Repair-WATagCompliance @aws -Tag @{ Team = 'web' } -Confirm:$false } }
        @{ Name = 'an ARN with a malformed region'; Cmdlet = 'Repair-WATagCompliance'; ErrorId = 'InvalidResourceArn'; Category = 'InvalidArgument'
            Command = { param($aws) $script:Seeded.Database.Replace(':us-east-1:', ':us east 1:') | Repair-WATagCompliance @aws -Tag @{ Team = 'web' } -Confirm:$false } }
        @{ Name = 'an ARN with a short account id'; Cmdlet = 'Repair-WATagCompliance'; ErrorId = 'InvalidResourceArn'; Category = 'InvalidArgument'
            Command = { param($aws) $script:Seeded.Database.Replace(':123456789012:', ':1234:') | Repair-WATagCompliance @aws -Tag @{ Team = 'web' } -Confirm:$false } }
        @{ Name = 'a bad ARN after a good one (nothing is repaired)'; Cmdlet = 'Repair-WATagCompliance'; ErrorId = 'InvalidResourceArn'; Category = 'InvalidArgument'
            Command = { param($aws) $script:Seeded.Database, 'arn:aws:rds' | Repair-WATagCompliance @aws -Tag @{ Team = 'web' } -FixKeyCase -Confirm:$false } }
        @{ Name = 'an empty ARN'; Cmdlet = 'Repair-WATagCompliance'; ErrorId = 'ParameterArgumentValidationError'; Category = 'InvalidData'
            Command = { param($aws) Repair-WATagCompliance @aws -ResourceArn '' -Tag @{ Team = 'web' } -Confirm:$false } }
        @{ Name = 'nothing to repair'; Cmdlet = 'Repair-WATagCompliance'; ErrorId = 'NothingToRepair'; Category = 'InvalidArgument'
            Command = { param($aws) $script:Seeded.Database | Repair-WATagCompliance @aws -Confirm:$false } }
        @{ Name = '51 tags'; Cmdlet = 'Repair-WATagCompliance'; ErrorId = 'InvalidTagParameter'; Category = 'InvalidArgument'
            Command = { param($aws) $tags = @{}; 1..51 | ForEach-Object { $tags["k$_"] = 'v' }; $script:Seeded.Database | Repair-WATagCompliance @aws -Tag $tags -Confirm:$false } }
        @{ Name = 'a tag value over 256 characters'; Cmdlet = 'Repair-WATagCompliance'; ErrorId = 'InvalidTagParameter'; Category = 'InvalidArgument'
            Command = { param($aws) $script:Seeded.Database | Repair-WATagCompliance @aws -Tag @{ Team = 'v' * 257 } -Confirm:$false } }
        @{ Name = 'a reserved aws: tag key'; Cmdlet = 'Repair-WATagCompliance'; ErrorId = 'InvalidTagKey'; Category = 'InvalidArgument'
            Command = { param($aws) $script:Seeded.Database | Repair-WATagCompliance @aws -Tag @{ 'aws:team' = 'web' } -Confirm:$false } }

        # --- Set-WABudgetAlert -----------------------------------------------------------------------------------
        @{ Name = 'a zero amount'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'InvalidBudgetAmount'; Category = 'InvalidArgument'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 0 -Name bad -Email ops@example.com } }
        @{ Name = 'an amount with a currency sign'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'InvalidBudgetAmount'; Category = 'InvalidArgument'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount '$500' -Name bad -Email ops@example.com } }
        @{ Name = 'an empty amount'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'ParameterArgumentValidationErrorEmptyStringNotAllowed'; Category = 'InvalidData'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount '' -Name bad -Email ops@example.com } }
        @{ Name = 'a threshold over 1,000,000 %'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'InvalidThreshold'; Category = 'InvalidArgument'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name bad -Email ops@example.com -ActualThreshold 1000001 } }
        @{ Name = 'no threshold at all'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'NoThreshold'; Category = 'InvalidArgument'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name bad -Email ops@example.com -ForecastThreshold @() -ActualThreshold @() } }
        @{ Name = '11 notifications'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'TooManyNotifications'; Category = 'LimitsExceeded'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name bad -Email ops@example.com -ForecastThreshold (10..18 | ForEach-Object { $_ * 10 }) -ActualThreshold 100, 110 } }
        @{ Name = 'an e-mail address without @'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'InvalidEmailAddress'; Category = 'InvalidArgument'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name bad -Email 'ops.example.com' } }
        @{ Name = 'an e-mail address with a space'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'InvalidEmailAddress'; Category = 'InvalidArgument'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name bad -Email 'ops team@example.com' } }
        @{ Name = '11 e-mail subscribers'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'TooManySubscribers'; Category = 'LimitsExceeded'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name bad -Email (1..11 | ForEach-Object { "ops$_@example.com" }) } }
        @{ Name = 'a queue ARN as the SNS topic'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'InvalidSnsTopicArn'; Category = 'InvalidArgument'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name bad -SnsTopicArn 'arn:aws:sqs:us-east-1:123456789012:alerts' } }
        @{ Name = 'a topic of another account'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'TopicInOtherAccount'; Category = 'InvalidArgument'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name bad -SnsTopicArn 'arn:aws:sns:us-east-1:111122223333:budget-alerts' } }
        @{ Name = 'a budget name with a colon'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'InvalidBudgetName'; Category = 'InvalidArgument'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name 'team:payments' -Email ops@example.com } }
        @{ Name = 'a budget name over 100 characters'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'InvalidBudgetName'; Category = 'InvalidArgument'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name ('n' * 101) -Email ops@example.com } }
        @{ Name = 'a currency that is not a code'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'InvalidCurrency'; Category = 'InvalidArgument'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name bad -Currency dollars -Email ops@example.com } }
        @{ Name = 'an unknown time unit'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'ParameterArgumentValidationError'; Category = 'InvalidData'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name bad -TimeUnit Weekly -Email ops@example.com } }
        @{ Name = '-Project with -CostFilter'; Cmdlet = 'Set-WABudgetAlert'; ErrorId = 'AmbiguousParameterSet'; Category = 'InvalidArgument'
            Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name bad -Project shop -CostFilter @{ Region = 'us-east-1' } -Email ops@example.com } }

        # --- Get-WABudget ------------------------------------------------------------------------------------------
        @{ Name = 'a budget name no budget can have'; Cmdlet = 'Get-WABudget'; ErrorId = 'InvalidBudgetName'; Category = 'InvalidArgument'
            Command = { param($aws) Get-WABudget @aws -Name 'team:payments' } }
        @{ Name = 'an empty project pattern'; Cmdlet = 'Get-WABudget'; ErrorId = 'ParameterArgumentValidationError'; Category = 'InvalidData'
            Command = { param($aws) Get-WABudget @aws -Project '' } }

        # --- New-WADashboard ---------------------------------------------------------------------------------------
        @{ Name = 'no way to find the workload'; Cmdlet = 'New-WADashboard'; ErrorId = 'NoDiscoveryParameter'; Category = 'InvalidArgument'
            Command = { param($aws) New-WADashboard @aws } }
        @{ Name = 'a stack and tags'; Cmdlet = 'New-WADashboard'; ErrorId = 'ConflictingParameters'; Category = 'InvalidArgument'
            Command = { param($aws) New-WADashboard @aws -StackName billing -Project shop } }
        @{ Name = 'a dashboard name with spaces'; Cmdlet = 'New-WADashboard'; ErrorId = 'InvalidDashboardName'; Category = 'InvalidArgument'
            Command = { param($aws) New-WADashboard @aws -Project shop -DashboardName 'shop prod!' } }
        @{ Name = 'a dashboard name of 252 characters'; Cmdlet = 'New-WADashboard'; ErrorId = 'InvalidDashboardName'; Category = 'InvalidArgument'
            Command = { param($aws) New-WADashboard @aws -Project shop -DashboardName ('d' * 252) } }
        @{ Name = 'a queue ARN as the alarm topic'; Cmdlet = 'New-WADashboard'; ErrorId = 'InvalidSnsTopicArn'; Category = 'InvalidArgument'
            Command = { param($aws) New-WADashboard @aws -Project shop -IncludeAlarms -AlarmTopicArn 'arn:aws:sqs:us-east-1:123456789012:alerts' } }
        @{ Name = 'six alarm topics in one region'; Cmdlet = 'New-WADashboard'; ErrorId = 'TooManyAlarmActions'; Category = 'LimitsExceeded'
            Command = { param($aws) New-WADashboard @aws -Project shop -IncludeAlarms -AlarmTopicArn (1..6 | ForEach-Object { "arn:aws:sns:us-east-1:123456789012:t$_" }) } }
        @{ Name = 'a threshold that is not a number'; Cmdlet = 'New-WADashboard'; ErrorId = 'InvalidAlarmThreshold'; Category = 'InvalidArgument'
            Command = { param($aws) New-WADashboard @aws -Project shop -IncludeAlarms -AlarmThreshold @{ 'AWS/Lambda/Errors' = 'many' } } }
        @{ Name = 'an alarm tag repeating the Project WAOps sets'; Cmdlet = 'New-WADashboard'; ErrorId = 'InvalidAlarmTag'; Category = 'InvalidArgument'
            Command = { param($aws) New-WADashboard @aws -Project shop -IncludeAlarms -AlarmTag @{ Project = 'other' } } }
        @{ Name = 'an alarm tag with the reserved aws: prefix'; Cmdlet = 'New-WADashboard'; ErrorId = 'InvalidAlarmTag'; Category = 'InvalidArgument'
            Command = { param($aws) New-WADashboard @aws -Project shop -IncludeAlarms -AlarmTag @{ 'aws:team' = 'x' } } }
        @{ Name = 'an alarm prefix with a tab'; Cmdlet = 'New-WADashboard'; ErrorId = 'InvalidAlarmPrefix'; Category = 'InvalidArgument'
            Command = { param($aws) New-WADashboard @aws -Project shop -AlarmPrefix "WA`tOps" } }
        @{ Name = 'an alarm write rate of 0'; Cmdlet = 'New-WADashboard'; ErrorId = 'ParameterArgumentValidationError'; Category = 'InvalidData'
            Command = { param($aws) New-WADashboard @aws -Project shop -AlarmWriteRate 0 } }
        @{ Name = 'an -OutFile in a folder that does not exist'; Cmdlet = 'New-WADashboard'; ErrorId = 'InvalidOutFile'; Category = 'InvalidArgument'
            Command = { param($aws) New-WADashboard @aws -Project shop -OutFile '/no/such/folder/d.json' } }
        @{ Name = 'a piped ARN with a malformed account'; Cmdlet = 'New-WADashboard'; ErrorId = 'InvalidResourceArn'; Category = 'InvalidArgument'
            Command = { param($aws) 'arn:aws:sqs:us-east-1:12345:orders' | New-WADashboard @aws -DashboardName orders } }

        # --- Send-WANotification -----------------------------------------------------------------------------------
        @{ Name = 'a queue ARN as the topic'; Cmdlet = 'Send-WANotification'; ErrorId = 'InvalidSnsTopicArn'; Category = 'InvalidArgument'
            Command = { param($aws) Send-WANotification @aws -TopicArn 'arn:aws:sqs:us-east-1:123456789012:q' -Message 'hello' } }
        @{ Name = 'a topic ARN with a malformed region'; Cmdlet = 'Send-WANotification'; ErrorId = 'InvalidSnsTopicArn'; Category = 'InvalidArgument'
            Command = { param($aws) Send-WANotification @aws -TopicArn $script:Topic.Replace(':us-east-1:', ':useast1:') -Message 'hello' } }
        @{ Name = 'a subject over 100 characters'; Cmdlet = 'Send-WANotification'; ErrorId = 'InvalidNotificationSubject'; Category = 'InvalidArgument'
            Command = { param($aws) Send-WANotification @aws -TopicArn $script:Topic -Subject ('s' * 101) -Message 'hello' } }
        @{ Name = 'an empty message'; Cmdlet = 'Send-WANotification'; ErrorId = 'InvalidNotificationMessage'; Category = 'InvalidArgument'
            Command = { param($aws) Send-WANotification @aws -TopicArn $script:Topic -Message '' } }
        @{ Name = 'a message over 256 KB'; Cmdlet = 'Send-WANotification'; ErrorId = 'InvalidNotificationMessage'; Category = 'InvalidArgument'
            Command = { param($aws) Send-WANotification @aws -TopicArn $script:Topic -Message ('x' * (256 * 1024 + 1)) } }
        @{ Name = 'a width of 10'; Cmdlet = 'Send-WANotification'; ErrorId = 'ParameterArgumentValidationError'; Category = 'InvalidData'
            Command = { param($aws) Get-Process -Id $PID | Send-WANotification @aws -TopicArn $script:Topic -Width 10 } }

        # --- Invoke-WAIdleCleanup ----------------------------------------------------------------------------------
        @{ Name = 'a production environment'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'ProtectedEnvironment'; Category = 'InvalidArgument'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -Environment dev, ' Prod ' -Action Delete -GracePeriodDays 0 -Force } }
        @{ Name = 'every environment (*)'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'ProtectedEnvironment'; Category = 'InvalidArgument'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -Environment '*' -Action Delete -GracePeriodDays 0 -Force } }
        @{ Name = 'an empty environment'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'InvalidEnvironment'; Category = 'InvalidArgument'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -Environment ' ' -MarkOnly -Force } }
        @{ Name = '-MaxActions 0'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'InvalidMaxActions'; Category = 'InvalidArgument'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -Action Delete -MaxActions 0 -Force } }
        @{ Name = '-MaxActions 1001'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'InvalidMaxActions'; Category = 'InvalidArgument'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -Action Delete -MaxActions 1001 -Force } }
        @{ Name = '-OlderThanDays -1'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'InvalidOlderThanDays'; Category = 'InvalidArgument'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -OlderThanDays -1 -Action Stop -Force } }
        @{ Name = 'a grace period of 400 days'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'InvalidGracePeriod'; Category = 'InvalidArgument'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -GracePeriodDays 400 -MarkOnly -Force } }
        @{ Name = '-MarkOnly with no grace period'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'ConflictingParameters'; Category = 'InvalidArgument'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -MarkOnly -GracePeriodDays 0 -Force } }
        @{ Name = 'a CPU threshold of 150 %'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'InvalidThreshold'; Category = 'InvalidArgument'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -Threshold @{ CpuPercent = 150 } -Action Stop -GracePeriodDays 0 -Force } }
        @{ Name = 'a threshold that is not a number'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'InvalidThreshold'; Category = 'InvalidArgument'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -Threshold @{ StoppedDays = 'a month' } -Action Terminate -GracePeriodDays 0 -Force } }
        @{ Name = 'a snapshot timeout of 0 minutes'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'InvalidSnapshotTimeout'; Category = 'InvalidArgument'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -SnapshotTimeoutMinutes 0 -Action Delete -GracePeriodDays 0 -Force } }
        @{ Name = 'an aws: exclusion tag'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'InvalidExclusionTag'; Category = 'InvalidArgument'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -ExclusionTag 'aws:keep' -Action Delete -GracePeriodDays 0 -Force } }
        @{ Name = 'an unknown criterion'; Cmdlet = 'Invoke-WAIdleCleanup'; ErrorId = 'ParameterArgumentValidationError'; Category = 'InvalidData'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -Criterion IdleEverything -Action Delete -Force } }

        # --- Test-WAQualityGate ------------------------------------------------------------------------------------
        @{ Name = 'a waiver that expires on no date'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'InvalidWaiverFile'; Category = 'InvalidData'
            Command = { param($aws) Test-WAQualityGate @aws -WaiverPath $script:Files.WaiverSomeday } }
        @{ Name = 'a waiver that expires on 30 February'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'InvalidWaiverFile'; Category = 'InvalidData'
            Command = { param($aws) Test-WAQualityGate @aws -WaiverPath $script:Files.WaiverFebruary } }
        @{ Name = 'a waiver file that is not YAML'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'InvalidWaiverFile'; Category = 'InvalidData'
            Command = { param($aws) Test-WAQualityGate @aws -WaiverPath $script:Files.PolicySyntax } }
        @{ Name = 'a waiver for a rule that does not exist'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'InvalidWaiverFile'; Category = 'InvalidData'
            Command = { param($aws) Test-WAQualityGate @aws -WaiverPath $script:Files.WaiverUnknownRule } }
        @{ Name = 'a waiver file of 20,000 lines with a bad last waiver'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'InvalidWaiverFile'; Category = 'InvalidData'
            Command = { param($aws) Test-WAQualityGate @aws -WaiverPath $script:Files.WaiverHuge } }
        @{ Name = 'a waiver file that does not exist'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'WaiverFileNotFound'; Category = 'ObjectNotFound'
            Command = { param($aws) Test-WAQualityGate @aws -WaiverPath '/nonexistent/waivers.yaml' } }
        @{ Name = 'a tag policy file that is not YAML'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'InvalidTagPolicyFile'; Category = 'InvalidData'
            Command = { param($aws) Test-WAQualityGate @aws -TagPolicyPath $script:Files.PolicySyntax } }
        @{ Name = '10,000 unknown rule names'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'UnknownRule'; Category = 'InvalidArgument'
            Command = { param($aws) Test-WAQualityGate @aws -Rule (1..10000 | ForEach-Object { "rule-$_" }) } }
        @{ Name = 'a selection that leaves no rule'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'NoRuleSelected'; Category = 'InvalidArgument'
            Command = { param($aws) Test-WAQualityGate @aws -Rule tags-required -Pillar Reliability } }
        @{ Name = 'an account id of 11 digits'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'InvalidAccountId'; Category = 'InvalidArgument'
            Command = { param($aws) Test-WAQualityGate @aws -AccountId 12345678901 -AssumeRoleName Audit } }
        @{ Name = '-IncludePassed with -SummaryOnly'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'ConflictingParameters'; Category = 'InvalidArgument'
            Command = { param($aws) Test-WAQualityGate @aws -IncludePassed -SummaryOnly } }
        @{ Name = '-OutFile without -OutputFormat'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'MissingOutputFormat'; Category = 'InvalidArgument'
            Command = { param($aws) Test-WAQualityGate @aws -OutFile (Join-Path $TestDrive 'gate.sarif') } }
        @{ Name = 'an -OutFile that is a directory'; Cmdlet = 'Test-WAQualityGate'; ErrorId = 'InvalidOutFile'; Category = 'WriteError'
            Command = { param($aws) Test-WAQualityGate @aws -OutputFormat Sarif -OutFile $TestDrive } }
    )
}

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Runbooks = Join-Path $PSScriptRoot '../../runbooks'
    $script:Moto = Start-MotoServer -Name 'BadInput.Tests'

    # Something of every kind a command could change, in us-east-1 where the rows run (tests/Support/seed/badinput.py).
    $script:Seeded = Invoke-MotoSeed -Server $script:Moto -Script 'badinput.py'
    $script:Topic = $script:Seeded.Topic

    $files = Join-Path $TestDrive 'files'
    New-Item -ItemType Directory -Path $files | Out-Null
    $script:Files = @{
        Empty                = Join-Path $files 'empty.yaml'
        PolicySyntax         = Join-Path $files 'policy-syntax.yaml'
        PolicyUnknownSetting = Join-Path $files 'policy-unknown.yaml'
        WaiverSomeday        = Join-Path $files 'waivers-someday.yaml'
        WaiverFebruary       = Join-Path $files 'waivers-february.yaml'
        WaiverUnknownRule    = Join-Path $files 'waivers-rule.yaml'
        WaiverHuge           = Join-Path $files 'waivers-huge.yaml'
        Credentials          = Join-Path $files 'credentials'
    }
    Set-Content $script:Files.Empty ''
    Set-Content $script:Files.PolicySyntax "requiredTags: [Environment, Project`nallowedValues:`n  Environment: {dev"
    Set-Content $script:Files.PolicyUnknownSetting "requiredTags: [Environment]`nrequiredKeys: [Team]"
    function script:New-Waiver([string] $Rule, [string] $Expires) {
        "  - rule: $Rule`n    resource: '*'`n    reason: test`n    owner: ops@example.com`n    expires: $Expires"
    }
    Set-Content $script:Files.WaiverSomeday "waivers:`n$(New-Waiver 'tags-required' 'someday')"
    Set-Content $script:Files.WaiverFebruary "waivers:`n$(New-Waiver 'tags-required' '2027-02-30')"
    Set-Content $script:Files.WaiverUnknownRule "waivers:`n$(New-Waiver 'rds-multi-az' '2099-01-01')"
    $huge = [Text.StringBuilder]::new("waivers:`n")
    foreach ($i in 1..3999) { $null = $huge.AppendLine((New-Waiver 'tags-required' '2099-01-01').Replace("'*'", "arn:aws:s3:::bucket-$i")) }
    $null = $huge.AppendLine((New-Waiver 'tags-required' '2099-13-01'))
    Set-Content $script:Files.WaiverHuge $huge.ToString()
    Set-Content $script:Files.Credentials "[other]`naws_access_key_id = AKIDOTHER`naws_secret_access_key = other-secret"

    # One boto3 process reads the state on request (a line in, a JSON line out).
    $start = [Diagnostics.ProcessStartInfo]::new((Get-PythonCommand))
    $start.ArgumentList.Add((Join-Path $PSScriptRoot '../Support/seed/state.py'))
    $start.ArgumentList.Add('--serve')
    $start.ArgumentList.Add('us-east-1')
    $start.Environment['WAOPS_SEED_ENDPOINT'] = $script:Moto.Endpoint
    foreach ($pair in (Get-TestCredential).GetEnumerator()) {
        $start.Environment[$(if ($pair.Key -eq 'AccessKey') { 'AWS_ACCESS_KEY_ID' } else { 'AWS_SECRET_ACCESS_KEY' })] = $pair.Value
    }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $script:StateReader = [Diagnostics.Process]::Start($start)
    function script:Get-MotoState {
        $script:StateReader.StandardInput.WriteLine('read')
        $script:StateReader.StandardInput.Flush()
        $line = $script:StateReader.StandardOutput.ReadLine()
        if (-not $line) { throw 'state.py stopped answering.' }
        $line | ConvertFrom-Json -Depth 50 | ConvertTo-Json -Depth 50
    }
    $script:Initial = Get-MotoState
    $script:State = $script:Initial
    $script:Proxy = Start-FaultProxy -Target $script:Moto.Endpoint -Rate 0
    function script:Get-RequestCount { ((Get-FaultProxyStats $script:Proxy).Values | Measure-Object -Sum).Sum }
}

AfterAll {
    if ($script:StateReader -and -not $script:StateReader.HasExited) { $script:StateReader.StandardInput.Close(); $null = $script:StateReader.WaitForExit(5000) }
    $script:Proxy | Stop-FaultProxy
    $script:Moto | Stop-MotoServer
}

Describe 'Bad input' {
    # The rows are discovery data; they reach the run phase as test data.
    It 'has at least 40 named cases (<Count>), covering every cmdlet' -ForEach @(@{ Rows = $script:Catalogue; Count = $script:Catalogue.Count }) {
        $Rows.Count | Should -BeGreaterOrEqual 40
        $names = $Rows | ForEach-Object { "$($_.Cmdlet): $($_.Name)" }
        @($names | Sort-Object -Unique).Count | Should -Be $names.Count -Because 'every case has its own name'
        $covered = @($Rows | ForEach-Object { $_.Cmdlet })
        foreach ($cmdlet in (Get-Module WAOps).ExportedCmdlets.Keys) { $covered | Should -Contain $cmdlet }
    }

    It 'counts the requests that reach moto (a good call sends one and changes nothing)' {
        $before = [int](Get-RequestCount)
        $credential = Get-TestCredential
        $context = Get-WAContext -EndpointUrl $script:Proxy.Endpoint -Region us-east-1 @credential
        $context.Account | Should -Be '123456789012'
        [int](Get-RequestCount) - $before | Should -Be 1
        Get-MotoState | Should -Be $script:State
    }

    It 'reads back every seeded kind, and sees a change and its undo' {
        $reading = ($script:Initial | ConvertFrom-Json).regions.'us-east-1'
        ($script:Initial | ConvertFrom-Json).budgets.name | Should -Be 'shop'
        foreach ($kind in 'topics', 'subscriptions', 'queues', 'alarms', 'dashboards', 'volumes', 'snapshots', 'addresses', 'databases', 'tags') {
            @($reading.$kind).Count | Should -BeGreaterThan 0 -Because "the seed made $kind"
        }
        $null = Invoke-TestAwsCli -Server $script:Moto -Arguments 'rds', 'add-tags-to-resource', '--resource-name', $script:Seeded.Database, '--tags', 'Key=Team,Value=web'
        Get-MotoState | Should -Not -Be $script:State
        $null = Invoke-TestAwsCli -Server $script:Moto -Arguments 'rds', 'remove-tags-from-resource', '--resource-name', $script:Seeded.Database, '--tag-keys', 'Team'
        Get-MotoState | Should -Be $script:State
    }

    It '<Cmdlet>: <Name> stops with <ErrorId> (<Category>) and changes nothing' -ForEach $script:Catalogue {
        $aws = Get-TestAwsParameter -Server $script:Moto
        $aws.EndpointUrl = $script:Proxy.Endpoint
        $requests = [int](Get-RequestCount)
        $thrown = $null
        try {
            # Non-terminating errors are silenced here: only a terminating error reaches the catch.
            $null = & { $ErrorActionPreference = 'SilentlyContinue'; $ConfirmPreference = 'None'; & $Command $aws }
        }
        catch {
            $thrown = $_
        }

        $thrown | Should -Not -BeNullOrEmpty -Because 'bad input must stop the command with a terminating error'
        $source = if (Test-Path variable:Source) { $Source } else { "WAOps.PowerShell.Commands.$($Cmdlet -replace '-', '')Command" }
        $thrown.FullyQualifiedErrorId | Should -BeLike "$ErrorId,$source"
        "$($thrown.CategoryInfo.Category)" | Should -Be $Category
        $thrown.Exception.Message | Should -Not -BeNullOrEmpty

        # No request reached moto, or the reading after the row equals the one before it.
        $sent = [int](Get-RequestCount) - $requests
        if ($sent -gt 0) {
            $after = Get-MotoState
            $after | Should -Be $script:State -Because "bad input must change nothing ($sent request(s) reached moto)"
            $script:State = $after
        }
    }

    It 'leaves moto as it was before the first case' {
        Get-MotoState | Should -Be $script:Initial
    }
}
