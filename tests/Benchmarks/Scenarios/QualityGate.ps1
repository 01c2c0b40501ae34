# Test-WAQualityGate (every rule of the current rule set) over one region of a 5,000-resource account in moto, against
# a sequential boto3 script making the same describe calls (tests/Benchmarks/baselines/quality_gate_boto3.py). The mix
# (tests/Support/seed/gates.py bulk) is SQS 1,000, SNS 1,200, DynamoDB 1,000, S3 500, IAM 700 (policies and roles with
# inline policies) and 600 network resources (24 VPCs, 288 subnets, 288 route tables): kinds moto lists quickly at
# scale, with the per-resource calls AWS forces (queue and topic attributes, bucket location and policy) that a
# sequential script pays one by one. Key settings (bucket default encryption, DynamoDB DescribeTable) are read only with
# -RequireCustomerManagedKey, so neither arm makes them. Left out on purpose: EC2 instances, volumes and snapshots
# (moto's DescribeInstances/DescribeVolumes/DescribeSnapshots slow down badly with thousands of items) and more than
# 1,000 queues (moto's ListQueues returns at most 1,000 and no NextToken). Seeding is not timed. Target (issue 7): WAOps
# wall <= 0.5x the baseline's; both make the same AWS calls, counted and printed. moto serves requests one at a time
# (one Python process), so its own CPU per call is a floor no client concurrency removes; the arms also report it.
param($Context)

$credentials = Get-TestCredential
# moto's own CPU seconds per timed run of each arm (the first WAOps sample also holds the untimed warm-ups and is dropped).
$motoCpu = @{ WAOps = [System.Collections.Generic.List[double]]::new(); Baseline = [System.Collections.Generic.List[double]]::new(); Last = $null }
$environment = @{ AWS_ACCESS_KEY_ID = $credentials.AccessKey; AWS_SECRET_ACCESS_KEY = $credentials.SecretKey; AWS_EC2_METADATA_DISABLED = 'true' }
$script = Join-Path $Context.OutDirectory 'quality-gate-arm.ps1'
Set-Content -Path $script -Value @'
param([string] $Manifest, [string] $Endpoint)
Import-Module $Manifest
$verboseFile = [IO.Path]::GetTempFileName()
$summary = Test-WAQualityGate -EndpointUrl $Endpoint -Region us-east-1 -SummaryOnly -Verbose 4> $verboseFile
$verbose = Get-Content $verboseFile
Remove-Item $verboseFile
$calls = [ordered]@{}
$line = $verbose | Where-Object { $_ -like 'AWS calls:*' } | Select-Object -Last 1
foreach ($match in [regex]::Matches($line, '([^(,]+?:[A-Za-z]+) (\d+)')) { $calls[$match.Groups[1].Value.Trim()] = [int]$match.Groups[2].Value }
$peak = [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB
@{ Resources = $summary.Resources; Findings = $summary.Findings; Fail = $summary.Fail; PeakMemoryMB = [Math]::Round($peak, 1); ApiCalls = $calls } | ConvertTo-Json -Compress
'@

@{
    Name        = 'QualityGate'
    Description = 'Test-WAQualityGate, all rules, one region of a 5,000-resource account vs a sequential boto3 script making the same calls'
    Target      = 'WAOps <= 0.5x baseline wall; the same AWS calls'
    Iterations  = 3
    Setup       = {
        $env:WAOPS_TEST_LOG_DIR = Join-Path $Context.OutDirectory 'logs'
        $moto = Start-MotoServer -Name 'bench-gates'
        $seeded = Invoke-MotoSeed -Server $moto -Script 'gates.py' -ArgumentList 'bulk', '5000'
        Write-Host "  seeded $($seeded.Resources) resources: $($seeded | ConvertTo-Json -Compress)"
        [pscustomobject]@{ Moto = $moto; Seeded = $seeded }
    }.GetNewClosure()
    AfterRun    = {
        param($state, $arm)
        $state.Moto.Process.Refresh()
        $now = $state.Moto.Process.TotalProcessorTime.TotalSeconds
        if ($null -ne $motoCpu.Last) { $motoCpu[$arm].Add($now - $motoCpu.Last) }
        $motoCpu.Last = $now
    }.GetNewClosure()
    WAOps       = { param($state) @{ Command = @($Context.Pwsh + @('-NoProfile', '-NonInteractive', '-File', $script, '-Manifest', $Context.ModuleManifest, '-Endpoint', $state.Moto.Endpoint)); Environment = $environment } }.GetNewClosure()
    Baseline    = { param($state) @{ Command = @($Context.Python, (Join-Path $Context.BaselineRoot 'quality_gate_boto3.py')); Environment = $environment + @{ WAOPS_BENCH_ENDPOINT = $state.Moto.Endpoint } } }.GetNewClosure()
    Judge       = {
        param($result)
        $waops = $result.WAOpsReport.ApiCalls
        $baseline = $result.BaselineReport.ApiCalls
        $waopsTotal = ($waops.Values | Measure-Object -Sum).Sum
        $baselineTotal = ($baseline.Values | Measure-Object -Sum).Sum
        $differences = @($waops.Keys + $baseline.Keys | Sort-Object -Unique | Where-Object { $waops[$_] -ne $baseline[$_] } | ForEach-Object { "$_ $($waops[$_])/$($baseline[$_])" })
        $median = { param($values) if ($values.Count -eq 0) { 0 } else { ($values | Sort-Object)[[int][Math]::Floor(($values.Count - 1) / 2)] } }
        $motoWaops = [Math]::Round((& $median $motoCpu.WAOps), 1)
        $motoBaseline = [Math]::Round((& $median $motoCpu.Baseline), 1)
        $floor = if ($result.BaselineMedianMs) { [Math]::Round($motoWaops * 1000 / $result.BaselineMedianMs, 2) } else { 0 }
        $verdict = "ratio $($result.Ratio) (<= 0.5); AWS calls $waopsTotal vs $baselineTotal" + $(if ($differences) { " (differ: $($differences -join ', '))" } else { ' (same calls)' }) +
            "; moto CPU per run $motoWaops s (WAOps) / $motoBaseline s (baseline), a floor of $floor x the baseline's wall"
        if ($result.Ratio -le 0.5 -and -not $differences) { "met: $verdict" } else { "missed: $verdict" }
    }.GetNewClosure()
    Teardown    = { param($state) $state.Moto | Stop-MotoServer }
}
