#Requires -Version 7.4
# New-WADashboard against a local moto server seeded with boto3 (tests/Support/seed/dashboards.py), read back with the
# AWS CLI.
#
# moto 5.2.1 deviations met here, each named where it is met: its Tagging API does not list EventBridge rules, API
# Gateway or EKS clusters (they are given by ARN below); DescribeCacheClusters lists no cache nodes (node ids then come
# from NumCacheNodes); PutDashboard checks only that the body is JSON (AWS's widget validation messages are replayed
# in tests/WAOps.Aws.Tests/Monitoring/DashboardGatewayTests.cs); DescribeAlarms never pages (paging is proven in
# DescribeAlarmsPagingTests.cs). moto has no PutMetricAlarm quota, so most runs here pass -AlarmWriteRate 50; pacing
# at the default 3 per second is proven in AlarmGatewayTests.cs.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Moto = Start-MotoServer -Name 'Dashboard.Tests'
    $script:Region = 'eu-west-1'
    $script:Aws = Get-TestAwsParameter -Server $script:Moto -Region $script:Region
    $script:Fast = @{ AlarmWriteRate = 50 }
    $script:Seeded = Invoke-MotoSeed -Server $script:Moto -Script 'dashboards.py' -ArgumentList 'workload', '--project', 'shop', '--environment', 'prod' -Region $script:Region
    $script:Others = Invoke-MotoSeed -Server $script:Moto -Script 'dashboards.py' -ArgumentList 'others' -Region $script:Region
    $null = Invoke-MotoSeed -Server $script:Moto -Script 'dashboards.py' -ArgumentList 'stack', '--name', 'billing' -Region $script:Region

    function script:Select-Type([object[]] $Output, [string] $Type) {
        @($Output | Where-Object { $null -ne $_ -and $_.PSObject.TypeNames[0] -eq $Type })
    }

    function script:Select-Result([object[]] $Output, [string] $Kind) {
        @(Select-Type $Output 'WAOps.ChangeResult' | Where-Object Kind -EQ $Kind)
    }

    function script:Get-CliDashboard([string] $Name) {
        (Invoke-TestAwsCli -Server $script:Moto -Region $script:Region -Arguments 'cloudwatch', 'get-dashboard', '--dashboard-name', $Name).DashboardBody
    }

    function script:Get-CliDashboardName {
        @((Invoke-TestAwsCli -Server $script:Moto -Region $script:Region -Arguments 'cloudwatch', 'list-dashboards').DashboardEntries | ForEach-Object DashboardName | Sort-Object)
    }

    function script:Get-CliAlarm([string] $Prefix, [string] $Region = $script:Region) {
        @((Invoke-TestAwsCli -Server $script:Moto -Region $Region -Arguments 'cloudwatch', 'describe-alarms', '--alarm-name-prefix', $Prefix).MetricAlarms)
    }

    function script:Get-WriteCall([object[]] $Verbose) {
        # The cmdlet reports its AWS calls in -Verbose: "AWS calls: 16 (CloudWatch:DescribeAlarms 2, ...)".
        $line = "$(@($Verbose | Where-Object { "$_" -like 'AWS calls:*' })[-1])"
        @([regex]::Matches($line, '(\w[\w ]*):(\w+) (\d+)') | Where-Object { $_.Groups[2].Value -match '^(Put|Delete|Tag|Untag|Create|Update)' } | ForEach-Object { $_.Value })
    }

    function script:Assert-Grid($Body) {
        $widgets = @(($Body | ConvertFrom-Json).widgets)
        foreach ($w in $widgets) {
            $w.x | Should -BeGreaterOrEqual 0
            ($w.x + $w.width) | Should -BeLessOrEqual 24
            $w.height | Should -BeGreaterThan 0
        }
        for ($i = 0; $i -lt $widgets.Count; $i++) {
            for ($j = $i + 1; $j -lt $widgets.Count; $j++) {
                $a = $widgets[$i]; $b = $widgets[$j]
                $overlap = $a.x -lt $b.x + $b.width -and $b.x -lt $a.x + $a.width -and $a.y -lt $b.y + $b.height -and $b.y -lt $a.y + $a.height
                $overlap | Should -BeFalse -Because "widgets $i and $j must not overlap"
            }
        }
        $widgets
    }
}

AfterAll {
    $script:Moto | Stop-MotoServer
}

Describe 'New-WADashboard for a workload found by tags' {
    BeforeAll {
        $script:First = New-WADashboard @script:Aws @script:Fast -Project shop -Environment prod -IncludeAlarms -AlarmTag @{ Team = 'payments'; CostCenter = 'CC-1234' } -PassThru -Verbose -WarningVariable firstWarnings -WarningAction SilentlyContinue 4>&1
        $script:FirstWarnings = $firstWarnings
        $script:Definition = @(Select-Type $script:First 'WAOps.DashboardDefinition')
        $script:Body = Get-CliDashboard 'shop-prod'
        $script:Widgets = @(($script:Body | ConvertFrom-Json).widgets)
    }

    It 'creates the dashboard shop-prod, and the AWS CLI reads back the body -PassThru returned' {
        $dashboard = Select-Result $script:First 'Dashboard'
        $dashboard | Should -HaveCount 1
        "$($dashboard[0].Outcome)" | Should -Be 'Created'
        $dashboard[0].Target | Should -Be 'shop-prod'
        $script:Definition | Should -HaveCount 1
        $script:Definition[0].Name | Should -Be 'shop-prod'
        $script:Definition[0].Region | Should -Be $script:Region
        $script:Body | Should -Be $script:Definition[0].Body
    }

    It 'starts with the summary and the alarm status, then one section per kind in the fixed order' {
        $script:Widgets[0].type | Should -Be 'text'
        $script:Widgets[0].properties.markdown | Should -Match '\*\*Project\*\* shop \| \*\*Environment\*\* prod \| \*\*Region\*\* eu-west-1'
        $script:Widgets[0].properties.markdown | Should -Match 'Generated by WAOps New-WADashboard'
        $script:Widgets[1].type | Should -Be 'alarm'
        $headers = @($script:Widgets | Where-Object { $_.type -eq 'text' -and $_.properties.markdown -like '## *' } | ForEach-Object { ($_.properties.markdown -split ' · ')[0] })
        $headers | Should -Be @(
            '## Application Load Balancers', '## Target groups', '## Amazon ECS clusters', '## Amazon ECS services', '## EC2 Auto Scaling groups',
            '## AWS Lambda', '## Amazon ElastiCache (Redis OSS and Valkey)', '## Amazon Aurora clusters', '## Amazon RDS instances', '## Amazon DynamoDB',
            '## Amazon S3', '## Amazon SQS', '## Amazon SNS', '## Amazon EventBridge event buses', '## NAT gateways')
    }

    It 'shows the graphs that matter for each kind' -ForEach @(
        @{ Resource = 'shop-prod-api'; Titles = 'Invocations', 'Errors and throttles', 'Duration (ms)', 'Concurrent executions' }
        @{ Resource = 'shop-prod-web'; Titles = 'Requests', 'HTTP errors', 'Target response time (s)', 'Target health' }
        @{ Resource = 'shop-prod-orders'; Titles = 'Messages', 'Backlog', 'Age of oldest message (s)' }
        @{ Resource = 'shop-prod-main'; Titles = 'CPU (%)', 'Memory (%)', 'Tasks and services' }
        @{ Resource = 'shop-prod-main/checkout'; Titles = 'CPU (%)', 'Memory (%)', 'Tasks' }
        @{ Resource = 'shop-prod-sessions'; Titles = 'CPU (%)', 'Memory', 'Connections', 'Hits and misses' }
        @{ Resource = 'shop-prod-pg'; Titles = 'CPU (%)', 'Connections', 'I/O latency p90 (s)', 'Memory and storage (bytes)' }
        @{ Resource = 'shop-prod-assets'; Titles = 'Bucket size (bytes, daily)', 'Objects (daily)', 'Requests and errors', 'First byte latency p90 (ms)' }
    ) {
        $titles = @($script:Widgets | Where-Object { $_.type -eq 'metric' -and $_.properties.title -like "${Resource}: *" } | ForEach-Object { $_.properties.title.Substring($Resource.Length + 2) })
        $titles | Should -Be $Titles
    }

    It 'puts every metric widget on the grid with its region, statistics and a period that is a multiple of 60' {
        $null = Assert-Grid $script:Body
        foreach ($widget in $script:Widgets | Where-Object type -EQ 'metric') {
            $widget.properties.region | Should -Be $script:Region
            $widget.properties.period % 60 | Should -Be 0
            foreach ($row in $widget.properties.metrics) { $row[-1].stat | Should -Not -BeNullOrEmpty }
        }
        $health = $script:Widgets | Where-Object { $_.type -eq 'metric' -and $_.properties.title -eq 'shop-prod-web: Target health' }
        @($health.properties.metrics | ForEach-Object { $_[-1].label }) | Should -Be @('shop-prod-blue healthy', 'shop-prod-blue unhealthy', 'shop-prod-green healthy', 'shop-prod-green unhealthy')
    }

    It 'creates the recommended alarms that have a threshold, with tags, and shows them in the alarm status widget' {
        $alarms = Select-Result $script:First 'Alarm'
        $created = @($alarms | Where-Object { "$($_.Outcome)" -eq 'Created' })
        $created.Count | Should -BeGreaterThan 30
        $cli = Get-CliAlarm 'WAOps-shop-prod-'
        @($cli.AlarmName | Sort-Object) | Should -Be @($created.Target | Sort-Object)
        # The widget lists them in ordinal order (as .NET sorts; Sort-Object ignores case).
        $arns = [string[]]@($cli.AlarmArn)
        [Array]::Sort($arns, [StringComparer]::Ordinal)
        $script:Widgets[1].properties.alarms | Should -Be $arns

        $cpu = $cli | Where-Object AlarmName -EQ 'WAOps-shop-prod-rds-shop-prod-pg-CPUUtilization'
        $cpu.Threshold | Should -Be 90
        $cpu.ComparisonOperator | Should -Be 'GreaterThanThreshold'
        $cpu.TreatMissingData | Should -Be 'breaching'
        $cpu.Dimensions[0].Value | Should -Be 'shop-prod-pg'
        $tags = (Invoke-TestAwsCli -Server $script:Moto -Region $script:Region -Arguments 'cloudwatch', 'list-tags-for-resource', '--resource-arn', $cpu.AlarmArn).Tags
        ($tags | Where-Object Key -EQ 'ManagedBy').Value | Should -Be 'WAOps'
        ($tags | Where-Object Key -EQ 'Project').Value | Should -Be 'shop'
        # -AlarmTag completes the tagging strategy on the alarms, so WAOps' own alarms pass tag compliance.
        ($tags | Where-Object Key -EQ 'Team').Value | Should -Be 'payments'
        ($tags | Where-Object Key -EQ 'CostCenter').Value | Should -Be 'CC-1234'

        $unhealthy = @($cli | Where-Object MetricName -EQ 'UnHealthyHostCount')
        $unhealthy | Should -HaveCount 3 -Because 'the two target groups of the ALB and the tagged one on the ALB outside the workload'
    }

    It 'reports each alarm AWS leaves the threshold of as Skipped with the -AlarmThreshold entry, and sums them up in a warning' {
        $skipped = @(Select-Result $script:First 'Alarm' | Where-Object { "$($_.Outcome)" -eq 'Skipped' })
        $errors = $skipped | Where-Object Target -EQ 'WAOps-shop-prod-lambda-shop-prod-api-Errors'
        $errors.Reason | Should -Match "Needs a threshold: AWS leaves it to you for AWS/Lambda/Errors; WAOps does not guess one\. Give -AlarmThreshold @\{ 'AWS/Lambda/Errors' = <value> \}"
        (Get-CliAlarm 'WAOps-shop-prod-lambda-') | Should -BeNullOrEmpty
        "$script:FirstWarnings" | Should -Match "$($skipped.Count) recommended alarm\(s\) need a threshold"
    }

    It 'uses the node ids of the cache cluster (moto 5.2.1 lists no CacheNodes: they come from NumCacheNodes)' {
        @(Select-Result $script:First 'Alarm' | Where-Object Target -Like 'WAOps-shop-prod-elasticache-shop-prod-sessions-0001-*').Count | Should -Be 2
    }

    It 'changes nothing when run again: only Unchanged and Skipped, no write call, the same body' {
        $again = New-WADashboard @script:Aws @script:Fast -Project shop -Environment prod -IncludeAlarms -Verbose -WarningAction SilentlyContinue 4>&1
        $results = Select-Type $again 'WAOps.ChangeResult'
        @($results | Where-Object { "$($_.Outcome)" -notin 'Unchanged', 'Skipped' }) | Should -BeNullOrEmpty
        "$((Select-Result $again 'Dashboard').Outcome)" | Should -Be 'Unchanged'
        Get-WriteCall @($again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
        Get-CliDashboard 'shop-prod' | Should -Be $script:Body
    }

    It 'updates only the alarms whose threshold changes, and keeps thresholds it was given before' {
        $set = New-WADashboard @script:Aws @script:Fast -Project shop -Environment prod -IncludeAlarms -AlarmThreshold @{ 'AWS/Lambda/Errors' = 5; 'AWS/RDS/CPUUtilization' = 75 } -WarningAction SilentlyContinue
        $changed = @(Select-Result $set 'Alarm' | Where-Object { "$($_.Outcome)" -in 'Created', 'Updated' })
        @($changed | ForEach-Object { "$($_.Outcome) $($_.Target)" } | Sort-Object) | Should -Be @(
            'Created WAOps-shop-prod-lambda-shop-prod-api-Errors', 'Updated WAOps-shop-prod-rds-shop-prod-pg-CPUUtilization')
        ($changed | Where-Object { "$($_.Outcome)" -eq 'Updated' }).Reason | Should -Be 'Changed: threshold.'
        "$((Select-Result $set 'Dashboard').Outcome)" | Should -Be 'Updated' -Because 'the new Lambda alarm joins the alarm status widget'
        (Get-CliAlarm 'WAOps-shop-prod-rds-shop-prod-pg-CPUUtilization').Threshold | Should -Be 75

        # Without -AlarmThreshold: the Lambda threshold (AWS leaves it to the user) is kept, the CPU one goes back to AWS's 90.
        $later = New-WADashboard @script:Aws @script:Fast -Project shop -Environment prod -IncludeAlarms -WarningAction SilentlyContinue
        $errors = Select-Result $later 'Alarm' | Where-Object Target -EQ 'WAOps-shop-prod-lambda-shop-prod-api-Errors'
        "$($errors.Outcome)" | Should -Be 'Unchanged'
        $errors.Reason | Should -Match 'threshold kept'
        (Get-CliAlarm 'WAOps-shop-prod-rds-shop-prod-pg-CPUUtilization').Threshold | Should -Be 90
        "$((Select-Result $later 'Dashboard').Outcome)" | Should -Be 'Unchanged'
    }

    It 'sends alarms to -AlarmTopicArn on ALARM and OK' {
        $topic = (Invoke-TestAwsCli -Server $script:Moto -Region $script:Region -Arguments 'sns', 'create-topic', '--name', 'shop-alerts').TopicArn
        $out = New-WADashboard @script:Aws @script:Fast -Project shop -Environment prod -IncludeAlarms -AlarmTopicArn $topic -WarningAction SilentlyContinue
        @(Select-Result $out 'Alarm' | Where-Object { "$($_.Outcome)" -eq 'Updated' }).Count | Should -BeGreaterThan 30
        foreach ($alarm in Get-CliAlarm 'WAOps-shop-prod-') {
            @($alarm.AlarmActions) | Should -Be @($topic)
            @($alarm.OKActions) | Should -Be @($topic)
        }
        $again = New-WADashboard @script:Aws @script:Fast -Project shop -Environment prod -IncludeAlarms -AlarmTopicArn $topic -WarningAction SilentlyContinue
        @(Select-Result $again 'Alarm' | Where-Object { "$($_.Outcome)" -notin 'Unchanged', 'Skipped' }) | Should -BeNullOrEmpty
    }

    It 'without -IncludeAlarms reads the alarms, shows them, and writes none' {
        $out = New-WADashboard @script:Aws -Project shop -Environment prod -Verbose 4>&1
        Select-Result $out 'Alarm' | Should -BeNullOrEmpty
        Get-WriteCall @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
        (Get-CliDashboard 'shop-prod' | ConvertFrom-Json).widgets[1].type | Should -Be 'alarm'
    }

    It 'writes a readable result table' {
        $text = New-WADashboard @script:Aws -Project shop -Environment prod | Out-String -Width 220
        $text | Should -Match 'Outcome\s+Kind\s+Target\s+Change'
        $text | Should -Match 'Unchanged\s+Dashboard\s+shop-prod\s+As wanted\.'
        $table = $script:Definition | Out-String -Width 200
        $table | Should -Match 'Name\s+Part\s+Region\s+Resources\s+Widgets\s+Metrics\s+Alarms'
        $table | Should -Match 'shop-prod\s+1/1\s+eu-west-1'
    }
}

Describe 'New-WADashboard -WhatIf, -PassThru and -OutFile' {
    It '-WhatIf writes nothing, shows each change, and -PassThru still returns the planned body' {
        $dashboardsBefore = Get-CliDashboardName
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript
        try {
            $out = New-WADashboard @script:Aws -Project shop -Environment prod -DashboardName shop-preview -IncludeAlarms -PassThru -WhatIf -WarningAction SilentlyContinue
        }
        finally {
            Stop-Transcript
        }

        Get-CliDashboardName | Should -Be $dashboardsBefore
        Get-CliAlarm 'WAOps-shop-preview-' | Should -BeNullOrEmpty
        $text = Get-Content $transcript -Raw
        $text | Should -Match 'What if: Performing the operation "Create Dashboard \(none -> \d+ widgets, \d+ metrics\): The dashboard does not exist\." on target "shop-preview"'
        $text | Should -Match 'What if: Performing the operation "Create Alarm \(none -> CPUUtilization Average > 90 for 5 of 5 x 60 s, missing data: breaching\)'
        @(Select-Result $out 'Dashboard') | Should -BeNullOrEmpty
        $definition = Select-Type $out 'WAOps.DashboardDefinition'
        $definition | Should -HaveCount 1
        $planned = ($definition[0].Body | ConvertFrom-Json).widgets[1]
        $planned.type | Should -Be 'alarm'
        $planned.properties.alarms | Should -Contain 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:WAOps-shop-preview-rds-shop-prod-pg-CPUUtilization'
    }

    It '-OutFile writes the pretty-printed body, and a second run leaves the file unchanged' {
        $path = Join-Path $TestDrive 'billing.json'
        $out = New-WADashboard @script:Aws -StackName billing -OutFile $path
        $file = Select-Result $out 'DashboardFile'
        "$($file.Outcome)" | Should -Be 'Created'
        $file.Target | Should -Be $path
        (Get-Content $path -Raw | ConvertFrom-Json | ConvertTo-Json -Depth 20 -Compress) | Should -Be (Get-CliDashboard 'billing' | ConvertFrom-Json | ConvertTo-Json -Depth 20 -Compress)
        (Get-Content $path)[1] | Should -Be '  "widgets": ['

        $again = New-WADashboard @script:Aws -StackName billing -OutFile $path
        "$((Select-Result $again 'DashboardFile').Outcome)" | Should -Be 'Unchanged'
    }
}

Describe 'New-WADashboard for a stack and for piped ARNs' {
    It 'reads the stack''s resources and names the dashboard after the stack' {
        $out = New-WADashboard @script:Aws -StackName billing -PassThru
        $definition = Select-Type $out 'WAOps.DashboardDefinition'
        $definition[0].Name | Should -Be 'billing'
        $definition[0].ResourceCount | Should -Be 3
        (Get-CliDashboard 'billing' | ConvertFrom-Json).widgets[0].properties.markdown | Should -Match 'Found by\*\* CloudFormation stack billing'
    }

    It 'binds Get-WATagCompliance''s own result objects by their ResourceArn and Region properties' {
        # The engine type Get-WATagCompliance writes, made here directly so that the test does not depend on a tag scan.
        $context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'WAOps'
        $type = ($context.Assemblies | Where-Object { $_.GetName().Name -eq 'WAOps.Engine' }).GetType('WAOps.TagComplianceResult')
        $results = foreach ($arn in $script:Seeded.queue[0], $script:Seeded.table[0]) {
            $result = [System.Runtime.CompilerServices.RuntimeHelpers]::GetUninitializedObject($type)
            $type.GetProperty('ResourceArn').SetValue($result, $arn)
            $type.GetProperty('Region').SetValue($result, $script:Region)
            $result
        }
        $out = $results | New-WADashboard @script:Aws -DashboardName compliance -PassThru
        $definition = Select-Type $out 'WAOps.DashboardDefinition'
        $definition[0].ResourceCount | Should -Be 2
        "$((Select-Result $out 'Dashboard').Outcome)" | Should -Be 'Created'
    }

    It 'takes objects with ResourceArn and Region (as Get-WATagCompliance writes them) and ARN strings; moto lists none of these by tags' {
        $rows = @(
            [pscustomobject]@{ ResourceArn = $script:Others.rule[0]; Region = $script:Region }
            [pscustomobject]@{ ResourceArn = $script:Others.restApi; Region = $script:Region }
            [pscustomobject]@{ ResourceArn = 'arn:aws:cloudfront::123456789012:distribution/E2QWRUHEXAMPLE'; Region = 'us-east-1' }
            [pscustomobject]@{ ResourceArn = $script:Seeded.ignored[0]; Region = $script:Region }
        )
        $out = @($rows) + @($script:Others.httpApi, 'arn:aws:eks:eu-west-1:123456789012:cluster/platform') |
            New-WADashboard @script:Aws @script:Fast -DashboardName edge -IncludeAlarms -PassThru -Verbose -WarningAction SilentlyContinue 4>&1
        "$($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and "$_" -like 'Left out*' })" | Should -Match 'kms:key'
        $body = (Select-Type $out 'WAOps.DashboardDefinition')[0].Body
        $widgets = Assert-Grid $body
        $metrics = @($widgets | Where-Object type -EQ 'metric')
        $cloudFront = @($metrics | Where-Object { $_.properties.title -like 'E2QWRUHEXAMPLE: *' })
        $cloudFront | Should -HaveCount 4
        foreach ($widget in $cloudFront) {
            $widget.properties.region | Should -Be 'us-east-1'
            $widget.properties.metrics[0][4..5] | Should -Be @('Region', 'Global')
        }
        ($metrics | Where-Object { $_.properties.title -eq 'shop-api: Requests' }).properties.metrics[0][2..3] | Should -Be @('ApiName', 'shop-api')
        ($metrics | Where-Object { $_.properties.title -eq 'partners/order-placed: Failures' }).properties.metrics[0][2..5] | Should -Be @('EventBusName', 'partners', 'RuleName', 'order-placed')

        # The EventBridge rule gets the WAOps default alarm; CloudFront's alarms would live in us-east-1.
        $failed = Get-CliAlarm 'WAOps-edge-events-'
        $failed.MetricName | Should -Be 'FailedInvocations'
        $failed.Threshold | Should -Be 0
        @(Select-Result $out 'Alarm' | Where-Object Target -Like 'WAOps-edge-cloudfront-*').Count | Should -Be 2
    }
}

Describe 'New-WADashboard when resources leave and the workload outgrows one dashboard' {
    BeforeAll {
        $null = Invoke-MotoSeed -Server $script:Moto -Script 'dashboards.py' -ArgumentList 'bulk', '--project', 'big', '--environment', 'test', '--count', '200', '--kinds', 'queue' -Region $script:Region
        $script:Big = New-WADashboard @script:Aws @script:Fast -Project big -Environment test -IncludeAlarms -PassThru -WarningAction SilentlyContinue
    }

    It 'splits 200 queues (600 graphs) into numbered dashboards within CloudWatch''s limits' {
        $definitions = Select-Type $script:Big 'WAOps.DashboardDefinition'
        @($definitions.Name) | Should -Be @('big-test', 'big-test-2')
        foreach ($definition in $definitions) {
            $definition.WidgetCount | Should -BeLessOrEqual 500
            $definition.MetricCount | Should -BeLessOrEqual 2500
            $widgets = Assert-Grid (Get-CliDashboard $definition.Name)
            $widgets.Count | Should -Be $definition.WidgetCount
            $widgets[0].properties.markdown | Should -Match "Dashboard $($definition.Part) of 2: big-test, big-test-2\."
        }
        ($definitions | Measure-Object ResourceCount -Sum).Sum | Should -Be 200
    }

    It 'reports the alarms and the numbered dashboard left over when queues go, and deletes them with -Prune' {
        $null = Invoke-MotoSeed -Server $script:Moto -Script 'dashboards.py' -ArgumentList 'delete-queues', '--prefix', 'big-test-q', '--keep', '20' -Region $script:Region

        $kept = New-WADashboard @script:Aws @script:Fast -Project big -Environment test -IncludeAlarms -WarningAction SilentlyContinue
        $extra = @(Select-Type $kept 'WAOps.ChangeResult' | Where-Object { "$($_.Outcome)" -eq 'Skipped' -and $_.Reason -like '*-Prune*' })
        @($extra | Where-Object Kind -EQ 'Alarm').Count | Should -Be 180
        @($extra | Where-Object Kind -EQ 'Dashboard').Target | Should -Be 'big-test-2'
        (Get-CliAlarm 'WAOps-big-test-').Count | Should -Be 200
        Get-CliDashboardName | Should -Contain 'big-test-2'

        $pruned = New-WADashboard @script:Aws @script:Fast -Project big -Environment test -IncludeAlarms -Prune -WarningAction SilentlyContinue
        $deleted = @(Select-Type $pruned 'WAOps.ChangeResult' | Where-Object { "$($_.Outcome)" -eq 'Deleted' })
        @($deleted | Where-Object Kind -EQ 'Alarm').Count | Should -Be 180
        ($deleted | Where-Object Kind -EQ 'Dashboard').Target | Should -Be 'big-test-2'
        @(Get-CliAlarm 'WAOps-big-test-').Count | Should -Be 20
        Get-CliDashboardName | Should -Not -Contain 'big-test-2'
        Get-CliDashboardName | Should -Contain 'shop-prod' -Because 'other workloads are left alone'
        @(Get-CliAlarm 'WAOps-shop-prod-').Count | Should -BeGreaterThan 30
    }
}

Describe 'New-WADashboard refuses bad input before writing anything' {
    BeforeAll {
        $script:DashboardsBefore = Get-CliDashboardName
        $script:AlarmsBefore = @(Get-CliAlarm 'WAOps-').Count
        $script:Command = 'WAOps.PowerShell.Commands.NewWADashboardCommand'
    }

    It 'stops with <ErrorId> for <Case>' -ForEach @(
        @{ Case = 'no discovery parameter'; ErrorId = 'NoDiscoveryParameter'; Parameters = @{} }
        @{ Case = 'a stack and tags'; ErrorId = 'ConflictingParameters'; Parameters = @{ StackName = 'billing'; Project = 'shop' } }
        @{ Case = 'an invalid dashboard name'; ErrorId = 'InvalidDashboardName'; Parameters = @{ Project = 'shop'; DashboardName = 'shop prod!' } }
        @{ Case = 'a dashboard name over 251 characters'; ErrorId = 'InvalidDashboardName'; Parameters = @{ Project = 'shop'; DashboardName = 'd' * 252 } }
        @{ Case = '-TagFilter alone without a dashboard name'; ErrorId = 'DashboardNameRequired'; Parameters = @{ TagFilter = @{ Team = 'payments' } } }
        @{ Case = 'a malformed SNS topic ARN'; ErrorId = 'InvalidSnsTopicArn'; Parameters = @{ Project = 'shop'; IncludeAlarms = $true; AlarmTopicArn = 'arn:aws:sqs:eu-west-1:123456789012:alerts' } }
        @{ Case = 'six topics in one region'; ErrorId = 'TooManyAlarmActions'; Parameters = @{ Project = 'shop'; IncludeAlarms = $true; AlarmTopicArn = 1..6 | ForEach-Object { "arn:aws:sns:eu-west-1:123456789012:t$_" } } }
        @{ Case = 'a threshold for a metric the catalog does not have'; ErrorId = 'InvalidAlarmThreshold'; Parameters = @{ Project = 'shop'; IncludeAlarms = $true; AlarmThreshold = @{ 'Errors' = 5 } } }
        @{ Case = 'a threshold that is not a number'; ErrorId = 'InvalidAlarmThreshold'; Parameters = @{ Project = 'shop'; IncludeAlarms = $true; AlarmThreshold = @{ 'AWS/Lambda/Errors' = 'many' } } }
        @{ Case = 'an alarm prefix with a control character'; ErrorId = 'InvalidAlarmPrefix'; Parameters = @{ Project = 'shop'; AlarmPrefix = "WA`tOps" } }
        @{ Case = 'a tag filter with 21 values'; ErrorId = 'InvalidTagFilter'; Parameters = @{ DashboardName = 'x'; TagFilter = @{ Team = 1..21 } } }
        @{ Case = 'an -OutFile in a folder that does not exist'; ErrorId = 'InvalidOutFile'; Parameters = @{ Project = 'shop'; OutFile = '/no/such/folder/d.json' } }
    ) {
        $error = { New-WADashboard @script:Aws @Parameters -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,$script:Command" -PassThru
        "$($error.CategoryInfo.Category)" | Should -BeIn @('InvalidArgument', 'LimitsExceeded')
        $error.Exception.Message | Should -Not -BeNullOrEmpty
    }

    It 'stops with StackNotFound (ObjectNotFound) for a stack that does not exist' {
        $error = { New-WADashboard @script:Aws -StackName no-such-stack -ErrorAction Stop } | Should -Throw -ErrorId "StackNotFound,$script:Command" -PassThru
        "$($error.CategoryInfo.Category)" | Should -Be 'ObjectNotFound'
        $error.ErrorDetails.RecommendedAction | Should -Match 'stacks are regional'
    }

    It 'stops with SnsTopicNotFound for a topic that does not exist' {
        { New-WADashboard @script:Aws @script:Fast -Project shop -Environment prod -IncludeAlarms -AlarmTopicArn 'arn:aws:sns:eu-west-1:123456789012:no-such-topic' -ErrorAction Stop } |
            Should -Throw -ErrorId "SnsTopicNotFound,$script:Command"
    }

    It 'stops with ConflictingParameters when ARNs are piped with -Project, and with InvalidResourceArn for a non-ARN' {
        { 'arn:aws:sqs:eu-west-1:123456789012:x' | New-WADashboard @script:Aws -Project shop -DashboardName x -ErrorAction Stop } | Should -Throw -ErrorId "ConflictingParameters,$script:Command"
        { 'not-an-arn' | New-WADashboard @script:Aws -DashboardName x -ErrorAction Stop } | Should -Throw -ErrorId "InvalidResourceArn,$script:Command"
        { 'arn:aws:sqs:eu-west-1:123456789012:x' | New-WADashboard @script:Aws -ErrorAction Stop } | Should -Throw -ErrorId "DashboardNameRequired,$script:Command"
    }

    It 'warns clearly and creates no empty dashboard when no resource is found' {
        $out = New-WADashboard @script:Aws -Project nothing-here -IncludeAlarms -Prune -WarningVariable warnings -WarningAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        "$warnings" | Should -Match 'No resources to monitor were found by tags Project=nothing-here in eu-west-1\. No dashboard was created and no alarm was changed\.'
    }

    It 'wrote nothing for any of them' {
        Get-CliDashboardName | Should -Be $script:DashboardsBefore
        @(Get-CliAlarm 'WAOps-').Count | Should -Be $script:AlarmsBefore
    }
}
