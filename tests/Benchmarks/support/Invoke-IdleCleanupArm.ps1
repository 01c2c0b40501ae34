<#
.SYNOPSIS
    The WAOps arm of the IdleCleanup benchmark: one report-only run of Invoke-WAIdleCleanup, then one JSON line with its
    AWS calls and, from its -Verbose lines, how long listing and reading metrics took.
#>
param(
    [Parameter(Mandatory)][string] $ModuleManifest,
    [Parameter(Mandatory)][string] $EndpointUrl,
    [Parameter(Mandatory)][string] $AccessKey,
    [Parameter(Mandatory)][string] $SecretKey,
    [string] $Criterion = 'LowUtilizationInstance'
)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
$output = Invoke-WAIdleCleanup -EndpointUrl $EndpointUrl -Region us-east-1 -AccessKey $AccessKey -SecretKey $SecretKey -Criterion $Criterion -Verbose 4>&1
$verbose = ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message) -join "`n"
$summary = $output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | Select-Object -Last 1
$phases = [regex]::Match($verbose, 'Listed \d+ resource\(s\) in (?<list>\d+) ms; read \d+ metric queries in \d+ GetMetricData call\(s\) in (?<metrics>\d+) ms')
if (-not $phases.Success) { throw "No phase timings in the verbose output:`n$verbose" }
[ordered]@{
    ApiCalls = $summary.ApiCalls
    Extra    = [ordered]@{
        Instances          = $summary.InScope
        Idle               = $summary.Idle
        MetricQueries      = $summary.MetricQueries
        GetMetricDataCalls = $summary.GetMetricDataCalls
        ListMs             = [int]$phases.Groups['list'].Value
        MetricsMs          = [int]$phases.Groups['metrics'].Value
        CmdletMs           = [int]$summary.Duration.TotalMilliseconds
    }
} | ConvertTo-Json -Compress -Depth 4
