#Requires -Version 7.4
# Each playbook against moto with IAM enforcement, as a user holding exactly its policy in runbooks/iam: it succeeds.
# For the nightly cleanup and the workload onboarding, each action their scenario exercises is removed in turn: the run
# fails cleanly (non-zero exit code, an error naming the refused permission) and goes no further than it can.
# One enforcing moto for the file; every run gets its own seeded set (a non-production Environment value per cleanup
# run, a Project per onboarding run), seeded in bulk up front, and every user is created in one call.
# moto deviations (tests/Support/MotoIamActions.psd1 translates): moto checks CloudWatch as monitoring:*, the Tagging
# API as tagging:*, Budgets per operation (budgets:DescribeBudget where AWS checks budgets:ViewBudget); it ignores
# Resource and the aws:ResourceTag conditions of the product policies (the users here hold the policies' actions on
# "*"), and always allows sts:GetCallerIdentity.

BeforeDiscovery {
    $actions = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'RunbookIam.Actions.psd1')
    $script:CleanupCases = @(
        @($actions.Cleanup.Exercised | ForEach-Object { @{ Action = $_; Night = 'Delete' } }) +
        @($actions.Cleanup.ExercisedStop | ForEach-Object { @{ Action = $_; Night = 'Stop' } }) +
        @($actions.Cleanup.ExercisedMark | ForEach-Object { @{ Action = $_; Night = 'Mark' } }))
    $script:OnboardingExercised = $actions.Onboarding.Exercised
}

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Runbooks = Join-Path $PSScriptRoot '../../runbooks'
    $script:PolicyRoot = Join-Path $script:Runbooks 'iam'
    $script:Moto = Start-EnforcingMotoServer -Name 'RunbookIam.Tests'
    $script:Cleanup = @(Get-IamPolicyAction (Join-Path $script:PolicyRoot 'waops-nightly-cleanup.json'))
    $script:Onboarding = @(Get-IamPolicyAction (Join-Path $script:PolicyRoot 'waops-workload-onboarding.json'))

    $actions = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'RunbookIam.Actions.psd1')
    $script:CleanupExercised = @($actions.Cleanup.Exercised) + @($actions.Cleanup.ExercisedStop) + @($actions.Cleanup.ExercisedMark)
    $script:CleanupNotExercised = $actions.Cleanup.NotExercised
    $script:OnboardingExercised = $actions.Onboarding.Exercised
    $script:OnboardingNotExercised = $actions.Onboarding.NotExercised

    # Seeds: a topic for the summaries, one idle set per cleanup run, one project per onboarding run.
    $script:Topic = Invoke-MotoSeed -Server $script:Moto -Script 'runbooks.py' -ArgumentList 'topic', 'iam-nightly' -AsAdmin
    # Runs are named by the index of the removed action in the policy.
    $cleanupRuns = @('full', 'fullstop', 'fullmark') + @($script:CleanupExercised | ForEach-Object { "$([array]::IndexOf($script:Cleanup, $_))" })
    $script:Idle = Invoke-MotoSeed -Server $script:Moto -Script 'runbooks.py' -ArgumentList 'idle', (ConvertTo-Json -Compress -InputObject @($cleanupRuns | ForEach-Object { "dev-$_" })) -AsAdmin
    $onboardingRuns = @('full') + @($script:OnboardingExercised | ForEach-Object { "$([array]::IndexOf($script:Onboarding, $_))" })
    $null = Invoke-MotoSeed -Server $script:Moto -Script 'runbooks.py' -ArgumentList 'workload', (ConvertTo-Json -Compress -InputObject @($onboardingRuns + 'gate' | ForEach-Object { "iam$_" })) -AsAdmin

    # Users: exactly each playbook's policy, and the cleanup and onboarding policies each without one action.
    $users = [ordered]@{}
    foreach ($name in 'waops-nightly-cleanup', 'waops-workload-onboarding', 'waops-compliance-gate', 'waops-compliance-report', 'Set-WABudgetAlert', 'Get-WABudget', 'Test-WAQualityGate') {
        $users[$name] = @(ConvertTo-MotoIamAction -Action (Get-IamPolicyAction (Join-Path $script:PolicyRoot "$name.json")) | Sort-Object -Unique)
    }
    foreach ($i in @($script:CleanupExercised | ForEach-Object { [array]::IndexOf($script:Cleanup, $_) } | Where-Object { $_ -ge 0 })) {
        $users["cleanup-without-$i"] = @(ConvertTo-MotoIamAction -Action ($script:Cleanup | Where-Object { $_ -ne $script:Cleanup[$i] }) | Sort-Object -Unique)
    }
    foreach ($i in @($script:OnboardingExercised | ForEach-Object { [array]::IndexOf($script:Onboarding, $_) } | Where-Object { $_ -ge 0 })) {
        $users["onboarding-without-$i"] = @(ConvertTo-MotoIamAction -Action ($script:Onboarding | Where-Object { $_ -ne $script:Onboarding[$i] }) | Sort-Object -Unique)
    }
    $script:Keys = Invoke-MotoSeed -Server $script:Moto -Script 'runbooks.py' -ArgumentList 'iam-users', (ConvertTo-Json -Compress -Depth 5 -InputObject $users) -AsAdmin

    function script:Use-User([string] $Name) {
        $env:AWS_ACCESS_KEY_ID = $script:Keys.$Name.AccessKeyId
        $env:AWS_SECRET_ACCESS_KEY = $script:Keys.$Name.SecretAccessKey
    }
    $script:Aws = @{ EndpointUrl = $script:Moto.Endpoint; Region = 'us-east-1'; ModuleManifest = $env:WAOPS_MODULE_MANIFEST }
    function script:Invoke-Cleanup([string] $Run, [string] $Night = 'Delete') {
        # Delete: acts at once, deleting; Stop: acts at once, stopping; Mark: a first night with the grace period.
        $nightParameters = switch ($Night) {
            'Delete' { @{ Action = 'Delete'; GracePeriodDays = 0 } }
            'Stop' { @{ Action = 'Stop'; GracePeriodDays = 0 } }
            'Mark' { @{ Action = 'Stop'; GracePeriodDays = 7 } }
        }
        $result = @(& (Join-Path $script:Runbooks 'Invoke-WANightlyCleanup.ps1') @script:Aws @nightParameters -Environment "dev-$Run" -OlderThanDays 0 `
                -MaxActions 10 -TopicArn $script:Topic.TopicArn -ErrorAction SilentlyContinue 6>$null)[-1]
        $result | Add-Member -NotePropertyName LastExitCode -NotePropertyValue $LASTEXITCODE -PassThru
    }
    function script:Invoke-Onboarding([string] $Run) {
        $result = @(& (Join-Path $script:Runbooks 'Invoke-WAWorkloadOnboarding.ps1') @script:Aws -Project "iam$Run" -BudgetAmount 100 -Email finops@example.com `
                -AlarmWriteRate 50 -OutputDirectory (Join-Path $TestDrive "onboarding-$Run") -ErrorAction SilentlyContinue 6>$null)[-1]
        $result | Add-Member -NotePropertyName LastExitCode -NotePropertyValue $LASTEXITCODE -PassThru
    }
    function script:Get-RefusalText($Result) {
        # Everything a failed run says: step errors and the errors of failed resources.
        (@($Result.Errors) + @($Result.PSObject.Properties['Results'] ? @($Result.Results | ForEach-Object { $_.Error }) : @())) -join "`n"
    }
}

AfterAll {
    $script:Moto | Stop-MotoServer
    Remove-Item Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY -ErrorAction SilentlyContinue
}

Describe 'Nightly cleanup policy (runbooks/iam/waops-nightly-cleanup.json)' {
    It 'is enough for a night that deletes, terminates and releases, and publishes its summary' {
        Use-User 'waops-nightly-cleanup'
        $result = Invoke-Cleanup 'full'
        $result.LastExitCode | Should -Be 0 -Because (Get-RefusalText $result)
        @($result.Results | ForEach-Object { "$($_.Outcome)" } | Sort-Object -Unique) | Should -Be @('Deleted', 'Released', 'Terminated')
        $result.Published | Should -BeTrue
    }

    It 'is enough for a night that stops (-Action Stop -GracePeriodDays 0)' {
        Use-User 'waops-nightly-cleanup'
        $result = Invoke-Cleanup 'fullstop' 'Stop'
        $result.LastExitCode | Should -Be 0 -Because (Get-RefusalText $result)
        @($result.Results | Where-Object { "$($_.Outcome)" -eq 'Stopped' } | ForEach-Object { "$($_.Kind)" } | Sort-Object) | Should -Be @('DbInstance', 'Ec2Instance')
    }

    It 'is enough for a first night with the grace period (marks)' {
        Use-User 'waops-nightly-cleanup'
        $result = Invoke-Cleanup 'fullmark' 'Mark'
        $result.LastExitCode | Should -Be 0 -Because (Get-RefusalText $result)
        @($result.Results | Where-Object { "$($_.Outcome)" -eq 'Marked' } | ForEach-Object { "$($_.Kind)" } | Sort-Object) | Should -Be @('DbInstance', 'Ec2Instance')
    }

    It 'without <Action>, a night that <Night>s fails (exit 2) and says which permission was refused' -ForEach $script:CleanupCases {
        $index = [array]::IndexOf($script:Cleanup, $Action)
        $index | Should -BeGreaterOrEqual 0 -Because "$Action is in the policy"
        Use-User "cleanup-without-$index"
        $result = Invoke-Cleanup "$index" $Night
        $result.LastExitCode | Should -Be 2
        $moto = @(ConvertTo-MotoIamAction -Action $Action)
        Get-RefusalText $result | Should -Match ("not authorized to perform: ({0})" -f (($moto | ForEach-Object { [regex]::Escape($_) }) -join '|'))
    }

    It 'has no action the tests neither exercise nor explain' {
        @($script:Cleanup | Where-Object { $_ -notin $script:CleanupExercised -and -not $script:CleanupNotExercised.ContainsKey($_) }) | Should -BeNullOrEmpty
        @($script:CleanupNotExercised.Keys + $script:CleanupExercised | Where-Object { $_ -notin $script:Cleanup }) | Should -BeNullOrEmpty
    }
}

Describe 'Workload onboarding policy (runbooks/iam/waops-workload-onboarding.json)' {
    It 'is enough to create the budget, dashboard and alarms and read the tags' {
        Use-User 'waops-workload-onboarding'
        $result = Invoke-Onboarding 'full'
        $result.LastExitCode | Should -Be 0 -Because (Get-RefusalText $result)
        @($result.Budget | Where-Object { $_.PSObject.Properties['Outcome'] -and "$($_.Outcome)" -eq 'Created' }).Count | Should -Be 1
        @($result.Dashboard | Where-Object { "$($_.Outcome)" -eq 'Created' }).Count | Should -BeGreaterThan 1
        $result.TagReport.Resources | Should -BeGreaterThan 0
    }

    It 'without <_>, onboarding fails (exit 2) and says which permission was refused' -ForEach $script:OnboardingExercised {
        $index = [array]::IndexOf($script:Onboarding, $_)
        $index | Should -BeGreaterOrEqual 0 -Because "$_ is in the policy"
        Use-User "onboarding-without-$index"
        $result = Invoke-Onboarding "$index"
        $result.LastExitCode | Should -Be 2
        $moto = @(ConvertTo-MotoIamAction -Action $_)
        Get-RefusalText $result | Should -Match ("not authorized to perform: ({0})" -f (($moto | ForEach-Object { [regex]::Escape($_) }) -join '|'))
    }

    It 'has no action the tests neither exercise nor explain' {
        @($script:Onboarding | Where-Object { $_ -notin $script:OnboardingExercised -and -not $script:OnboardingNotExercised.ContainsKey($_) }) | Should -BeNullOrEmpty
        @($script:OnboardingNotExercised.Keys + $script:OnboardingExercised | Where-Object { $_ -notin $script:Onboarding }) | Should -BeNullOrEmpty
    }
}

Describe 'Compliance gate and report policies' {
    It 'waops-compliance-gate.json is enough to judge the account: the verdict comes from the rules, not from a refusal' {
        Use-User 'waops-compliance-gate'
        $result = @(& (Join-Path $script:Runbooks 'Invoke-WAComplianceGate.ps1') @script:Aws -OutputDirectory (Join-Path $TestDrive 'gate') -SummaryPath '' -ErrorAction SilentlyContinue 6>$null)[-1]
        $result.Errors | Should -BeNullOrEmpty
        $LASTEXITCODE | Should -Be 1
        $result.Summary.Error | Should -Be 0 -Because 'an unreadable listing would be an Error finding'
    }

    It 'waops-compliance-report.json is enough for the weekly report' {
        Use-User 'waops-compliance-report'
        $result = @(& (Join-Path $script:Runbooks 'Invoke-WAComplianceReport.ps1') @script:Aws -Project iamgate -OutputDirectory (Join-Path $TestDrive 'report') -ErrorAction SilentlyContinue 6>$null)[-1]
        $LASTEXITCODE | Should -Be 0 -Because (@($result.Errors) -join "`n")
        $result.TagResources | Should -BeGreaterThan 0
        $result.GateVerdict | Should -Be 'FAILED'
    }

    It 'the gate without iam:GetAccountAuthorizationDetails is incomplete (exit 2), naming the permission' {
        $actions = @(Get-IamPolicyAction (Join-Path $script:PolicyRoot 'waops-compliance-gate.json')) | Where-Object { $_ -ne 'iam:GetAccountAuthorizationDetails' }
        $user = New-MotoIamUser -Server $script:Moto -Name 'gate-without-iam' -Action $actions
        $env:AWS_ACCESS_KEY_ID = $user.AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $user.SecretKey
        $result = @(& (Join-Path $script:Runbooks 'Invoke-WAComplianceGate.ps1') @script:Aws -OutputDirectory (Join-Path $TestDrive 'gate-iam') -SummaryPath '' -ErrorAction SilentlyContinue 6>$null)[-1]
        $LASTEXITCODE | Should -Be 2
        ($result.Errors -join "`n") | Should -Match 'iam:GetAccountAuthorizationDetails'
    }
}

Describe 'Cmdlet policies added with the runbooks' {
    It 'Set-WABudgetAlert.json is enough to create a project budget with its alerts, and Get-WABudget.json to read it back' {
        Use-User 'Set-WABudgetAlert'
        $aws = @{ EndpointUrl = $script:Moto.Endpoint; Region = 'us-east-1' }
        $created = @(Set-WABudgetAlert @aws -Project iamcmdlet -Amount 40 -Email finops@example.com -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue)
        $failures | Should -BeNullOrEmpty
        @($created | Where-Object { $_.PSObject.Properties['Outcome'] } | ForEach-Object { "$($_.Outcome)" }) | Should -Be @('Created')
        Use-User 'Get-WABudget'
        $budget = Get-WABudget @aws -Project iamcmdlet -NoSubscriber -ErrorAction Stop
        $budget.Name | Should -Be 'Project-iamcmdlet'
        # ...and Get-WABudget's policy cannot write.
        { Set-WABudgetAlert @aws -Project iamcmdlet2 -Amount 40 -Email finops@example.com -Confirm:$false -ErrorAction Stop } | Should -Throw '*not authorized to perform: budgets:*'
    }

    It 'Test-WAQualityGate.json is enough for every listing of the live collector' {
        Use-User 'Test-WAQualityGate'
        $summary = Test-WAQualityGate -EndpointUrl $script:Moto.Endpoint -Region us-east-1 -SummaryOnly -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $failures | Should -BeNullOrEmpty
        $summary.Error | Should -Be 0
        $summary.Resources | Should -BeGreaterThan 0
    }
}
