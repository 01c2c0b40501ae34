<#
.SYNOPSIS
    Runs WAOps benchmark scenarios against their baselines, alternated in one run, and prints medians and ratios.

.DESCRIPTION
    Each scenario file in Scenarios/ returns a definition: a name, what it measures, its target, a Setup
    (seeding is never timed), two arms (WAOps and the baseline, each a child process command), and an
    optional Teardown. The arms run alternately (WAOps, baseline, WAOps, ...) after one untimed warm-up
    each, so drift on the machine hits both equally. Wall time is measured around each child process; an arm
    may also print one JSON line ({"PeakMemoryMB":..,"ApiCalls":{..},"Extra":{..}}) that is reported beside it (the last
    run's as WAOpsReport/BaselineReport, every timed run's as WAOpsReports/BaselineReports for a scenario's Judge).
    Results are printed as a table and written to <OutDirectory>/bench-results.json.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModuleManifest,
    [Parameter(Mandatory)][string] $OutDirectory,
    [string] $Scenario,
    [int] $Iterations
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
New-Item -ItemType Directory -Path $OutDirectory -Force | Out-Null

$context = [pscustomobject]@{
    ModuleManifest = (Resolve-Path $ModuleManifest).Path
    OutDirectory   = (Resolve-Path $OutDirectory).Path
    BaselineRoot   = Join-Path $PSScriptRoot 'baselines'
    Pwsh           = @(Get-PwshInvocation)
    Python         = Get-PythonCommand
}

function Invoke-Arm {
    # Runs one arm as a child process; returns wall milliseconds and the arm's JSON report line, if any.
    param([string[]] $Command, [hashtable] $Environment)
    $start = [Diagnostics.ProcessStartInfo]::new($Command[0])
    foreach ($argument in $Command | Select-Object -Skip 1) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    foreach ($key in $Environment.Keys) { $start.Environment[$key] = [string]$Environment[$key] }
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($start)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    $process.WaitForExit()
    $stopwatch.Stop()
    if ($process.ExitCode -ne 0) {
        throw "Benchmark arm failed ($($process.ExitCode)): $($Command -join ' ')`n$($stderr.Result)`n$($stdout.Result)"
    }
    $report = $stdout.Result -split "`n" | Where-Object { $_.TrimStart().StartsWith('{"') } | Select-Object -Last 1
    [pscustomobject]@{
        Milliseconds = $stopwatch.Elapsed.TotalMilliseconds
        Report       = if ($report) { $report | ConvertFrom-Json -AsHashtable } else { $null }
    }
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

$files = Get-ChildItem (Join-Path $PSScriptRoot 'Scenarios') -Filter '*.ps1' | Sort-Object Name
if ($Scenario) {
    $wanted = $Scenario -split ','
    $files = $files | Where-Object { $_.BaseName -in $wanted }
    if (-not $files) { throw "No scenario named $Scenario; have: $((Get-ChildItem (Join-Path $PSScriptRoot 'Scenarios') -Filter '*.ps1').BaseName -join ', ')" }
}

$results = [System.Collections.Generic.List[object]]::new()
foreach ($file in $files) {
    $definition = & $file.FullName -Context $context
    $runs = if ($Iterations) { $Iterations } else { $definition.Iterations }
    Write-Host "`n=== $($definition.Name): $($definition.Description)" -ForegroundColor Cyan
    $state = if ($definition['Setup']) { & $definition['Setup'] } else { $null }
    try {
        $arms = [ordered]@{ WAOps = $definition.WAOps; Baseline = $definition.Baseline }
        $timings = @{ WAOps = [System.Collections.Generic.List[double]]::new(); Baseline = [System.Collections.Generic.List[double]]::new() }
        $reports = @{ WAOps = $null; Baseline = $null }
        $allReports = @{ WAOps = [System.Collections.Generic.List[object]]::new(); Baseline = [System.Collections.Generic.List[object]]::new() }
        foreach ($name in $arms.Keys) {
            $arm = & $arms[$name] $state
            $null = Invoke-Arm -Command $arm.Command -Environment $arm.Environment   # warm-up, not timed
        }
        for ($i = 1; $i -le $runs; $i++) {
            foreach ($name in $arms.Keys) {
                $arm = & $arms[$name] $state
                $run = Invoke-Arm -Command $arm.Command -Environment $arm.Environment
                $timings[$name].Add($run.Milliseconds)
                if ($run.Report) { $reports[$name] = $run.Report; $allReports[$name].Add($run.Report) }
                if ($definition['AfterRun']) { & $definition['AfterRun'] $state $name }
            }
            Write-Host ("  run {0,2}/{1}: WAOps {2,8:N0} ms   baseline {3,8:N0} ms" -f $i, $runs, $timings.WAOps[-1], $timings.Baseline[-1])
        }
        $waops = Get-Median $timings.WAOps
        $baseline = Get-Median $timings.Baseline
        $result = [pscustomobject]@{
            Scenario         = $definition.Name
            Iterations       = $runs
            WAOpsMedianMs    = [Math]::Round($waops, 1)
            BaselineMedianMs = [Math]::Round($baseline, 1)
            Ratio            = [Math]::Round($waops / $baseline, 3)
            DifferenceMs     = [Math]::Round($waops - $baseline, 1)
            WAOpsReport      = $reports.WAOps
            BaselineReport   = $reports.Baseline
            WAOpsReports     = $allReports.WAOps.ToArray()
            BaselineReports  = $allReports.Baseline.ToArray()
            Target           = $definition.Target
            Verdict          = $null
        }
        $result.Verdict = & $definition.Judge $result
        $results.Add($result)
        Write-Host ("  median: WAOps {0:N1} ms, baseline {1:N1} ms, ratio {2:N3}, difference {3:N1} ms" -f $waops, $baseline, $result.Ratio, $result.DifferenceMs)
        foreach ($name in 'WAOps', 'Baseline') {
            if ($reports[$name]) { Write-Host "  $name report: $($reports[$name] | ConvertTo-Json -Compress -Depth 5)" }
        }
        Write-Host "  target: $($definition.Target) -> $($result.Verdict)" -ForegroundColor $(if ($result.Verdict -like 'met*') { 'Green' } else { 'Yellow' })
    }
    finally {
        if ($definition['Teardown']) { & $definition['Teardown'] $state }
    }
}

$path = Join-Path $OutDirectory 'bench-results.json'
$results | ConvertTo-Json -Depth 8 | Set-Content $path
Write-Host "`nResults: $path"
$results | Format-Table Scenario, Iterations, WAOpsMedianMs, BaselineMedianMs, Ratio, DifferenceMs, Verdict -AutoSize | Out-String -Width 200 | Write-Host
