#Requires -Version 7.4
# The least-privilege policies in runbooks/iam, proven against moto with IAM enforcement: a user holding exactly
# a cmdlet's policy can run it; without one of its actions it fails cleanly, naming the missing permission.
# moto checks each API call as "<signing service>:<operation>"; tests/Support/MotoIamActions.psd1 translates
# AWS's action names (deviation). moto checks only the API called, not the per-service tagging permissions AWS
# also requires for TagResources (ec2:CreateTags, ...), and always allows sts:GetCallerIdentity.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Moto = Start-EnforcingMotoServer -Name 'IamPolicies.Tests'
    $script:Arns = Invoke-MotoSeed -Server $script:Moto -Script 'tags.py' -ArgumentList 'mix' -AsAdmin
    $script:PolicyRoot = Join-Path $PSScriptRoot '../../runbooks/iam'
    $script:UserCount = 0
    function New-PolicyUser([string[]] $Action) {
        $script:UserCount++
        New-MotoIamUser -Server $script:Moto -Name "policy-user-$($script:UserCount)" -Action $Action
    }
}

AfterAll {
    $script:Moto | Stop-MotoServer
}

Describe 'Policy files' {
    It '<_> is a valid IAM policy document that allows only named actions' -ForEach @(Get-ChildItem (Join-Path $PSScriptRoot '../../runbooks/iam') -Filter *.json | ForEach-Object Name) {
        $policy = Get-Content (Join-Path $script:PolicyRoot $_) -Raw | ConvertFrom-Json
        $policy.Version | Should -Be '2012-10-17'
        foreach ($statement in $policy.Statement) {
            $statement.Effect | Should -Be 'Allow'
            $statement.Sid | Should -Match '^[A-Za-z0-9]+$'
            foreach ($action in $statement.Action) {
                $action | Should -Match '^[a-z0-9-]+:[A-Za-z0-9]+$' -Because 'policies name each action; no wildcards'
            }
        }
    }
}

Describe 'Get-WAContext policy' {
    It 'is enough to run the cmdlet' {
        $aws = New-PolicyUser (Get-IamPolicyAction (Join-Path $script:PolicyRoot 'Get-WAContext.json'))
        (Get-WAContext @aws).Account | Should -Be '123456789012'
    }
}

Describe 'Get-WATagCompliance policy' {
    It 'is enough for a full scan: every listing succeeds' {
        $aws = New-PolicyUser (Get-IamPolicyAction (Join-Path $script:PolicyRoot 'Get-WATagCompliance.json'))
        $results = @(Get-WATagCompliance @aws -Region us-east-1 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $failures.Count | Should -Be 0 -Because ($failures | Out-String)
        $results.ResourceArn | Should -Contain $script:Arns.'untagged-topic-us-east-1'
    }

    It 'without <_>, reports the listing it could not make, naming the permission, and goes on' -ForEach @('sns:ListTopics', 'dynamodb:ListTables', 's3:GetBucketLocation') {
        $missing = $_
        $aws = New-PolicyUser (@(Get-IamPolicyAction (Join-Path $script:PolicyRoot 'Get-WATagCompliance.json')) | Where-Object { $_ -ne $missing })
        $results = @(Get-WATagCompliance @aws -Region us-east-1 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $failures.Count | Should -BeGreaterThan 0
        # The error names the call that was refused (moto also names the action; S3 says only "Access Denied").
        ($failures | ForEach-Object { $_.Exception.Message }) -join "`n" | Should -Match ($missing -split ':')[1]
        "$($failures[0].CategoryInfo.Category)" | Should -Be 'PermissionDenied'
        $results.ResourceArn | Should -Contain $script:Arns.'miscased-us-east-1'
    }

    It 'without tag:GetResources, fails cleanly naming the permission' {
        $aws = New-PolicyUser (@(Get-IamPolicyAction (Join-Path $script:PolicyRoot 'Get-WATagCompliance.json')) | Where-Object { $_ -ne 'tag:GetResources' })
        $null = Get-WATagCompliance @aws -Region us-east-1 -TaggingApiOnly -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Aws.AccessDenied*'
        $failures[0].Exception.Message | Should -Match 'tagging:GetResources'
    }
}

Describe 'Repair-WATagCompliance policy' {
    It 'is enough to add and rename tags' {
        $aws = New-PolicyUser (Get-IamPolicyAction (Join-Path $script:PolicyRoot 'Repair-WATagCompliance.json'))
        $results = @($script:Arns.'miscased-us-east-1', $script:Arns.'missing-us-east-1' |
            Repair-WATagCompliance @aws -Tag @{ Team = 'ops'; CostCenter = 'CC-1' } -FixKeyCase -Confirm:$false)
        $results.Outcome | Sort-Object -Unique | Should -Be 'Updated'
    }

    It 'without tag:UntagResources, reports the rename it could not finish' {
        $aws = New-PolicyUser (@(Get-IamPolicyAction (Join-Path $script:PolicyRoot 'Repair-WATagCompliance.json')) | Where-Object { $_ -ne 'tag:UntagResources' })
        $result = $script:Arns.'miscased-eu-west-1' | Repair-WATagCompliance @aws -FixKeyCase -Confirm:$false -ErrorAction SilentlyContinue
        "$($result.Outcome)" | Should -Be 'Failed'
        $result.Error | Should -Match 'tagging:UntagResources'
    }
}

Describe 'New-WADashboard policy' {
    It 'is enough to build the dashboard and its recommended alarms' {
        $null = Invoke-MotoSeed -Server $script:Moto -Script 'dashboards.py' -ArgumentList 'workload', '--project', 'iam', '--environment', 'prod' -Region eu-west-1 -AsAdmin
        $aws = New-PolicyUser (Get-IamPolicyAction (Join-Path $script:PolicyRoot 'New-WADashboard.json'))
        $aws.Region = 'eu-west-1'
        $results = @(New-WADashboard @aws -Project iam -Environment prod -IncludeAlarms -AlarmWriteRate 50 -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $failures.Count | Should -Be 0 -Because ($failures | Out-String)
        @($results | Where-Object { "$($_.Outcome)" -eq 'Created' }).Count | Should -BeGreaterThan 1
    }
}
