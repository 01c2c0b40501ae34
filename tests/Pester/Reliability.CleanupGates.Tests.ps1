#Requires -Version 7.4
# Reliability of the two cmdlets merged after Reliability.Tests.ps1 (same proxy, same bar):
#  - Invoke-WAIdleCleanup acting (marks, EIP releases, snapshot-then-delete of a volume and a database, a snapshot delete,
#    an instance stop) clean and again with 20% faults: identical results, and moto's state identical too, with exactly
#    one backup snapshot per deleted volume or database;
#  - Test-WAQualityGate clean and with 20% faults against the same account: identical findings, identical reports but
#    for their timestamps;
#  - Ctrl+C during a cleanup's apply and during a gate's collection returns within 2 seconds, and the cleanup changes
#    nothing beyond the change in flight;
#  - sentinel secrets never appear in any stream, error record or report file, also under faults;
#  - sustained throttling of each protocol, end to end through a cmdlet: bounded backoff with the retries in -Verbose,
#    then a clear error naming the throttling code and the attempts.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Faults = @('throttle', 'http500', 'http503', 'reset', 'reset-after', 'slow')
    $script:Zero = @{ StoppedDays = 0; SnapshotAgeDays = 0 }

    function script:Select-Type($Output, [string] $Type) { @($Output | Where-Object { $_.PSObject.TypeNames[0] -eq $Type }) }

    function script:Get-InjectedFaults($Proxy) {
        $stats = Get-FaultProxyStats $Proxy
        ($stats.Keys | Where-Object { $_ -ne 'None' } | ForEach-Object { $stats[$_] } | Measure-Object -Sum).Sum
    }

    # Seeded ids (and ARNs) by the role the seed gave them ("volumes.idle"), so two servers' runs can be compared.
    function script:Get-Roles($Ids) {
        $roles = [ordered]@{}
        foreach ($kind in $Ids.PSObject.Properties) {
            foreach ($item in $kind.Value.PSObject.Properties) { $roles["$($item.Value)"] = "$($kind.Name).$($item.Name)" }
        }
        $roles
    }

    function script:ConvertTo-RoleText([string] $Text, $Roles) {
        # Longest first, so an ARN is replaced before the id inside it.
        foreach ($id in @($Roles.Keys) | Sort-Object Length -Descending) { $Text = $Text.Replace($id, $Roles[$id]) }
        # What a run creates gets ids of its own: snapshots, associations, time-stamped DB snapshot names (WAOps' own,
        # and the automated ones named rds:<instance>-<yyyy-mm-dd-hh-mm> for the minute each server created them).
        $Text = $Text -replace 'snap-[0-9a-f]+', 'snap-*' -replace 'eipassoc-[0-9a-f]+', 'eipassoc-*' -replace '-\d{8}-\d{6}\b', '-<stamp>' -replace '-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\b', '-<stamp>'
        # moto picks public IPs and target group ARN suffixes at random.
        $Text = $Text -replace '\b127\.\d+\.\d+\.\d+\b', '<ip>' -replace '(targetgroup/[\w-]+/)[0-9a-f]+', '$1*'
        $Text -replace '\b(i|vol|eipalloc|nat|subnet|vpc|ami)-[0-9a-f]{8,17}\b', '$1-*'
    }

    # moto's state (tests/Support/seed/state.py, us-east-1) with seeded ids as roles, every list re-sorted.
    function script:Get-RoleState($Server, $Roles) {
        $reading = (Invoke-MotoSeed -Server $Server -Script 'state.py' -ArgumentList 'us-east-1').regions.'us-east-1'
        $state = [ordered]@{}
        foreach ($kind in 'instances', 'volumes', 'snapshots', 'addresses', 'natGateways', 'databases', 'dbSnapshots', 'loadBalancers', 'tags') {
            $state[$kind] = @($reading.$kind | ForEach-Object { ConvertTo-RoleText "$_" $Roles } | Sort-Object)
        }
        $state
    }

    function script:Start-StoppableRun([string] $Script, $Aws) {
        $shell = [powershell]::Create()
        $null = $shell.AddScript($Script).AddArgument($env:WAOPS_MODULE_MANIFEST).AddArgument($Aws)
        [pscustomobject]@{ Shell = $shell; Handle = $shell.BeginInvoke() }
    }

    function script:Wait-Until([scriptblock] $Condition, [int] $TimeoutSeconds = 120) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSeconds s waiting for: $Condition" }
            Start-Sleep -Milliseconds 100
        }
    }
}

Describe 'Invoke-WAIdleCleanup under faults' {
    BeforeAll {
        $script:Clean = Start-MotoServer -Name 'Reliability.CleanupGates.Tests.idle-clean'
        $script:Faulty = Start-MotoServer -Name 'Reliability.CleanupGates.Tests.idle-faulty'
        $script:CleanRoles = Get-Roles (Invoke-MotoSeed -Server $script:Clean -Script 'idle.py' -ArgumentList 'scenario')
        $script:FaultyIds = Invoke-MotoSeed -Server $script:Faulty -Script 'idle.py' -ArgumentList 'scenario'
        $script:FaultyRoles = Get-Roles $script:FaultyIds
        $script:Proxy = Start-FaultProxy -Target $script:Faulty.Endpoint -Rate 0.2 -Seed 17 -Faults $script:Faults -SlowMilliseconds 200

        # Three acting runs: marks; releases and snapshot-then-deletes; an instance stop.
        $script:Runs = @(
            @{ MarkOnly = $true; Criterion = 'IdleLoadBalancer', 'IdleNatGateway' }
            @{ Action = 'Delete'; GracePeriodDays = 0; MaxActions = 100; Criterion = 'UnattachedVolume', 'UnassociatedElasticIp', 'OrphanedSnapshot', 'IdleDatabase' }
            @{ Action = 'Stop'; GracePeriodDays = 0; Criterion = 'LowUtilizationInstance' }
        )
        function script:Invoke-Runs($Aws, $Roles) {
            foreach ($run in $script:Runs) {
                $output = Invoke-WAIdleCleanup @Aws @run -Threshold $script:Zero -Force -ErrorAction SilentlyContinue -ErrorVariable +runErrors
                foreach ($result in Select-Type $output 'WAOps.IdleCleanupResult') {
                    ConvertTo-RoleText ('{0} {1} {2} {3} {4} backups={5} after={6}' -f $result.ResourceId, $result.Criterion, $result.Action, $result.Outcome,
                        $result.Reason, @($result.BackupSnapshotIds).Count, $result.CleanupAfter) $Roles
                }
                $summary = (Select-Type $output 'WAOps.IdleCleanupSummary')[0]
                'summary marked={0} stopped={1} deleted={2} released={3} failed={4} skipped={5}' -f $summary.Marked, $summary.Stopped, $summary.Deleted, $summary.Released, $summary.Failed, $summary.Skipped
            }
            foreach ($failure in @($runErrors)) { "error $($failure.FullyQualifiedErrorId)" }
        }

        $cleanAws = Get-TestAwsParameter -Server $script:Clean
        $faultyAws = Get-TestAwsParameter -Server $script:Faulty
        $faultyAws.EndpointUrl = $script:Proxy.Endpoint
        $script:CleanResults = @(Invoke-Runs $cleanAws $script:CleanRoles)
        $script:FaultyResults = @(Invoke-Runs $faultyAws $script:FaultyRoles)
        $script:Injected = Get-InjectedFaults $script:Proxy
        $script:Stats = Get-FaultProxyStats $script:Proxy
    }

    AfterAll {
        $script:Proxy | Stop-FaultProxy
        $script:Clean, $script:Faulty | Stop-MotoServer
    }

    It 'acted: marks, releases, snapshot-then-deletes and a stop, without errors' {
        $text = $script:CleanResults -join "`n"
        $text | Should -Match 'waops-empty IdleLoadBalancer \w+ Marked'
        $text | Should -Match 'volumes\.idle UnattachedVolume SnapshotThenDelete Deleted .* backups=1'
        $text | Should -Match 'db\.idle IdleDatabase SnapshotThenDelete Deleted .* backups=1'
        $text | Should -Match 'addresses\.free UnassociatedElasticIp Release Released'
        $text | Should -Match 'instances\.idle LowUtilizationInstance Stop Stopped'
        $text | Should -Not -Match '^error '
    }

    It 'gives the same results with 20% faults as without (<Injected> faults injected)' -ForEach @(@{ Injected = 'some' }) {
        $script:Injected | Should -BeGreaterThan 0
        Write-Host "    faults injected into the cleanup runs: $($script:Injected) ($(($script:Stats.GetEnumerator() | Sort-Object Key | ForEach-Object { "$($_.Key) $($_.Value)" }) -join ', '))"
        $differences = Compare-Object $script:CleanResults $script:FaultyResults | ForEach-Object { "$($_.SideIndicator) $($_.InputObject)" }
        # Sorted: results of equal savings come in id order, and moto draws ids at random.
        @($script:FaultyResults | Sort-Object) | Should -Be @($script:CleanResults | Sort-Object) -Because "clean <= => faulty: $($differences -join ' ;; ')"
    }

    It 'leaves moto in the same state, each backup snapshot made once' {
        $cleanState = Get-RoleState $script:Clean $script:CleanRoles
        $faultyState = Get-RoleState $script:Faulty $script:FaultyRoles
        foreach ($kind in $cleanState.Keys) {
            $differences = Compare-Object $cleanState[$kind] $faultyState[$kind] | ForEach-Object { "$($_.SideIndicator) $($_.InputObject)" }
            $faultyState[$kind] | Should -Be $cleanState[$kind] -Because "the $kind must be alike (clean <= => faulty: $($differences -join ' ;; '))"
        }

        # Exactly one backup per deleted volume and database; marks once per resource.
        @($faultyState.tags | Where-Object { $_ -match 'waops:backup-of=volumes\.idle\b' }) | Should -HaveCount 1
        @($faultyState.dbSnapshots | Where-Object { $_ -like 'waops-db.idle-*' }) | Should -HaveCount 1
        @($faultyState.tags | Where-Object { $_ -match 'waops:cleanup-after=' }).Count | Should -BeGreaterOrEqual 3
        foreach ($line in $faultyState.tags) { ([regex]::Matches($line, 'waops:cleanup-after=')).Count | Should -BeLessOrEqual 1 }
        $faultyState.volumes | Should -Not -Match '^volumes\.idle '
        $faultyState.addresses | Should -Not -Match '^addresses\.(free|stopped) '
    }
}

Describe 'Test-WAQualityGate under faults' {
    BeforeAll {
        $script:Moto = Start-MotoServer -Name 'Reliability.CleanupGates.Tests.gates'
        $null = Invoke-MotoSeed -Server $script:Moto -Script 'gates.py' -ArgumentList 'account'
        $script:Proxy = Start-FaultProxy -Target $script:Moto.Endpoint -Rate 0.2 -Seed 23 -Faults $script:Faults -SlowMilliseconds 200

        # The gate only reads, so the clean and the faulty run read the same account, one directly, one through the proxy.
        function script:Invoke-Gate($Aws, [string] $Name) {
            $report = Join-Path $TestDrive "$Name.sarif"
            $json = Join-Path $TestDrive "$Name.json"
            $output = @(Test-WAQualityGate @Aws -Region us-east-1, eu-west-1 -IncludePassed -OutputFormat Sarif -OutFile $report -ErrorAction SilentlyContinue -ErrorVariable gateErrors)
            $null = Test-WAQualityGate @Aws -Region us-east-1 -Rule 'ebs-*', 'rds-*' -SummaryOnly -OutputFormat Json -OutFile $json
            [pscustomobject]@{
                Findings = @(Select-Type $output 'WAOps.GateFinding' | ForEach-Object { '{0} {1} {2} {3} | {4}' -f $_.RuleId, $_.ResourceArn, $_.Status, $_.Detail, $_.Reason } | Sort-Object)
                Summary  = (Select-Type $output 'WAOps.GateSummary')[0]
                Sarif    = (Get-Content $report -Raw) -replace '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?', '<time>'
                Json     = (Get-Content $json -Raw) -replace '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?', '<time>'
                Errors   = @($gateErrors)
            }
        }

        $faultyAws = Get-TestAwsParameter -Server $script:Moto
        $faultyAws.EndpointUrl = $script:Proxy.Endpoint
        $script:CleanRun = Invoke-Gate (Get-TestAwsParameter -Server $script:Moto) 'clean'
        $script:FaultyRun = Invoke-Gate $faultyAws 'faulty'
        $script:Injected = Get-InjectedFaults $script:Proxy
    }

    AfterAll {
        $script:Proxy | Stop-FaultProxy
        $script:Moto | Stop-MotoServer
    }

    It 'judges the same findings with 20% faults as without' {
        $script:Injected | Should -BeGreaterThan 0
        Write-Host "    faults injected into the gate runs: $($script:Injected)"
        $script:CleanRun.Findings.Count | Should -BeGreaterThan 50
        $script:CleanRun.Errors | Should -BeNullOrEmpty
        $script:FaultyRun.Errors | Should -BeNullOrEmpty
        $script:FaultyRun.Findings | Should -Be $script:CleanRun.Findings
        $script:FaultyRun.Summary.Error | Should -Be 0
        $script:FaultyRun.Summary.Findings | Should -Be $script:CleanRun.Summary.Findings
    }

    It 'writes the same reports but for their timestamps' {
        $script:CleanRun.Sarif | Should -Not -BeNullOrEmpty
        $script:FaultyRun.Sarif | Should -Be $script:CleanRun.Sarif
        $script:FaultyRun.Json | Should -Be $script:CleanRun.Json
    }
}

Describe 'Cancellation of a cleanup and a gate' {
    BeforeAll {
        $script:Moto = Start-MotoServer -Name 'Reliability.CleanupGates.Tests.cancel'
        $script:Ids = Invoke-MotoSeed -Server $script:Moto -Script 'idle.py' -ArgumentList 'scenario'
    }

    AfterAll {
        $script:Moto | Stop-MotoServer
    }

    It 'stops a cleanup within 2 seconds of Ctrl+C during its apply, and releases nothing beyond the address in flight' {
        # Only the releases are slow (3 s each): the listing and the plan go at full speed, the apply is always in flight.
        $slow = Start-FaultProxy -Target $script:Moto.Endpoint -Rate 1.0 -Faults 'slow' -SlowMilliseconds 3000 -Match 'Action=ReleaseAddress'
        try {
            $aws = Get-TestAwsParameter -Server $script:Moto
            $aws.EndpointUrl = $slow.Endpoint
            $run = Start-StoppableRun 'param($m, $aws) Import-Module $m; Invoke-WAIdleCleanup @aws -Criterion UnassociatedElasticIp -Action Delete -GracePeriodDays 0 -Force' $aws
            Wait-Until { (Get-FaultProxyStats $slow)['Slow'] -ge 1 }
            $stopwatch = [Diagnostics.Stopwatch]::StartNew()
            $run.Shell.Stop()
            $stopwatch.Stop()
            $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 2
            $run.Shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $run.Shell.Dispose()
            # The release in flight may still reach moto after its delay; wait it out, then count.
            Start-Sleep -Seconds 4
            (Get-FaultProxyStats $slow)['Slow'] | Should -Be 1 -Because 'no release was sent after Ctrl+C'
            $left = @((Invoke-TestAwsCli -Server $script:Moto -Arguments 'ec2', 'describe-addresses').Addresses.AllocationId)
            @($script:Ids.addresses.free, $script:Ids.addresses.stopped | Where-Object { $_ -notin $left }).Count | Should -BeLessOrEqual 1
            @($script:Ids.addresses.free, $script:Ids.addresses.stopped | Where-Object { $_ -in $left }).Count | Should -BeGreaterOrEqual 1
        }
        finally {
            $slow | Stop-FaultProxy
        }
    }

    It 'stops a gate within 2 seconds of Ctrl+C during a long collection' {
        $slow = Start-FaultProxy -Target $script:Moto.Endpoint -Rate 1.0 -Faults 'slow' -SlowMilliseconds 3000
        try {
            $aws = Get-TestAwsParameter -Server $script:Moto
            $aws.EndpointUrl = $slow.Endpoint
            $run = Start-StoppableRun 'param($m, $aws) Import-Module $m; Test-WAQualityGate @aws -Region us-east-1, eu-west-1 -IncludePassed' $aws
            # Past STS and the region check: the collection's listings are in flight.
            Wait-Until { (Get-FaultProxyStats $slow)['Slow'] -ge 4 }
            $stopwatch = [Diagnostics.Stopwatch]::StartNew()
            $run.Shell.Stop()
            $stopwatch.Stop()
            $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 2
            $run.Shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $run.Shell.Dispose()
        }
        finally {
            $slow | Stop-FaultProxy
        }
    }
}

Describe 'Secrets in cleanup and gate runs' {
    BeforeAll {
        $script:Moto = Start-MotoServer -Name 'Reliability.CleanupGates.Tests.secrets'
        $null = Invoke-MotoSeed -Server $script:Moto -Script 'idle.py' -ArgumentList 'scenario'
        $null = Invoke-MotoSeed -Server $script:Moto -Script 'gates.py' -ArgumentList 'account'
        $script:Proxy = Start-FaultProxy -Target $script:Moto.Endpoint -Rate 0.2 -Seed 3 -Faults 'throttle', 'http500', 'reset', 'reset-after'
        $script:Secret = 'SENTINEL-SECRET-KEY-9e8d7c6b5a4f33221100'
        $script:Token = 'SENTINEL-SESSION-TOKEN-ffeeddccbbaa00998877'
        $script:Reports = Join-Path $TestDrive 'reports'
        New-Item -ItemType Directory -Path $script:Reports | Out-Null
    }

    AfterAll {
        $script:Proxy | Stop-FaultProxy
        $script:Moto | Stop-MotoServer
    }

    # Unreachable endpoints get 2 attempts (their retries would only wait); the others 8, to get through the faults.
    It '<Name> never writes the secret key or session token, also under faults and in errors' -ForEach @(
        @{ Name = 'an acting cleanup'; Command = { param($aws) Invoke-WAIdleCleanup @aws -Threshold @{ StoppedDays = 0; SnapshotAgeDays = 0 } -Action Delete -GracePeriodDays 0 -MaxActions 100 -Force } }
        @{ Name = 'a cleanup that marks'; Command = { param($aws) Invoke-WAIdleCleanup @aws -MarkOnly -Force } }
        @{ Name = 'a cleanup that cannot connect'; Attempts = 2; Command = { param($aws) Invoke-WAIdleCleanup @aws -EndpointUrl 'http://127.0.0.1:9' -Action Delete -GracePeriodDays 0 -Force } }
        @{ Name = 'a gate with every report'; Command = {
                param($aws)
                foreach ($format in 'Sarif', 'JUnit', 'Json', 'Markdown') {
                    Test-WAQualityGate @aws -Region us-east-1 -IncludePassed -OutputFormat $format -OutFile (Join-Path $script:Reports "gate.$format")
                }
            }
        }
        @{ Name = 'a gate with a failed account'; Command = { param($aws) Test-WAQualityGate @aws -AccountId 123456789012, 222222222222 -AssumeRoleName Missing -Rule ebs-default-encryption -FailOn None } }
        @{ Name = 'a gate that cannot connect'; Attempts = 2; Command = { param($aws) Test-WAQualityGate @aws -EndpointUrl 'http://127.0.0.1:9' -OutputFormat Json -OutFile (Join-Path $script:Reports 'unreachable.json') } }
    ) {
        $aws = @{ EndpointUrl = $script:Proxy.Endpoint; Region = 'us-east-1'; AccessKey = 'AKIDSENTINEL00000002'; SecretKey = $script:Secret; SessionToken = $script:Token }
        $env:AWS_MAX_ATTEMPTS = if (Test-Path variable:Attempts) { "$Attempts" } else { '8' }
        $Error.Clear()
        try {
            # Terminating errors are caught and written out as records, so their text is checked too.
            # Preferences, not switches: a script block without [CmdletBinding()] would take -Verbose as an argument.
            $raw = @(& {
                    $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $ErrorActionPreference = 'Continue'
                    try { & $Command $aws } catch { $_ | Format-List * -Force; $_.Exception | Format-List * -Force }
                } *>&1)
            $everything = $raw | Out-String -Width 500
            $records = @($Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String; "$($_.Exception.InnerException)" })
        }
        finally {
            Remove-Item Env:AWS_MAX_ATTEMPTS
        }
        $files = @(Get-ChildItem $script:Reports -File | ForEach-Object { Get-Content $_.FullName -Raw })
        $everything | Should -Match 'AWS calls|AwsConnectionFailed|Aws\.' -Because 'the run said something to check'
        @($raw | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -Not -BeNullOrEmpty -Because '-Verbose was on'
        @($raw | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }) | Should -Not -BeNullOrEmpty -Because '-Debug was on'
        foreach ($text in @($everything) + $records + $files) {
            $text | Should -Not -Match $script:Secret
            $text | Should -Not -Match $script:Token
            $text | Should -Not -Match 'AKIDSENTINEL00000002'
        }
    }

    It 'checked the report files' {
        @(Get-ChildItem $script:Reports -File).Name | Should -Contain 'gate.Sarif'
        (Get-Item (Join-Path $script:Reports 'gate.Markdown')).Length | Should -BeGreaterThan 100
    }
}

Describe 'Sustained throttling, end to end per protocol' {
    BeforeAll {
        $script:Moto = Start-MotoServer -Name 'Reliability.CleanupGates.Tests.throttling'
        $null = Invoke-MotoSeed -Server $script:Moto -Script 'idle.py' -ArgumentList 'scenario'
        $script:Topic = (Invoke-TestAwsCli -Server $script:Moto -Arguments 'sns', 'create-topic', '--name', 'throttled').TopicArn
    }

    AfterAll {
        $script:Moto | Stop-MotoServer
    }

    # Each row throttles every request of one protocol (-Match), with 4 attempts per call; other requests pass.
    It '<Protocol>: <Cmdlet> backs off within the bound, shows each retry in -Verbose, then fails with <Code> after 4 attempts' -ForEach @(
        @{ Protocol = 'awsJson1_1 (Budgets)'; Cmdlet = 'Get-WABudget'; Match = 'AWSBudgetServiceGateway'; Code = 'ThrottlingException'
            Command = { param($aws) Get-WABudget @aws } }
        # CloudWatch speaks awsJson1_0 in query-compatible mode: its throttling answer names the query code, Throttling.
        @{ Protocol = 'awsJson1_0 (CloudWatch)'; Cmdlet = 'Invoke-WAIdleCleanup'; Match = 'GraniteServiceVersion20100801'; Code = 'Throttling'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -Criterion LowUtilizationInstance } }
        @{ Protocol = 'awsQuery (SNS)'; Cmdlet = 'Send-WANotification'; Match = 'Action=Publish'; Code = 'Throttling'
            Command = { param($aws) Send-WANotification @aws -TopicArn $script:Topic -Message 'throttled' } }
        @{ Protocol = 'restJson1 (GuardDuty)'; Cmdlet = 'Test-WAQualityGate'; Match = '^GET /detector'; Code = 'TooManyRequestsException'
            Command = { param($aws) Test-WAQualityGate @aws -Rule guardduty-enabled } }
        @{ Protocol = 'ec2 (EC2)'; Cmdlet = 'Invoke-WAIdleCleanup'; Match = 'Action=DescribeVolumes'; Code = 'RequestLimitExceeded'
            Command = { param($aws) Invoke-WAIdleCleanup @aws -Criterion UnattachedVolume } }
    ) {
        $proxy = Start-FaultProxy -Target $script:Moto.Endpoint -Rate 1.0 -Faults 'throttle' -Match $Match
        $env:AWS_MAX_ATTEMPTS = '4'
        try {
            $aws = Get-TestAwsParameter -Server $script:Moto
            $aws.EndpointUrl = $proxy.Endpoint
            # Preferences, not switches: a script block without [CmdletBinding()] would take -Verbose as an argument.
            $thrown = $null
            $output = @(try { & { $VerbosePreference = 'Continue'; $ErrorActionPreference = 'Continue'; & $Command $aws } *>&1 } catch { $thrown = $_ })
            $failures = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            $throttled = (Get-FaultProxyStats $proxy)['Throttle']
        }
        finally {
            Remove-Item Env:AWS_MAX_ATTEMPTS
            $proxy | Stop-FaultProxy
        }

        # The error: terminating or per item, it names the code and the attempts, and is classified as a limit.
        $errorRecord = @(@($thrown) + @($failures) | Where-Object { $_ })[0]
        $errorRecord | Should -Not -BeNullOrEmpty
        $errorRecord.FullyQualifiedErrorId | Should -Match "^(Aws\.$Code|InventoryListingFailed),"
        "$($errorRecord.CategoryInfo.Category)" | Should -Be 'LimitsExceeded'
        $errorRecord.Exception.Message | Should -Match $Code
        $errorRecord.Exception.Message | Should -Match 'after 4 attempts'
        $throttled | Should -BeGreaterOrEqual 4
        $throttled % 4 | Should -Be 0 -Because 'every throttled call was tried exactly 4 times'

        # Backoff: each retry is announced with its attempt number and a delay within the bound (0 to 250 ms * 2^n).
        $retries = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Retrying *' } | ForEach-Object Message)
        $retries.Count | Should -Be ($throttled / 4 * 3)
        foreach ($attempt in 2..4) { $retries | Where-Object { $_ -like "* (attempt $attempt of 4) *" } | Should -Not -BeNullOrEmpty }
        foreach ($retry in $retries) {
            $retry | Should -Match "after .*$Code"
            $null = $retry -match '\(attempt (?<next>\d) of 4\) in (?<ms>\d+) ms'
            [int]$Matches.ms | Should -BeLessOrEqual (250 * [math]::Pow(2, [int]$Matches.next - 1))
        }
    }
}
