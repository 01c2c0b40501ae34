#Requires -Version 7.4
<#
.SYNOPSIS
    Nightly idle cleanup of dev resources: marks idle ones, acts on those whose grace period is over (within a cap),
    and publishes a summary to an SNS topic.

.DESCRIPTION
    Runs Invoke-WAIdleCleanup in the non-production scope given by -Environment (default dev; production is refused by
    the cmdlet whatever is asked), with -Force so an unattended job is never stuck on a prompt, and -MaxActions as the
    nightly cap. New idle resources are marked with waops:cleanup-after (the grace period); a later night acts on
    those still idle. With -Action Report nothing is written to the account.

    The summary (counts, savings, each result) is published with Send-WANotification to -TopicArn, also on failures, so
    the team hears of a night that went wrong. -WhatIf is passed through: the cleanup shows what it would do and nothing
    is written, and no notification is sent.

    Idempotent: a second run the same night finds the marks in place and changes nothing more; resources acted on are
    gone or stopped.

    Exit codes: 0 done; 2 a resource failed, a listing failed, or the summary could not be published. Input errors stop
    the playbook before anything is read (terminating errors): InvalidTopicArn, InvalidMaxActions, plus the cmdlet's own
    (ProtectedEnvironment, InvalidEnvironment, ...).

.PARAMETER Environment
    The Environment tag values in scope (default dev). prod/production are refused.

.PARAMETER Action
    What is done to idle resources once their grace period is over: Report (nothing), Stop, Terminate, Delete. Default Stop.

.PARAMETER MaxActions
    The nightly cap of acting writes (1-100, default 5), largest savings first.

.PARAMETER GracePeriodDays
    Days between marking and acting (default 7; 0 acts at once).

.PARAMETER OlderThanDays
    Resources younger than this are never candidates (default 7).

.PARAMETER SnapshotTimeoutMinutes
    How long a delete waits for its safety snapshot (default 5, so a run fits in an SSM step's 600 seconds).

.PARAMETER TopicArn
    The SNS topic the summary goes to. Without it the summary is only written to the output.

.PARAMETER Region
    The region to clean up.

.PARAMETER ProfileName
    A named AWS profile; without it the environment's credentials (the scheduler's role) are used.

.PARAMETER EndpointUrl
    Sends every AWS call to this endpoint (a local moto server in tests).

.PARAMETER ModuleManifest
    The WAOps module to import (default: the loaded one, else out/WAOps, else WAOps from PSModulePath).

.EXAMPLE
    ./runbooks/Invoke-WANightlyCleanup.ps1 -Region eu-west-1 -TopicArn arn:aws:sns:eu-west-1:111122223333:ops-nightly

.EXAMPLE
    ./runbooks/Invoke-WANightlyCleanup.ps1 -Region eu-west-1 -Action Delete -MaxActions 10 -Environment dev, test -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string[]] $Environment = @('dev'),
    [ValidateSet('Report', 'Stop', 'Terminate', 'Delete')]
    [string] $Action = 'Stop',
    [int] $MaxActions = 5,
    [int] $GracePeriodDays = 7,
    [int] $OlderThanDays = 7,
    [int] $SnapshotTimeoutMinutes = 5,
    [string] $TopicArn,
    [string] $Region,
    [string] $ProfileName,
    [string] $EndpointUrl,
    [string] $ModuleManifest
)

Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'RunbookSupport.ps1')

if ($TopicArn -and $TopicArn -notmatch '^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$') {
    $PSCmdlet.ThrowTerminatingError((New-RunbookErrorRecord -ErrorId InvalidTopicArn -Target $TopicArn `
                -Message "-TopicArn '$TopicArn' is not an SNS topic ARN." -RecommendedAction 'Give arn:aws:sns:<region>:<account>:<topic>.'))
}
if ($MaxActions -lt 1 -or $MaxActions -gt 100) {
    $PSCmdlet.ThrowTerminatingError((New-RunbookErrorRecord -ErrorId InvalidMaxActions -Target $MaxActions `
                -Message "-MaxActions $MaxActions is outside 1-100: the nightly cap must be small and positive." -RecommendedAction 'Use a cap such as 5 or 10.'))
}

Import-WAOpsRunbookModule -ModuleManifest $ModuleManifest
$aws = Get-RunbookAwsParameter -Bound $PSBoundParameters
$cleanup = @{
    Environment = $Environment; OlderThanDays = $OlderThanDays; MaxActions = $MaxActions
    SnapshotTimeoutMinutes = $SnapshotTimeoutMinutes; WhatIf = [bool]$WhatIfPreference
}
if ($Action -ne 'Report') {
    $cleanup.Action = $Action
    $cleanup.GracePeriodDays = $GracePeriodDays
    $cleanup.Force = $true
}

$errors = [Collections.Generic.List[object]]::new()
$output = Invoke-RunbookStep -Name IdleCleanup -Errors $errors -Script { Invoke-WAIdleCleanup @aws @cleanup }
# The cmdlet's input errors (a production environment, ...) come before it reads anything: they stop the playbook.
$inputError = $errors | Where-Object { "$($_.Record.CategoryInfo.Category)" -eq 'InvalidArgument' } | Select-Object -First 1
if ($inputError -and -not $output.Count) { $PSCmdlet.ThrowTerminatingError($inputError.Record) }
$summary = $output | Where-Object { $_ -and $_.PSObject.Properties['Examined'] } | Select-Object -Last 1
$results = @($output | Where-Object { $_ -and $_.PSObject.Properties['Criterion'] })
$failed = @($results | Where-Object { "$($_.Outcome)" -eq 'Failed' })

$published = $false
if ($TopicArn -and -not $WhatIfPreference) {
    $subject = if ($errors.Count -or $failed.Count) { 'WAOps nightly cleanup: FAILURES' } else { 'WAOps nightly cleanup' }
    $lines = @(
        if ($summary) { "$summary" } else { 'The cleanup did not finish; no summary.' }
        foreach ($item in $results) { "- $($item.Outcome) $($item.Kind) $($item.ResourceId) ($($item.Criterion)): $($item.Reason)" }
        foreach ($item in $errors) { "! $($item.Step): $($item.Message)" }
    )
    $message = $lines -join "`n"
    $null = Invoke-RunbookStep -Name Notification -Errors $errors -Script { Send-WANotification @aws -TopicArn $TopicArn -Subject $subject -Message $message }
    $published = -not @($errors | Where-Object Step -EQ Notification).Count
}

$exitCode = if ($errors.Count -or $failed.Count -or -not $summary) { 2 } else { 0 }
Write-Host ("Nightly cleanup: {0}. {1}" -f $(if ($exitCode) { 'FAILURES' } else { 'done' }), $(if ($summary) { "$summary" } else { 'no summary' }))
Write-RunbookErrors -Cmdlet $PSCmdlet -Errors $errors

[pscustomobject]@{
    PSTypeName = 'WAOps.Runbook.NightlyCleanupResult'
    ExitCode   = $exitCode
    Summary    = $summary
    Results    = $results
    Failed     = $failed.Count
    Published  = $published
    Errors     = @($errors | ForEach-Object { "$($_.Step): $($_.Message)" })
}
exit $exitCode
