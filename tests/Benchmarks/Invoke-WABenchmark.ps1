<#
.SYNOPSIS
    Runs WAOps benchmark scenarios against their baselines, alternated in one run, and prints medians and ratios.

.DESCRIPTION
    Each scenario file in Scenarios/ returns a definition: a name, what it measures, its target, a Setup
    (seeding is never timed), two arms (WAOps and the baseline, each a child process command), an optional
    BeforeRun (called with the state and the arm's name before every run of an arm, warm-ups included, and not timed:
    for example to reset what the previous run created) and AfterRun, and an optional Teardown. The arms run in rounds whose order turns by one each time (WAOps, baseline; baseline, WAOps; ...) after one untimed warm-up
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

# Scenarios may run an arm untimed (to warm the server after seeding, say) the way the harness runs it.
$context | Add-Member -NotePropertyName InvokeArm -NotePropertyValue ${function:Invoke-Arm}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
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
    # A scenario may measure several stages on growing state (5k then 20k resources, say); each stage's
    # Prepare runs untimed before its runs.
    $stages = if ($definition['Stages']) { $definition['Stages'] } else { @(@{ Name = $null; Prepare = $null }) }
    $stageResults = [System.Collections.Generic.List[object]]::new()
    try {
        foreach ($stage in $stages) {
            if ($stage['Prepare']) { & $stage['Prepare'] $state }
            $label = if ($stage['Name']) { "$($definition.Name) $($stage['Name'])" } else { $definition.Name }
            if ($stage['Name']) { Write-Host "--- stage $($stage['Name'])" -ForegroundColor Cyan }
            # Extra arms (other WAOps modes, say) run in the same alternation and are reported against the baseline.
            $arms = [ordered]@{ WAOps = $definition.WAOps }
            if ($definition['ExtraArms']) { foreach ($key in $definition['ExtraArms'].Keys) { $arms[$key] = $definition['ExtraArms'][$key] } }
            $arms['Baseline'] = $definition.Baseline
            $timings = @{}
            $reports = @{}
            $allReports = @{}
            foreach ($key in $arms.Keys) {
                $timings[$key] = [System.Collections.Generic.List[double]]::new(); $reports[$key] = $null
                $allReports[$key] = [System.Collections.Generic.List[object]]::new()
            }
            if (-not $definition['SkipWarmUp']) {
                foreach ($name in $arms.Keys) {
                    if ($definition['BeforeRun']) { & $definition['BeforeRun'] $state $name }
                    $arm = & $arms[$name] $state
                    $null = Invoke-Arm -Command $arm.Command -Environment $arm.Environment   # warm-up, not timed
                }
            }
            $order = @($arms.Keys)
            for ($i = 1; $i -le $runs; $i++) {
                # The order turns by one each round, so no arm always runs first (after the untimed setup) or always
                # right after the same other arm (a heavy one leaves the server busier).
                $shift = ($i - 1) % $order.Count
                $round = @($order | Select-Object -Skip $shift) + @($order | Select-Object -First $shift)
                foreach ($name in $round) {
                    # An untimed hook before every run of an arm (resetting state the previous run changed, say).
                    if ($definition['BeforeRun']) { & $definition['BeforeRun'] $state $name }
                    $arm = & $arms[$name] $state
                    $run = Invoke-Arm -Command $arm.Command -Environment $arm.Environment
                    $timings[$name].Add($run.Milliseconds)
                    if ($run.Report) { $reports[$name] = $run.Report; $allReports[$name].Add($run.Report) }
                    if ($definition['AfterRun']) { & $definition['AfterRun'] $state $name }
                }
                Write-Host (("  run {0,2}/{1}: " -f $i, $runs) + (($arms.Keys | ForEach-Object { '{0} {1:N0} ms' -f $_, $timings[$_][-1] }) -join '   '))
            }
            $waops = Get-Median $timings.WAOps
            $baseline = Get-Median $timings.Baseline
            $result = [pscustomobject]@{
                Scenario         = $label
                Stage            = $stage['Name']
                Iterations       = $runs
                WAOpsMedianMs    = [Math]::Round($waops, 1)
                BaselineMedianMs = [Math]::Round($baseline, 1)
                Ratio            = [Math]::Round($waops / $baseline, 3)
                DifferenceMs     = [Math]::Round($waops - $baseline, 1)
                WAOpsReport      = $reports.WAOps
                BaselineReport   = $reports.Baseline
                WAOpsReports     = $allReports.WAOps.ToArray()
                BaselineReports  = $allReports.Baseline.ToArray()
                ExtraArms        = @($arms.Keys | Where-Object { $_ -notin 'WAOps', 'Baseline' } | ForEach-Object {
                        $median = Get-Median $timings[$_]
                        [pscustomobject]@{ Arm = $_; MedianMs = [Math]::Round($median, 1); Ratio = [Math]::Round($median / $baseline, 3); Report = $reports[$_] } })
                Target           = $definition.Target
                Verdict          = $null
            }
            $stageResults.Add($result)
            Write-Host ("  median: WAOps {0:N1} ms, baseline {1:N1} ms, ratio {2:N3}, difference {3:N1} ms" -f $waops, $baseline, $result.Ratio, $result.DifferenceMs)
            foreach ($extra in $result.ExtraArms) {
                Write-Host ("  {0}: median {1:N1} ms, ratio {2:N3} to the baseline" -f $extra.Arm, $extra.MedianMs, $extra.Ratio)
            }
            foreach ($name in $arms.Keys) {
                if ($reports[$name]) { Write-Host "  $name report: $($reports[$name] | ConvertTo-Json -Compress -Depth 5)" }
            }
        }
        # A staged scenario's judge sees every stage (scaling targets compare them); others see their one result.
        $verdict = if ($definition['Stages']) { & $definition.Judge $stageResults } else { & $definition.Judge $stageResults[0] }
        foreach ($result in $stageResults) { $result.Verdict = $verdict; $results.Add($result) }
        Write-Host "  target: $($definition.Target) -> $verdict" -ForegroundColor $(if ($verdict -like 'met*') { 'Green' } else { 'Yellow' })
    }
    finally {
        if ($definition['Teardown']) { & $definition['Teardown'] $state }
    }
}

$path = Join-Path $OutDirectory 'bench-results.json'
$results | ConvertTo-Json -Depth 8 | Set-Content $path
Write-Host "`nResults: $path"
$results | Format-Table Scenario, Iterations, WAOpsMedianMs, BaselineMedianMs, Ratio, DifferenceMs, Verdict -AutoSize | Out-String -Width 200 | Write-Host
