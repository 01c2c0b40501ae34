<#
.SYNOPSIS
    The WAOps arm of the Dashboard benchmark: New-WADashboard -IncludeAlarms on the seeded workload, then the same command
    again. Prints one JSON line for the harness: the first run's AWS calls (ApiCalls), and in Extra each run's time and
    calls, the second run's write calls (which must be none) and what was created.
#>
param(
    [Parameter(Mandatory)][string] $ModuleManifest,
    [Parameter(Mandatory)][string] $EndpointUrl,
    [Parameter(Mandatory)][string] $Region,
    [Parameter(Mandatory)][string] $Project,
    [Parameter(Mandatory)][string] $Environment
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $ModuleManifest

$aws = @{ EndpointUrl = $EndpointUrl; Region = $Region; AccessKey = $env:AWS_ACCESS_KEY_ID; SecretKey = $env:AWS_SECRET_ACCESS_KEY }
# Thresholds AWS leaves to the user, chosen here so that the queues, topics and functions get all their alarms. moto has no
# PutMetricAlarm quota, so writes are not paced to AWS's 3 per second.
$thresholds = @{
    'AWS/SQS/ApproximateAgeOfOldestMessage' = 600; 'AWS/SQS/ApproximateNumberOfMessagesVisible' = 1000; 'AWS/SQS/ApproximateNumberOfMessagesNotVisible' = 1000
    'AWS/Lambda/Errors' = 5; 'AWS/Lambda/Throttles' = 1; 'AWS/Lambda/Duration' = 3000; 'AWS/Lambda/ConcurrentExecutions' = 500
}

function Invoke-Run {
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    $output = New-WADashboard @aws -Project $Project -Environment $Environment -IncludeAlarms -AlarmThreshold $thresholds -AlarmWriteRate 1000 -Verbose -WarningAction SilentlyContinue 4>&1
    $stopwatch.Stop()
    $line = "$(@($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and "$_" -like 'AWS calls:*' })[-1])"
    $calls = [ordered]@{}
    foreach ($match in [regex]::Matches($line, '([\w ]+:\w+) (\d+)')) { $calls[$match.Groups[1].Value.Trim()] = [int]$match.Groups[2].Value }
    $results = @($output | Where-Object { $null -ne $_ -and $_.PSObject.TypeNames[0] -eq 'WAOps.ChangeResult' })
    $outcomes = [ordered]@{}
    foreach ($group in $results | Group-Object { "$($_.Kind) $($_.Outcome)" } | Sort-Object Name) { $outcomes[$group.Name] = $group.Count }
    [pscustomobject]@{ Milliseconds = [Math]::Round($stopwatch.Elapsed.TotalMilliseconds); Calls = $calls; Outcomes = $outcomes }
}

$apply = Invoke-Run
$rerun = Invoke-Run
$writes = @($rerun.Calls.Keys | Where-Object { $_ -match ':(Put|Delete|Tag|Untag)' })
[ordered]@{
    ApiCalls = $apply.Calls
    Extra    = [ordered]@{
        ApplyMs       = $apply.Milliseconds
        ApplyOutcomes = $apply.Outcomes
        RerunMs       = $rerun.Milliseconds
        RerunApiCalls = $rerun.Calls
        RerunOutcomes = $rerun.Outcomes
        RerunWrites   = ($writes | ForEach-Object { $rerun.Calls[$_] } | Measure-Object -Sum).Sum
    }
} | ConvertTo-Json -Compress -Depth 5
