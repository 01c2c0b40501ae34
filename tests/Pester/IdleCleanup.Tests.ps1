#Requires -Version 7.4
# Invoke-WAIdleCleanup against a local moto server seeded by tests/Support/seed/idle.py (one resource per case, daily
# CloudWatch datapoints seeded in bulk), read back with the AWS CLI.
#
# moto 5.2.1 creates every resource "now", so the age-based thresholds are set to 0 where a test needs a stopped
# instance or an old snapshot (-Threshold @{ StoppedDays = 0; SnapshotAgeDays = 0 }); how ages and missing data are
# judged is proven without network in tests/WAOps.Engine.Tests/Cleanup. Other moto deviations met here are named where
# they matter (its DescribeSnapshots OwnerIds=self also returns the snapshots of its built-in public AMIs).

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Moto = Start-MotoServer -Name 'IdleCleanup.Tests'
    $script:Aws = Get-TestAwsParameter -Server $script:Moto
    $script:Zero = @{ StoppedDays = 0; SnapshotAgeDays = 0 }
    $script:Acted = 'Stopped', 'Terminated', 'Deleted', 'Released'
    $script:Today = [DateTime]::UtcNow.Date

    function script:New-Scenario {
        Reset-MotoServer -Server $script:Moto
        Invoke-MotoSeed -Server $script:Moto -Script 'idle.py' -ArgumentList 'scenario'
    }

    function script:Invoke-Cli([string[]] $Arguments) {
        Invoke-TestAwsCli -Server $script:Moto -Arguments $Arguments
    }

    function script:Format-Tags($Resource, [string] $Property = 'Tags') {
        $tags = $Resource.PSObject.Properties[$Property]
        if (-not $tags -or -not $tags.Value) { return '' }
        (@($tags.Value | ForEach-Object { "$($_.Key)=$($_.Value)" }) | Sort-Object) -join ','
    }

    function script:Get-AccountState {
        # Everything a cleanup could change, as text: compared before and after runs that must change nothing.
        $state = [ordered]@{
            Instances = @((Invoke-Cli 'ec2', 'describe-instances').Reservations.Instances | Sort-Object InstanceId |
                    ForEach-Object { '{0} {1} {2}' -f $_.InstanceId, $_.State.Name, (Format-Tags $_) })
            Volumes   = @((Invoke-Cli 'ec2', 'describe-volumes').Volumes | Sort-Object VolumeId | ForEach-Object { '{0} {1} {2}' -f $_.VolumeId, $_.State, (Format-Tags $_) })
            Snapshots = @((Invoke-Cli 'ec2', 'describe-snapshots', '--owner-ids', 'self').Snapshots | Where-Object OwnerId -EQ '123456789012' | ForEach-Object SnapshotId | Sort-Object)
            Addresses = @((Invoke-Cli 'ec2', 'describe-addresses').Addresses | ForEach-Object { '{0} {1} {2}' -f $_.AllocationId, $(if ($_.PSObject.Properties['AssociationId']) { $_.AssociationId }), (Format-Tags $_) } | Sort-Object)
            Nat       = @((Invoke-Cli 'ec2', 'describe-nat-gateways').NatGateways | ForEach-Object { '{0} {1}' -f $_.NatGatewayId, $_.State } | Sort-Object)
            Balancers = @((Invoke-Cli 'elbv2', 'describe-load-balancers').LoadBalancers | ForEach-Object LoadBalancerName | Sort-Object)
            Databases = @((Invoke-Cli 'rds', 'describe-db-instances').DBInstances | ForEach-Object { '{0} {1} {2}' -f $_.DBInstanceIdentifier, $_.DBInstanceStatus, (Format-Tags $_ 'TagList') } | Sort-Object)
            DbSnaps   = @((Invoke-Cli 'rds', 'describe-db-snapshots').DBSnapshots | ForEach-Object DBSnapshotIdentifier | Sort-Object)
        }
        $state | ConvertTo-Json -Depth 5
    }

    function script:Get-Tag($Resource, [string] $Key, [string] $Property = 'Tags') {
        $tags = $Resource.PSObject.Properties[$Property]
        if (-not $tags) { return $null }
        ($tags.Value | Where-Object Key -EQ $Key | Select-Object -First 1)?.Value
    }

    function script:Get-PolicyAction([string] $File) {
        $policy = Get-Content (Join-Path $PSScriptRoot "../../runbooks/iam/$File") -Raw | ConvertFrom-Json
        @($policy.Statement | ForEach-Object { $_.Action })
    }

    function script:ConvertTo-IamAction([string] $Call) {
        # "Service:Operation" as the call counter names it, as IAM names the action.
        $service, $operation = $Call -split ':', 2
        $prefix = @{ 'EC2' = 'ec2'; 'Elastic Load Balancing v2' = 'elasticloadbalancing'; 'RDS' = 'rds'; 'CloudWatch' = 'cloudwatch'; 'STS' = 'sts' }[$service]
        "${prefix}:$operation"
    }

    function script:Select-Results($Output) { @($Output | Where-Object { $_.PSObject.TypeNames[0] -eq 'WAOps.IdleCleanupResult' }) }

    function script:Select-Summary($Output) { @($Output | Where-Object { $_.PSObject.TypeNames[0] -eq 'WAOps.IdleCleanupSummary' }) }
}

AfterAll {
    $script:Moto | Stop-MotoServer
}

Describe 'Invoke-WAIdleCleanup reports by default' {
    BeforeAll {
        $script:Ids = New-Scenario
        $script:Before = Get-AccountState
        $script:Output = Invoke-WAIdleCleanup @script:Aws -Threshold $script:Zero
        $script:Results = Select-Results $script:Output
        $script:ById = @{}
        foreach ($result in $script:Results) { $script:ById[$result.ResourceId] = $result }
    }

    It 'reports each criterion''s idle case with the action an acting run would take (<Criterion>)' -ForEach @(
        @{ Kind = 'instances'; Name = 'idle'; Criterion = 'LowUtilizationInstance'; Action = 'Stop' }
        @{ Kind = 'instances'; Name = 'stopped'; Criterion = 'StoppedInstance'; Action = 'Terminate' }
        @{ Kind = 'volumes'; Name = 'idle'; Criterion = 'UnattachedVolume'; Action = 'SnapshotThenDelete' }
        @{ Kind = 'addresses'; Name = 'free'; Criterion = 'UnassociatedElasticIp'; Action = 'Release' }
        @{ Kind = 'addresses'; Name = 'stopped'; Criterion = 'UnassociatedElasticIp'; Action = 'Release' }
        @{ Kind = 'nat'; Name = 'idle'; Criterion = 'IdleNatGateway'; Action = 'Delete' }
        @{ Kind = 'lb'; Name = 'empty'; Criterion = 'IdleLoadBalancer'; Action = 'Delete' }
        @{ Kind = 'lb'; Name = 'quiet'; Criterion = 'IdleLoadBalancer'; Action = 'Delete' }
        @{ Kind = 'db'; Name = 'idle'; Criterion = 'IdleDatabase'; Action = 'SnapshotThenStop' }
        @{ Kind = 'snapshots'; Name = 'orphan'; Criterion = 'OrphanedSnapshot'; Action = 'Delete' }
    ) {
        $id = $script:Ids.$Kind.$Name
        $result = $script:Results | Where-Object { $_.ResourceId -eq $id -or $_.ResourceArn -eq $id }
        $result | Should -HaveCount 1
        $result.Criterion | Should -Be $Criterion
        "$($result.Action)" | Should -Be $Action
        "$($result.Outcome)" | Should -Be 'Reported'
        "$($result.Status)" | Should -Be 'Idle'
        $result.Region | Should -Be 'us-east-1'
        $result.Environment | Should -Be 'dev'
        $result.Reason | Should -Match '^report only; not marked'
    }

    It 'does not report the busy or undecided case of each criterion (<Kind> <Name>)' -ForEach @(
        @{ Kind = 'instances'; Name = 'busy' }
        @{ Kind = 'instances'; Name = 'nodata' }
        @{ Kind = 'volumes'; Name = 'attached' }
        @{ Kind = 'addresses'; Name = 'running' }
        @{ Kind = 'nat'; Name = 'busy' }
        @{ Kind = 'lb'; Name = 'busy' }
        @{ Kind = 'db'; Name = 'busy' }
        @{ Kind = 'snapshots'; Name = 'used' }
    ) {
        $id = $script:Ids.$Kind.$Name
        $script:Results | Where-Object { $_.ResourceId -eq $id -or $_.ResourceArn -eq $id } | Should -BeNullOrEmpty
    }

    It 'never reports production or untagged resources, and reports excluded and protected ones as skipped' {
        foreach ($id in $script:Ids.instances.prod, $script:Ids.instances.untagged, $script:Ids.volumes.prod) {
            $script:ById.ContainsKey($id) | Should -BeFalse
        }
        "$($script:ById[$script:Ids.instances.keep].Outcome)" | Should -Be 'Skipped'
        $script:ById[$script:Ids.instances.keep].Reason | Should -Be 'tagged waops:keep=true; not acted on'
        $script:ById[$script:Ids.instances.protected].Reason | Should -Be 'protected until 2099-12-31 (waops:protect-until); not acted on'
    }

    It 'gives the evidence with the daily metric values, and the estimated saving' {
        $idle = $script:ById[$script:Ids.instances.idle]
        $idle.Evidence | Should -Match 'CPU ≤ 10% and network ≤ 5 MB on 14 of 14 days \(needs 4\); 14 of 14 days with data; daily CPU up to 2%, network up to 1 MB'
        @($idle.Metrics) | Should -HaveCount 3
        @($idle.Metrics[0].Values) | Should -HaveCount 14
        $idle.Metrics[0].Metric | Should -Be 'CPUUtilization Average'
        $idle.EstimatedMonthlySavings | Should -Be 7.59
        $idle.Name | Should -Be 'idle-box'
        $script:ById[$script:Ids.nat.idle].EstimatedMonthlySavings | Should -Be 32.85
        $script:ById[$script:Ids.nat.idle].Evidence | Should -Be '0 bytes processed on each of the last 30 days'
    }

    It 'ends with a summary: scope, outcomes, savings and the GetMetricData calls' {
        $summary = Select-Summary $script:Output
        $summary | Should -HaveCount 1
        $script:Output[-1].PSObject.TypeNames[0] | Should -Be 'WAOps.IdleCleanupSummary'
        $summary = $summary[0]
        "$($summary.Action)" | Should -Be 'Report'
        $summary.Reported | Should -Be ($script:Results | Where-Object { "$($_.Outcome)" -eq 'Reported' }).Count
        $summary.Skipped | Should -Be 2
        $summary.Marked + $summary.Stopped + $summary.Deleted + $summary.Released + $summary.Failed | Should -Be 0
        $summary.ScopeReasons['Production'] | Should -Be 2
        $summary.ScopeReasons['NoEnvironmentTag'] | Should -BeGreaterThan 0
        $summary.EstimatedMonthlySavings | Should -Be 0
        $summary.PotentialMonthlySavings | Should -BeGreaterThan 100
        $summary.GetMetricDataCalls | Should -Be 3
        $summary.ApiCalls['CloudWatch:GetMetricData'] | Should -Be 3
        $summary.AccountId | Should -Be '123456789012'
    }

    It 'needs only what the report-only IAM policy allows (runbooks/iam/waops-idle-cleanup-report.json)' {
        $allowed = Get-PolicyAction 'waops-idle-cleanup-report.json'
        $calls = @((Select-Summary $script:Output)[0].ApiCalls.Keys)
        $calls.Count | Should -BeGreaterThan 10
        foreach ($call in $calls) { ConvertTo-IamAction $call | Should -BeIn $allowed -Because $call }
    }

    It 'changes nothing' {
        Get-AccountState | Should -Be $script:Before
    }

    It 'formats results as a table and the summary as a list' {
        $table = $script:Results | Out-String -Width 250
        $table | Should -Match 'Outcome\s+Kind\s+ResourceId\s+Action\s+\$/month\s+Criterion / Reason'
        $table | Should -Match 'Reported\s+NatGateway\s+nat-\w+\s+Delete\s+32\.85 IdleNatGateway: 0 bytes processed'
        $list = Select-Summary $script:Output | Out-String -Width 250
        $list | Should -Match 'Run\s+: Report in us-east-1 \(123456789012\); environments dev'
        $list | Should -Match 'Metrics\s+: \d+ queries in 3 GetMetricData call\(s\)'
    }

    It 'says in -Verbose what it read and which calls it made' {
        $verbose = Invoke-WAIdleCleanup @script:Aws -Criterion UnattachedVolume -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $verbose | Should -Contain 'Account 123456789012, region us-east-1: report only, environments dev, criteria UnattachedVolume.'
        ($verbose -join "`n") | Should -Match 'AWS calls: \d+ \(EC2:DescribeVolumes 1, STS:GetCallerIdentity 1\)'
    }
}

Describe 'Invoke-WAIdleCleanup -WhatIf' {
    It 'shows every write and changes nothing, even with -Action Delete -Force' {
        $ids = New-Scenario
        $before = Get-AccountState
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript
        try {
            $output = Invoke-WAIdleCleanup @script:Aws -Threshold $script:Zero -Action Delete -GracePeriodDays 0 -MaxActions 100 -Force -WhatIf
        }
        finally {
            Stop-Transcript
        }

        $results = Select-Results $output
        @($results | Where-Object { "$($_.Outcome)" -in $script:Acted + 'Failed', 'Marked' }) | Should -BeNullOrEmpty
        # Only what would not be written anyway comes out: the protected and excluded resources.
        @($results.ResourceId | Sort-Object) | Should -Be @($ids.instances.keep, $ids.instances.protected, $ids.db.protected | Sort-Object)
        $text = Get-Content $transcript -Raw
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"SnapshotThenDelete EbsVolume $($ids.volumes.idle) (10 GiB gp3, available): not attached to any instance"))
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Release ElasticIp $($ids.addresses.free)"))
        Get-AccountState | Should -Be $before
    }
}

Describe 'Invoke-WAIdleCleanup grace period' {
    BeforeAll {
        $script:Ids = New-Scenario
        $script:Due = $script:Today.AddDays(7).ToString('yyyy-MM-dd')
    }

    It '-MarkOnly marks every idle resource in scope with the date its grace period ends, and nothing else' {
        $output = Invoke-WAIdleCleanup @script:Aws -Threshold $script:Zero -MarkOnly -Force
        $results = Select-Results $output
        $marked = @($results | Where-Object { "$($_.Outcome)" -eq 'Marked' })
        $marked.Count | Should -Be 11
        $marked | ForEach-Object { $_.CleanupAfter.ToString('yyyy-MM-dd') | Should -Be $script:Due }
        @($results | Where-Object { "$($_.Outcome)" -in $script:Acted }) | Should -BeNullOrEmpty

        $volume = (Invoke-Cli 'ec2', 'describe-volumes', '--volume-ids', $script:Ids.volumes.idle).Volumes[0]
        Get-Tag $volume 'waops:cleanup-after' | Should -Be $script:Due
        $database = (Invoke-Cli 'rds', 'describe-db-instances', '--db-instance-identifier', $script:Ids.db.idle).DBInstances[0]
        Get-Tag $database 'waops:cleanup-after' 'TagList' | Should -Be $script:Due
        $balancer = (Invoke-Cli 'elbv2', 'describe-tags', '--resource-arns', $script:Ids.lb.empty).TagDescriptions[0]
        Get-Tag $balancer 'waops:cleanup-after' | Should -Be $script:Due
        # Production, untagged and excluded resources carry no mark.
        foreach ($id in $script:Ids.instances.prod, $script:Ids.instances.untagged, $script:Ids.instances.keep) {
            $instance = (Invoke-Cli 'ec2', 'describe-instances', '--instance-ids', $id).Reservations[0].Instances[0]
            Get-Tag $instance 'waops:cleanup-after' | Should -BeNullOrEmpty
        }
    }

    It 'an acting run waits for marks that are not yet due' {
        $before = Get-AccountState
        $results = Select-Results (Invoke-WAIdleCleanup @script:Aws -Threshold $script:Zero -Action Delete -MaxActions 100 -Force)
        $waiting = @($results | Where-Object { $_.Reason -like "grace period: marked, cleanup after $($script:Due)" })
        $waiting.Count | Should -Be 10
        # The eleventh marked resource is the deletion-protected database, which -Action Delete never acts on.
        ($results | Where-Object ResourceId -EQ $script:Ids.db.protected).Reason | Should -Match 'deletion protection is on'
        Get-AccountState | Should -Be $before
    }

    It 'acts on a marked resource once its date has come, snapshot first' {
        $yesterday = $script:Today.AddDays(-1).ToString('yyyy-MM-dd')
        Invoke-Cli 'ec2', 'create-tags', '--resources', $script:Ids.volumes.idle, '--tags', "Key=waops:cleanup-after,Value=$yesterday" | Out-Null

        $results = Select-Results (Invoke-WAIdleCleanup @script:Aws -Threshold $script:Zero -Action Delete -Force)

        $deleted = @($results | Where-Object { "$($_.Outcome)" -in $script:Acted })
        $deleted | Should -HaveCount 1
        $deleted[0].ResourceId | Should -Be $script:Ids.volumes.idle
        "$($deleted[0].Outcome)" | Should -Be 'Deleted'
        $snapshot = "$($deleted[0].BackupSnapshotIds)"
        $snapshot | Should -Match '^snap-'
        (Invoke-Cli 'ec2', 'describe-snapshots', '--snapshot-ids', $snapshot).Snapshots[0].State | Should -Be 'completed'
        { Invoke-Cli 'ec2', 'describe-volumes', '--volume-ids', $script:Ids.volumes.idle } | Should -Throw '*InvalidVolume.NotFound*'
    }

    It 'unmarks a marked resource that is in use again' {
        Invoke-Cli 'ec2', 'create-tags', '--resources', $script:Ids.instances.busy, '--tags', 'Key=waops:cleanup-after,Value=2026-01-01' | Out-Null

        $results = Select-Results (Invoke-WAIdleCleanup @script:Aws -Threshold $script:Zero -MarkOnly -Force)

        $unmarked = $results | Where-Object ResourceId -EQ $script:Ids.instances.busy
        "$($unmarked.Outcome)" | Should -Be 'Unmarked'
        $unmarked.Reason | Should -Match '^in use again: CPU'
        $instance = (Invoke-Cli 'ec2', 'describe-instances', '--instance-ids', $script:Ids.instances.busy).Reservations[0].Instances[0]
        Get-Tag $instance 'waops:cleanup-after' | Should -BeNullOrEmpty
    }
}

Describe 'Invoke-WAIdleCleanup actions' {
    It '-Action Delete terminates, deletes and releases everything idle in scope, each after its snapshot, and keeps what is protected' {
        $ids = New-Scenario
        $output = Invoke-WAIdleCleanup @script:Aws -Threshold $script:Zero -Action Delete -GracePeriodDays 0 -MaxActions 100 -Force
        $results = Select-Results $output
        $outcome = @{}
        foreach ($result in $results) { $outcome[$result.ResourceId] = "$($result.Outcome)" }

        $outcome[$ids.instances.idle] | Should -Be 'Terminated'
        $outcome[$ids.instances.stopped] | Should -Be 'Terminated'
        $outcome[$ids.volumes.idle] | Should -Be 'Deleted'
        $outcome[$ids.snapshots.orphan] | Should -Be 'Deleted'
        $outcome[$ids.addresses.free] | Should -Be 'Released'
        $outcome[$ids.addresses.stopped] | Should -Be 'Released'
        $outcome[$ids.nat.idle] | Should -Be 'Deleted'
        $outcome['waops-empty'] | Should -Be 'Deleted'
        $outcome['waops-quiet'] | Should -Be 'Deleted'
        $outcome[$ids.db.idle] | Should -Be 'Deleted'
        $outcome[$ids.db.protected] | Should -Be 'Skipped'
        ($results | Where-Object ResourceId -EQ $ids.db.protected).Reason | Should -Match 'deletion protection is on; WAOps never turns it off'
        $outcome[$ids.instances.keep] | Should -Be 'Skipped'

        # Read back: the volume and the database are gone, their snapshots are there; the protected database is untouched.
        $volumeSnapshot = "$(($results | Where-Object ResourceId -EQ $ids.volumes.idle).BackupSnapshotIds)"
        $snapshot = (Invoke-Cli 'ec2', 'describe-snapshots', '--snapshot-ids', $volumeSnapshot).Snapshots[0]
        $snapshot.VolumeId | Should -Be $ids.volumes.idle
        Get-Tag $snapshot 'waops:backup-of' | Should -Be $ids.volumes.idle
        $dbSnapshot = "$(($results | Where-Object ResourceId -EQ $ids.db.idle).BackupSnapshotIds)"
        (Invoke-Cli 'rds', 'describe-db-snapshots', '--db-snapshot-identifier', $dbSnapshot).DBSnapshots[0].Status | Should -Be 'available'
        { Invoke-Cli 'rds', 'describe-db-instances', '--db-instance-identifier', $ids.db.idle } | Should -Throw '*DBInstanceNotFound*'
        (Invoke-Cli 'rds', 'describe-db-instances', '--db-instance-identifier', $ids.db.protected).DBInstances[0].DBInstanceStatus | Should -Be 'available'
        (Invoke-Cli 'ec2', 'describe-instances', '--instance-ids', $ids.instances.prod).Reservations[0].Instances[0].State.Name | Should -Be 'running'

        $summary = (Select-Summary $output)[0]
        $summary.Terminated | Should -Be 2
        $summary.Released | Should -Be 2
        $summary.Deleted | Should -Be 6
        $summary.EstimatedMonthlySavings | Should -BeGreaterThan 90

        # Every call the acting run made is allowed by the acting IAM policy (runbooks/iam/waops-idle-cleanup.json).
        $allowed = Get-PolicyAction 'waops-idle-cleanup.json'
        foreach ($call in $summary.ApiCalls.Keys) { ConvertTo-IamAction $call | Should -BeIn $allowed -Because $call }
    }

    It '-Action Delete never deletes a load balancer that serves traffic, whatever its targets'' health (<State>)' -ForEach @(
        @{ State = 'unavailable' }, @{ State = 'initial' }, @{ State = 'unused' }, @{ State = 'draining' }, @{ State = 'unhealthy' }
    ) {
        # moto answers every target healthy; the proxy answers as AWS does for targets in this state (unavailable: a
        # Lambda target group, whose health checks are off by default).
        New-Scenario | Out-Null
        $proxy = Start-FaultProxy -Target $script:Moto.Endpoint -Rate 0 -TargetHealth $State
        try {
            $aws = Get-TestAwsParameter -Server $script:Moto
            $aws.EndpointUrl = $proxy.Endpoint
            $results = Select-Results (Invoke-WAIdleCleanup @aws -Criterion IdleLoadBalancer -Action Delete -GracePeriodDays 0 -MaxActions 100 -Force)
        }
        finally {
            $proxy | Stop-FaultProxy
        }

        @($results | Where-Object { "$($_.Outcome)" -eq 'Deleted' } | ForEach-Object ResourceId | Sort-Object) | Should -Be @('waops-empty', 'waops-quiet')
        $results | Where-Object ResourceId -EQ 'waops-busy' | Should -BeNullOrEmpty
        (Invoke-Cli 'elbv2', 'describe-load-balancers', '--names', 'waops-busy').LoadBalancers[0].State.Code | Should -Be 'active'
        ($results | Where-Object ResourceId -EQ 'waops-quiet').Evidence | Should -Match "targets: 1 in 1 target group\(s\): 1 $([regex]::Escape($State))"
    }

    It '-Action Stop stops instances and snapshot-then-stops databases, and deletes nothing' {
        $ids = New-Scenario
        $results = Select-Results (Invoke-WAIdleCleanup @script:Aws -Threshold $script:Zero -Action Stop -GracePeriodDays 0 -MaxActions 100 -Force)

        $stopped = @($results | Where-Object { "$($_.Outcome)" -eq 'Stopped' } | ForEach-Object ResourceId | Sort-Object)
        $stopped | Should -Be @($ids.instances.idle, $ids.db.idle, $ids.db.protected | Sort-Object)
        @($results | Where-Object { "$($_.Outcome)" -in 'Deleted', 'Terminated', 'Released' }) | Should -BeNullOrEmpty
        ($results | Where-Object ResourceId -EQ $ids.volumes.idle).Reason | Should -Be '-Action Stop does not delete a EbsVolume; -Action Delete does'
        ($results | Where-Object ResourceId -EQ $ids.instances.stopped).Reason | Should -Be 'already stopped; -Action Terminate terminates it'
        (Invoke-Cli 'ec2', 'describe-instances', '--instance-ids', $ids.instances.idle).Reservations[0].Instances[0].State.Name | Should -BeIn 'stopping', 'stopped'
        (Invoke-Cli 'rds', 'describe-db-instances', '--db-instance-identifier', $ids.db.idle).DBInstances[0].DBInstanceStatus | Should -Be 'stopped'
        $dbSnapshot = "$(($results | Where-Object ResourceId -EQ $ids.db.idle).BackupSnapshotIds)"
        (Invoke-Cli 'rds', 'describe-db-snapshots', '--db-snapshot-identifier', $dbSnapshot).DBSnapshots[0].Status | Should -Be 'available'
    }

    It '-MaxActions caps the actions of a run, largest savings first' {
        $ids = New-Scenario
        $output = Invoke-WAIdleCleanup @script:Aws -Threshold $script:Zero -Action Delete -GracePeriodDays 0 -MaxActions 2 -Force
        $results = Select-Results $output

        $acted = @($results | Where-Object { "$($_.Outcome)" -in $script:Acted })
        $acted | Should -HaveCount 2
        $acted.ResourceId | Should -Contain $ids.nat.idle
        $acted | ForEach-Object { $_.EstimatedMonthlySavings | Should -BeGreaterOrEqual 16.42 }
        @($results | Where-Object Reason -Like '-MaxActions 2 reached*').Count | Should -BeGreaterThan 5
        (Select-Summary $output)[0].MaxActions | Should -Be 2
    }

    It 'a resource deleted during the run is a failure of its own and the others go on' {
        $ids = New-Scenario
        # Results stream out as they are applied: when the volume's result arrives, the orphaned snapshot (applied
        # after it: volumes come before snapshots) is deleted behind WAOps' back. -Confirm:$false rather than -Force, so
        # that each write waits for its ShouldProcess on the pipeline thread, after the previous result went down the
        # pipeline (with -Force the next write may already be under way).
        $output = Invoke-WAIdleCleanup @script:Aws -Threshold $script:Zero -Criterion UnattachedVolume, OrphanedSnapshot, UnassociatedElasticIp -Action Delete -GracePeriodDays 0 -Confirm:$false `
            -ErrorVariable failures -ErrorAction SilentlyContinue |
            ForEach-Object {
                if ($_.PSObject.Properties['ResourceId'] -and $_.ResourceId -eq $ids.volumes.idle) {
                    Invoke-Cli 'ec2', 'delete-snapshot', '--snapshot-id', $ids.snapshots.orphan | Out-Null
                }
                $_
            }
        $results = Select-Results $output

        $failed = $results | Where-Object ResourceId -EQ $ids.snapshots.orphan
        "$($failed.Outcome)" | Should -Be 'Failed'
        $failed.ErrorId | Should -Be 'Aws.InvalidSnapshot.NotFound'
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'Aws.InvalidSnapshot.NotFound,WAOps.PowerShell.Commands.InvokeWAIdleCleanupCommand'
        "$($failures[0].CategoryInfo.Category)" | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be "arn:aws:ec2:us-east-1::snapshot/$($ids.snapshots.orphan)"
        "$(($results | Where-Object ResourceId -EQ $ids.volumes.idle).Outcome)" | Should -Be 'Deleted'
        @($results | Where-Object { "$($_.Outcome)" -eq 'Released' }) | Should -HaveCount 2
        (Select-Summary $output)[0].Failed | Should -Be 1
    }
}

Describe 'Invoke-WAIdleCleanup refuses bad input before anything is read or written' {
    BeforeAll {
        # A closed port: had anything been sent, the error would be AwsConnectionFailed, not the input error.
        $script:Closed = @{} + $script:Aws
        $script:Closed.EndpointUrl = "http://127.0.0.1:$(Get-FreeTcpPort)"
    }

    It 'stops with <ErrorId> for <Case>' -ForEach @(
        @{ Case = '-Environment prod'; ErrorId = 'ProtectedEnvironment'; Parameters = @{ Environment = 'prod' } }
        @{ Case = '-Environment " Prod "'; ErrorId = 'ProtectedEnvironment'; Parameters = @{ Environment = 'dev', ' Prod ' } }
        @{ Case = '-Environment PRODUCTION'; ErrorId = 'ProtectedEnvironment'; Parameters = @{ Environment = 'PRODUCTION' } }
        @{ Case = '-Environment *'; ErrorId = 'ProtectedEnvironment'; Parameters = @{ Environment = '*' } }
        @{ Case = 'an empty -Environment'; ErrorId = 'InvalidEnvironment'; Parameters = @{ Environment = ' ' } }
        @{ Case = '-MaxActions 0'; ErrorId = 'InvalidMaxActions'; Parameters = @{ MaxActions = 0; Action = 'Delete' } }
        @{ Case = '-MaxActions 1001'; ErrorId = 'InvalidMaxActions'; Parameters = @{ MaxActions = 1001 } }
        @{ Case = '-OlderThanDays -1'; ErrorId = 'InvalidOlderThanDays'; Parameters = @{ OlderThanDays = -1 } }
        @{ Case = '-GracePeriodDays 400'; ErrorId = 'InvalidGracePeriod'; Parameters = @{ GracePeriodDays = 400 } }
        @{ Case = '-SnapshotTimeoutMinutes 0'; ErrorId = 'InvalidSnapshotTimeout'; Parameters = @{ SnapshotTimeoutMinutes = 0 } }
        @{ Case = '-MarkOnly with -GracePeriodDays 0'; ErrorId = 'ConflictingParameters'; Parameters = @{ MarkOnly = $true; GracePeriodDays = 0 } }
        @{ Case = 'an unknown threshold'; ErrorId = 'InvalidThreshold'; Parameters = @{ Threshold = @{ Cpu = 5 } } }
        @{ Case = 'a threshold out of range'; ErrorId = 'InvalidThreshold'; Parameters = @{ Threshold = @{ CpuPercent = 150 } } }
        @{ Case = 'a threshold that is not a number'; ErrorId = 'InvalidThreshold'; Parameters = @{ Threshold = @{ StoppedDays = 'a month' } } }
        @{ Case = 'an aws: exclusion tag'; ErrorId = 'InvalidExclusionTag'; Parameters = @{ ExclusionTag = 'aws:keep' } }
    ) {
        $thrown = { Invoke-WAIdleCleanup @script:Closed @Parameters -Force -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,WAOps.PowerShell.Commands.InvokeWAIdleCleanupCommand" -PassThru
        "$($thrown.CategoryInfo.Category)" | Should -Be 'InvalidArgument'
        $thrown.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'offers only its criteria and levels' {
        { Invoke-WAIdleCleanup @script:Closed -Criterion IdleEverything } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Invoke-WAIdleCleanup @script:Closed -Action Nuke } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Invoke-WAIdleCleanup unattended' {
    It 'without -Force, a host that cannot prompt stops it with ConfirmationRequired before the first write' {
        $ids = New-Scenario
        $before = Get-AccountState
        $credential = Get-TestCredential
        $script = Join-Path $TestDrive 'nightly.ps1'
        Set-Content $script @"
Import-Module '$($env:WAOPS_MODULE_MANIFEST)'
try {
    Invoke-WAIdleCleanup -EndpointUrl '$($script:Moto.Endpoint)' -Region us-east-1 -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)' -Action Delete -GracePeriodDays 0 -ErrorAction Stop | Out-Null
    'NO ERROR'
}
catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }
"@
        $output = Invoke-Pwsh -File $script -NoThrow
        ($output -join "`n") | Should -Match '^ConfirmationRequired,WAOps\.PowerShell\.Commands\.InvokeWAIdleCleanupCommand'
        ($output -join "`n") | Should -Match 'needs confirmation, and this host cannot ask'
        Get-AccountState | Should -Be $before
    }

    It 'never writes its secret key to any stream' {
        $null = New-Scenario
        $secret = 'SENTINEL-SECRET-idle-4f2a9c'
        $text = Invoke-WAIdleCleanup -EndpointUrl $script:Moto.Endpoint -Region us-east-1 -AccessKey 'AKIDSENTINEL00000001' -SecretKey $secret -Criterion UnattachedVolume -Verbose -Debug *>&1 |
            Out-String -Width 500
        $text | Should -Match 'AWS calls'
        $text | Should -Not -Match $secret
    }
}
