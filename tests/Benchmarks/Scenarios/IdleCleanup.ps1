# Invoke-WAIdleCleanup's low-utilization check over 2,000 running dev instances with 14 days of CPU and network data,
# against the boto3 loop users write (GetMetricStatistics per instance and metric). Both list the instances from the
# same moto server and judge them by the same Trusted Advisor rule; seeding is not timed.
#
# The server is moto 5.2.1 with an index over CloudWatch datapoints (tests/Benchmarks/support/moto_cloudwatch_index.py,
# self-tested against stock moto before each run): stock moto scans every stored datapoint per query and per period,
# about 340 ms per GetMetricData query at this size, which would measure moto's scan rather than either client.
# Targets (issue 6): GetMetricData calls <= ceil(2000 x 3 / 500) = 12; WAOps >= 20x faster than the baseline.
param($Context)

$pwsh = $Context.Pwsh
$instances = 2000
$metricsPerInstance = 3
$callTarget = [Math]::Ceiling($instances * $metricsPerInstance / 500)
$credential = Get-TestCredential
$indexedMoto = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot "../support/moto_cloudwatch_index.py"))
$environment = @{ AWS_ACCESS_KEY_ID = $credential.AccessKey; AWS_SECRET_ACCESS_KEY = $credential.SecretKey; AWS_EC2_METADATA_DISABLED = 'true'; AWS_REGION = 'us-east-1' }
$arm = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../support/Invoke-IdleCleanupArm.ps1'))

@{
    Name        = 'IdleCleanup'
    Description = "Invoke-WAIdleCleanup -Criterion LowUtilizationInstance over $instances instances vs a boto3 GetMetricStatistics loop"
    Target      = "<= $callTarget GetMetricData calls; WAOps >= 20x faster (ratio <= 0.05)"
    Iterations  = 3
    Setup       = {
        $python = Get-PythonCommand
        & $python $indexedMoto --self-test | Write-Host
        if ($LASTEXITCODE -ne 0) { throw 'The indexed CloudWatch of the benchmark moto does not answer as stock moto does.' }
        $server = Start-MotoServer -Name 'bench-idle' -ServerScript $indexedMoto
        $seeding = [Diagnostics.Stopwatch]::StartNew()
        $seeded = Invoke-MotoSeed -Server $server -Script 'idle.py' -ArgumentList 'instances', "$instances", '10'
        Write-Host ("  seeded {0} instances ({1} busy) and {2:N0} datapoints in {3:N0} s (not timed)" -f $seeded.Instances, $seeded.Busy, ($instances * $metricsPerInstance * 14), $seeding.Elapsed.TotalSeconds)
        [pscustomobject]@{ Server = $server }
    }.GetNewClosure()
    Teardown    = { param($state) $state.Server | Stop-MotoServer }
    WAOps       = {
        param($state)
        @{
            Command     = @($pwsh + @('-NoProfile', '-NonInteractive', '-File', $arm, '-ModuleManifest', $Context.ModuleManifest, '-EndpointUrl', $state.Server.Endpoint,
                    '-AccessKey', $credential.AccessKey, '-SecretKey', $credential.SecretKey))
            Environment = $environment
        }
    }.GetNewClosure()
    Baseline    = {
        param($state)
        @{ Command = @($Context.Python, (Join-Path $Context.BaselineRoot 'idle_cleanup_boto3.py')); Environment = $environment + @{ WAOPS_BENCH_ENDPOINT = $state.Server.Endpoint } }
    }.GetNewClosure()
    Judge       = {
        param($r)
        $calls = $r.WAOpsReport.ApiCalls['CloudWatch:GetMetricData']
        $faster = [Math]::Round(1 / $r.Ratio, 1)
        # Phase times are medians over the timed runs, like the wall times.
        $median = { param($values) $sorted = @($values | Sort-Object); if ($sorted.Count % 2) { $sorted[[int][Math]::Floor($sorted.Count / 2)] } else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 } }
        $waopsMetrics = & $median @($r.WAOpsReports | ForEach-Object { $_.Extra.MetricsMs })
        $baselineMetrics = & $median @($r.BaselineReports | ForEach-Object { $_.Extra.MetricsMs })
        $waopsList = & $median @($r.WAOpsReports | ForEach-Object { $_.Extra.ListMs })
        $baselineList = & $median @($r.BaselineReports | ForEach-Object { $_.Extra.ListMs })
        $metricPhase = [Math]::Round($baselineMetrics / [Math]::Max(1, $waopsMetrics), 1)
        $callsMet = $calls -le $callTarget
        $speedMet = $r.Ratio -le 0.05
        '{0}: {1} GetMetricData calls (target <= {2}: {3}); {4}x faster end to end (target >= 20x: {5}); metric phase {6}x faster (median {7} ms vs {8} ms); listing (median) {9} ms vs {10} ms' -f `
            $(if ($callsMet -and $speedMet) { 'met' } else { 'missed' }), $calls, $callTarget, $(if ($callsMet) { 'met' } else { 'missed' }), $faster, $(if ($speedMet) { 'met' } else { 'missed' }),
            $metricPhase, $waopsMetrics, $baselineMetrics, $waopsList, $baselineList
    }.GetNewClosure()
}
