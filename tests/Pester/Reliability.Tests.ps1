#Requires -Version 7.4
# Reliability: each cmdlet's scenario runs clean and again through a proxy that injects faults into 20% of the
# requests (each protocol's throttling answer, HTTP 500/503, dropped connections before and after the request
# reached moto, slow answers). Results must be identical and moto's state must show no duplicate side effects.
# Also: Ctrl+C stops a long scan within 2 seconds, and sentinel secrets never appear in any stream or file.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Faults = @('throttle', 'http500', 'http503', 'reset', 'reset-after', 'slow')

    # A comparable form of result objects: the listed properties, sorted, as JSON lines.
    function ConvertTo-Comparable([object[]] $Objects, [string[]] $Property) {
        @($Objects | ForEach-Object { $item = $_; ($Property | ForEach-Object { "$($item.$_)" }) -join ' | ' } | Sort-Object)
    }
}

Describe 'Get-WATagCompliance and Repair-WATagCompliance under faults' {
    BeforeAll {
        $script:Clean = Start-MotoServer -Name 'Reliability.Tests.tags-clean'
        $script:Faulty = Start-MotoServer -Name 'Reliability.Tests.tags-faulty'
        $script:CleanArns = Invoke-MotoSeed -Server $script:Clean -Script 'tags.py' -ArgumentList 'mix'
        $script:FaultyArns = Invoke-MotoSeed -Server $script:Faulty -Script 'tags.py' -ArgumentList 'mix'
        $script:Proxy = Start-FaultProxy -Target $script:Faulty.Endpoint -Rate 0.2 -Seed 11 -Faults $script:Faults -SlowMilliseconds 200
        $script:Fields = 'ResourceType', 'Name', 'Region', 'Compliant', 'MissingKeys', 'MisCasedKeys', 'InvalidValues', 'DiscoveredBy'
    }

    AfterAll {
        $script:Proxy | Stop-FaultProxy
        $script:Clean, $script:Faulty | Stop-MotoServer
    }

    It 'reports the same compliance with 20% faults as without' {
        $scan = @{ Region = 'us-east-1', 'eu-west-1'; ResourceType = 'rds', 'dynamodb', 'sqs', 'sns', 'elasticfilesystem', 'ec2:volume'; IncludeCompliant = $true }
        $cleanAws = Get-TestAwsParameter -Server $script:Clean
        $faultyAws = Get-TestAwsParameter -Server $script:Faulty
        $faultyAws.EndpointUrl = $script:Proxy.Endpoint
        $cleanAws.Remove('Region'); $faultyAws.Remove('Region')
        $clean = Get-WATagCompliance @cleanAws @scan
        $faulty = Get-WATagCompliance @faultyAws @scan -Verbose 4> (Join-Path $TestDrive 'verbose.txt')

        # Resource ids differ between the two servers; everything else must be identical.
        ConvertTo-Comparable $faulty $script:Fields | Should -Be (ConvertTo-Comparable $clean $script:Fields)
        $stats = Get-FaultProxyStats $script:Proxy
        ($stats.Keys | Where-Object { $_ -ne 'None' } | ForEach-Object { $stats[$_] } | Measure-Object -Sum).Sum | Should -BeGreaterThan 0
        Get-Content (Join-Path $TestDrive 'verbose.txt') -Raw | Should -Match 'Retrying .* \(attempt 2 of 6\)'
    }

    It 'repairs the same tags with 20% faults as without, with no duplicate effects' {
        $repair = @{ Tag = @{ Team = 'data'; CostCenter = 'CC-9' }; FixKeyCase = $true; Confirm = $false }
        $cleanAws = Get-TestAwsParameter -Server $script:Clean
        $faultyAws = Get-TestAwsParameter -Server $script:Faulty
        $faultyAws.EndpointUrl = $script:Proxy.Endpoint
        $cleanResults = @($script:CleanArns.'miscased-eu-west-1', $script:CleanArns.'missing-eu-west-1' | Repair-WATagCompliance @cleanAws @repair)
        $faultyResults = @($script:FaultyArns.'miscased-eu-west-1', $script:FaultyArns.'missing-eu-west-1' | Repair-WATagCompliance @faultyAws @repair)

        ConvertTo-Comparable $faultyResults 'Kind', 'Outcome', 'After' | Should -Be (ConvertTo-Comparable $cleanResults 'Kind', 'Outcome', 'After')
        $cleanTags = (Invoke-TestAwsCli -Server $script:Clean -Region eu-west-1 -Arguments 'rds', 'list-tags-for-resource', '--resource-name', $script:CleanArns.'miscased-eu-west-1').TagList
        $faultyTags = (Invoke-TestAwsCli -Server $script:Faulty -Region eu-west-1 -Arguments 'rds', 'list-tags-for-resource', '--resource-name', $script:FaultyArns.'miscased-eu-west-1').TagList
        ConvertTo-Comparable $faultyTags 'Key', 'Value' | Should -Be (ConvertTo-Comparable $cleanTags 'Key', 'Value')
    }
}

Describe 'Set-WABudgetAlert under faults' {
    BeforeAll {
        $script:Clean = Start-MotoServer -Name 'Reliability.Tests.budgets-clean'
        $script:Faulty = Start-MotoServer -Name 'Reliability.Tests.budgets-faulty'
        $script:Proxy = Start-FaultProxy -Target $script:Faulty.Endpoint -Rate 0.2 -Seed 5 -Faults $script:Faults -SlowMilliseconds 200
        function Get-Budgets($Server) {
            $budgets = (Invoke-TestAwsCli -Server $Server -Arguments 'budgets', 'describe-budgets', '--account-id', '123456789012').Budgets
            foreach ($budget in $budgets | Sort-Object BudgetName) {
                $alerts = (Invoke-TestAwsCli -Server $Server -Arguments 'budgets', 'describe-notifications-for-budget', '--account-id', '123456789012', '--budget-name', $budget.BudgetName).Notifications |
                    ForEach-Object { "$($_.NotificationType) $($_.Threshold)" } | Sort-Object
                "$($budget.BudgetName) $($budget.BudgetLimit.Amount) $($alerts -join ',')"
            }
        }
    }

    AfterAll {
        $script:Proxy | Stop-FaultProxy
        $script:Clean, $script:Faulty | Stop-MotoServer
    }

    It 'creates the same budgets, once each, with 20% faults as without' {
        $projects = 1..6 | ForEach-Object { [pscustomobject]@{ Project = "p$_"; Amount = 100 * $_ } }
        $cleanAws = Get-TestAwsParameter -Server $script:Clean
        $faultyAws = Get-TestAwsParameter -Server $script:Faulty
        $faultyAws.EndpointUrl = $script:Proxy.Endpoint
        $clean = @($projects | Set-WABudgetAlert @cleanAws -Email ops@example.com)
        $faulty = @($projects | Set-WABudgetAlert @faultyAws -Email ops@example.com)

        $results = { param($output) ConvertTo-Comparable @($output | Where-Object { $_.PSObject.TypeNames[0] -eq 'WAOps.ChangeResult' }) 'Kind', 'Target', 'Outcome' }
        & $results $faulty | Should -Be (& $results $clean)
        Get-Budgets $script:Faulty | Should -Be (Get-Budgets $script:Clean)
    }
}

Describe 'New-WADashboard under faults' {
    BeforeAll {
        $script:Clean = Start-MotoServer -Name 'Reliability.Tests.dashboards-clean'
        $script:Faulty = Start-MotoServer -Name 'Reliability.Tests.dashboards-faulty'
        foreach ($server in $script:Clean, $script:Faulty) {
            $null = Invoke-MotoSeed -Server $server -Script 'dashboards.py' -ArgumentList 'bulk', '--project', 'rel', '--environment', 'prod', '--count', '24'
        }
        $script:Proxy = Start-FaultProxy -Target $script:Faulty.Endpoint -Rate 0.2 -Seed 9 -Faults $script:Faults -SlowMilliseconds 200
        function Get-Monitoring($Server) {
            $alarms = @((Invoke-TestAwsCli -Server $Server -Arguments 'cloudwatch', 'describe-alarms').MetricAlarms | ForEach-Object { "$($_.AlarmName) $($_.Threshold)" } | Sort-Object)
            $dashboards = @((Invoke-TestAwsCli -Server $Server -Arguments 'cloudwatch', 'list-dashboards').DashboardEntries | ForEach-Object {
                    $body = (Invoke-TestAwsCli -Server $Server -Arguments 'cloudwatch', 'get-dashboard', '--dashboard-name', $_.DashboardName).DashboardBody
                    "$($_.DashboardName) $body" } | Sort-Object)
            $alarms + $dashboards
        }
    }

    AfterAll {
        $script:Proxy | Stop-FaultProxy
        $script:Clean, $script:Faulty | Stop-MotoServer
    }

    It 'creates the same dashboard and alarms, once each, with 20% faults as without; a re-run changes nothing' {
        $cleanAws = Get-TestAwsParameter -Server $script:Clean
        $faultyAws = Get-TestAwsParameter -Server $script:Faulty
        $faultyAws.EndpointUrl = $script:Proxy.Endpoint
        $run = @{ Project = 'rel'; Environment = 'prod'; IncludeAlarms = $true; AlarmWriteRate = 50; WarningAction = 'SilentlyContinue' }
        $clean = @(New-WADashboard @cleanAws @run)
        $faulty = @(New-WADashboard @faultyAws @run)

        ConvertTo-Comparable $faulty 'Kind', 'Target', 'Outcome' | Should -Be (ConvertTo-Comparable $clean 'Kind', 'Target', 'Outcome')
        Get-Monitoring $script:Faulty | Should -Be (Get-Monitoring $script:Clean)
        $again = @(New-WADashboard @faultyAws @run)
        @($again | Where-Object { "$($_.Outcome)" -in 'Created', 'Updated', 'Deleted', 'Failed' }) | Should -BeNullOrEmpty
    }
}

Describe 'Cancellation' {
    BeforeAll {
        $script:Moto = Start-MotoServer -Name 'Reliability.Tests.cancel'
        $null = Invoke-MotoSeed -Server $script:Moto -Script 'tags.py' -ArgumentList 'mix'
        # Every answer takes 3 s: a scan is long, and a call is always in flight when Ctrl+C comes.
        $script:Slow = Start-FaultProxy -Target $script:Moto.Endpoint -Rate 1.0 -Faults 'slow' -SlowMilliseconds 3000
    }

    AfterAll {
        $script:Slow | Stop-FaultProxy
        $script:Moto | Stop-MotoServer
    }

    It 'stops <Name> within 2 seconds of Ctrl+C and writes nothing more' -ForEach @(
        @{ Name = 'a scan'; Script = 'param($m, $aws) Import-Module $m; Get-WATagCompliance @aws -Region us-east-1, eu-west-1 -IncludeCompliant' }
        @{ Name = 'a repair'; Script = 'param($m, $aws) Import-Module $m; ''arn:aws:rds:us-east-1:123456789012:db:miscased-use'' | Repair-WATagCompliance @aws -FixKeyCase -Confirm:$false' }
    ) {
        $aws = Get-TestAwsParameter -Server $script:Moto
        $aws.EndpointUrl = $script:Slow.Endpoint
        $shell = [powershell]::Create()
        $null = $shell.AddScript($Script).AddArgument($env:WAOPS_MODULE_MANIFEST).AddArgument($aws)
        $running = $shell.BeginInvoke()
        Start-Sleep -Seconds 2
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()
        $shell.Stop()
        $stopwatch.Stop()
        $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 2
        $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        $shell.Dispose()
        # The repair was still reading tags when stopped: nothing was written.
        $tags = (Invoke-TestAwsCli -Server $script:Moto -Arguments 'rds', 'list-tags-for-resource', '--resource-name', 'arn:aws:rds:us-east-1:123456789012:db:miscased-use').TagList
        $tags.Key | Should -Contain 'environment'
    }
}

Describe 'Secrets' {
    BeforeAll {
        $script:Moto = Start-MotoServer -Name 'Reliability.Tests.secrets'
        $null = Invoke-MotoSeed -Server $script:Moto -Script 'tags.py' -ArgumentList 'mix'
        $script:Proxy = Start-FaultProxy -Target $script:Moto.Endpoint -Rate 0.2 -Seed 3 -Faults 'throttle', 'http500', 'reset'
        $script:Secret = 'SENTINEL-SECRET-KEY-5f4e3d2c1b0a99887766'
        $script:Token = 'SENTINEL-SESSION-TOKEN-0a1b2c3d4e5f66778899'
        $script:Topic = (Invoke-TestAwsCli -Server $script:Moto -Arguments 'sns', 'create-topic', '--name', 'secrets').TopicArn
    }

    AfterAll {
        $script:Proxy | Stop-FaultProxy
        $script:Moto | Stop-MotoServer
    }

    It '<Name> never writes the secret key or session token, also under faults and in errors' -ForEach @(
        @{ Name = 'Get-WAContext'; Command = { param($aws) Get-WAContext @aws } }
        @{ Name = 'Get-WATagCompliance'; Command = { param($aws) Get-WATagCompliance @aws -Region us-east-1 -Summary } }
        @{ Name = 'Repair-WATagCompliance'; Command = { param($aws) 'arn:aws:rds:us-east-1:123456789012:db:miscased-use' | Repair-WATagCompliance @aws -Tag @{ Team = 'x' } -Confirm:$false } }
        @{ Name = 'Set-WABudgetAlert'; Command = { param($aws) Set-WABudgetAlert @aws -Amount 10 -Name secrets -Email ops@example.com } }
        @{ Name = 'Get-WABudget'; Command = { param($aws) Get-WABudget @aws -NoSubscriber } }
        @{ Name = 'Send-WANotification'; Command = { param($aws) Send-WANotification @aws -TopicArn $script:Topic -Message 'hello' } }
        @{ Name = 'New-WADashboard'; Command = { param($aws) New-WADashboard @aws -Project shop -IncludeAlarms -AlarmWriteRate 50 -WarningAction Continue } }
        @{ Name = 'an AWS error'; Command = { param($aws) Get-WATagCompliance @aws -Region us-east-1 -EndpointUrl 'http://127.0.0.1:9' } }
        @{ Name = 'a session error'; Command = { param($aws) $aws.Remove('Region'); Get-WAContext @aws -Region 'not a region' } }
    ) {
        $aws = @{ EndpointUrl = $script:Proxy.Endpoint; Region = 'us-east-1'; AccessKey = 'AKIDSENTINEL00000001'; SecretKey = $script:Secret; SessionToken = $script:Token }
        $env:AWS_MAX_ATTEMPTS = '8'
        try {
            # Terminating errors are caught and written out as records, so their text is checked too.
            # Preferences, not switches: a script block without [CmdletBinding()] would take -Verbose and -Debug as
            # plain arguments and the cmdlets would run without them.
            $raw = @(& {
                    $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $ErrorActionPreference = 'Continue'
                    try { & $Command $aws } catch { $_ | Format-List * -Force; $_.Exception | Format-List * -Force }
                } *>&1)
            $everything = $raw | Out-String -Width 500
            $records = @($Error | Select-Object -First 5 | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String })
        }
        finally {
            Remove-Item Env:AWS_MAX_ATTEMPTS
        }
        $everything | Should -Not -BeNullOrEmpty
        @($raw | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -Not -BeNullOrEmpty -Because '-Verbose was on'
        if ($Name -ne 'a session error') { @($raw | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }) | Should -Not -BeNullOrEmpty -Because '-Debug was on' }
        foreach ($text in @($everything) + $records) {
            $text | Should -Not -Match $script:Secret
            $text | Should -Not -Match $script:Token
            $text | Should -Not -Match 'AKIDSENTINEL00000001'
        }
    }
}
