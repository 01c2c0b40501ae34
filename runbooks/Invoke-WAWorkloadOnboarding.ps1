#Requires -Version 7.4
<#
.SYNOPSIS
    Onboards a Project's workload: budget alerts, its CloudWatch dashboard with AWS's recommended alarms, and a tag
    compliance report of its resources.

.DESCRIPTION
    Three steps, each a WAOps cmdlet that plans and then applies only the differences, so the playbook can be run again
    at any time (a re-run reports Unchanged):

      1. New-WADashboard -Project -Environment -IncludeAlarms: the workload's dashboard and recommended alarms
         (actions to -AlarmTopicArn; thresholds AWS leaves open from -AlarmThreshold, else reported as Skipped; tags
         from -AlarmTag besides Project and Environment).
      2. Set-WABudgetAlert -Project: a monthly budget filtered on the Project tag, with forecast alerts at 50/80/100 %
         and an actual alert at 100 %, to -Email and/or -BudgetTopicArn.
      3. Get-WATagCompliance -TagFilter Project=<Project> -IncludeCompliant: every resource of the project with the
         keys it misses, written to <OutputDirectory>/tag-compliance-<Project>.csv and .md.

    -WhatIf is passed through: every change is shown and nothing is written to the account (the tag report is still
    written locally). A step that fails does not stop the next one; the exit code says so.

    Exit codes: 0 done; 2 a step failed or a change came back Failed. Input errors stop the playbook before anything is
    read or written (terminating errors): InvalidProject, InvalidBudgetAmount, NoBudgetSubscriber, InvalidTopicArn,
    InvalidAlarmThreshold, InvalidOutputDirectory. Input that New-WADashboard itself refuses (an -AlarmTag on a key WAOps
    sets or an aws: key, an unknown threshold metric, ...) stops the playbook with the cmdlet's error before the budget
    step: the dashboard step runs first so that nothing has been written when it refuses.

.PARAMETER Project
    The Project tag value of the workload.

.PARAMETER Environment
    The Environment tag value of the workload (default prod).

.PARAMETER BudgetAmount
    The monthly budget in USD.

.PARAMETER Email
    Who gets the budget alerts.

.PARAMETER BudgetTopicArn
    An SNS topic for the budget alerts (its policy must let budgets.amazonaws.com publish).

.PARAMETER AlarmTopicArn
    The SNS topic of the alarms' ALARM and OK actions.

.PARAMETER AlarmThreshold
    Thresholds AWS leaves to the user, keyed Namespace/Metric (see New-WADashboard).

.PARAMETER AlarmTag
    Tags for the alarms besides the Project and Environment WAOps sets, such as @{ Team = 'web'; CostCenter = 'CC-1' },
    so the alarms meet the tagging strategy (see New-WADashboard -AlarmTag).

.PARAMETER AlarmWriteRate
    PutMetricAlarm calls per second (default 3, the API's quota).

.PARAMETER OutputDirectory
    Where the tag compliance report goes (default ./waops-reports).

.PARAMETER Region
    The workload's region.

.PARAMETER ProfileName
    A named AWS profile.

.PARAMETER EndpointUrl
    Sends every AWS call to this endpoint (a local moto server in tests).

.PARAMETER ModuleManifest
    The WAOps module to import (default: the loaded one, else out/WAOps, else WAOps from PSModulePath).

.EXAMPLE
    ./runbooks/Invoke-WAWorkloadOnboarding.ps1 -Project checkout -BudgetAmount 1500 -Email finops@example.com -AlarmTopicArn arn:aws:sns:eu-west-1:111122223333:checkout-alerts -Region eu-west-1

.EXAMPLE
    ./runbooks/Invoke-WAWorkloadOnboarding.ps1 -Project checkout -Environment staging -BudgetAmount 300 -Email dev@example.com -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)][AllowEmptyString()][string] $Project,
    [string] $Environment = 'prod',
    [Parameter(Mandatory)][AllowEmptyString()][string] $BudgetAmount,
    [string[]] $Email = @(),
    [string] $BudgetTopicArn,
    [string] $AlarmTopicArn,
    [hashtable] $AlarmThreshold,
    [hashtable] $AlarmTag,
    [ValidateRange(0.1, 50)]
    [double] $AlarmWriteRate = 3,
    [string] $OutputDirectory = './waops-reports',
    [string] $Region,
    [string] $ProfileName,
    [string] $EndpointUrl,
    [string] $ModuleManifest
)

Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'RunbookSupport.ps1')

function Stop-Onboarding([string] $ErrorId, [string] $Message, $Target, [string] $Recommended) {
    $PSCmdlet.ThrowTerminatingError((New-RunbookErrorRecord -ErrorId $ErrorId -Message $Message -Target $Target -RecommendedAction $Recommended))
}

# Input checks: nothing is read or written before they pass.
if ($Project -notmatch '^[A-Za-z0-9][A-Za-z0-9 _.:/=+@-]{0,127}$') {
    Stop-Onboarding InvalidProject "-Project '$Project' is not a usable Project tag value (1-128 letters, digits, spaces, _.:/=+-@)." $Project 'Give the Project tag value of the workload.'
}
$amount = 0.0
if (-not [double]::TryParse($BudgetAmount, [Globalization.NumberStyles]::Float, [Globalization.CultureInfo]::InvariantCulture, [ref]$amount) -or $amount -le 0) {
    Stop-Onboarding InvalidBudgetAmount "-BudgetAmount '$BudgetAmount' is not a positive amount." $BudgetAmount 'Give the monthly budget in USD, such as 1500 or 249.99.'
}
if (-not @($Email | Where-Object { $_ }).Count -and -not $BudgetTopicArn) {
    Stop-Onboarding NoBudgetSubscriber 'The budget alerts would reach nobody: give -Email, -BudgetTopicArn or both.' $Project 'Add -Email finops@example.com.'
}
foreach ($arn in @($BudgetTopicArn, $AlarmTopicArn) | Where-Object { $_ }) {
    if ($arn -notmatch '^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$') {
        Stop-Onboarding InvalidTopicArn "'$arn' is not an SNS topic ARN." $arn 'Give arn:aws:sns:<region>:<account>:<topic>.'
    }
}
if ($AlarmThreshold) {
    foreach ($key in $AlarmThreshold.Keys) {
        $value = 0.0
        if ("$key" -notmatch '^[^/]+/[^/]+/[^/]+$' -and "$key" -notmatch '^[^/]+/[^/]+$' -or
            -not [double]::TryParse("$($AlarmThreshold[$key])", [Globalization.NumberStyles]::Float, [Globalization.CultureInfo]::InvariantCulture, [ref]$value)) {
            Stop-Onboarding InvalidAlarmThreshold "-AlarmThreshold '$key' = '$($AlarmThreshold[$key])' is not Namespace/Metric = number." $key "Use keys such as 'AWS/Lambda/Errors' with numeric values."
        }
    }
}
if (-not $OutputDirectory -or (Test-Path -LiteralPath $OutputDirectory -PathType Leaf)) {
    Stop-Onboarding InvalidOutputDirectory "-OutputDirectory '$OutputDirectory' is a file, not a directory." $OutputDirectory 'Name a directory (it is created if missing).'
}

Import-WAOpsRunbookModule -ModuleManifest $ModuleManifest
if (-not (Test-RunbookOutputDirectory -Path $OutputDirectory)) {
    Stop-Onboarding InvalidOutputDirectory "-OutputDirectory '$OutputDirectory' cannot be created." $OutputDirectory 'Name a writable directory.'
}
$aws = Get-RunbookAwsParameter -Bound $PSBoundParameters
$whatIf = [bool]$WhatIfPreference
$errors = [Collections.Generic.List[object]]::new()

# 1. Dashboard and recommended alarms. It runs first: New-WADashboard checks its own inputs (alarm tags, threshold
# metrics) before it reads or writes anything, and a refusal stops the playbook before the budget step writes.
$dashboard = @{ Project = $Project; Environment = $Environment; IncludeAlarms = $true; AlarmWriteRate = $AlarmWriteRate; WhatIf = $whatIf; Confirm = $false; WarningAction = 'SilentlyContinue' }
if ($AlarmTopicArn) { $dashboard.AlarmTopicArn = $AlarmTopicArn }
if ($AlarmThreshold) { $dashboard.AlarmThreshold = $AlarmThreshold }
if ($AlarmTag) { $dashboard.AlarmTag = $AlarmTag }
$dashboardResults = Invoke-RunbookStep -Name Dashboard -Errors $errors -Script { New-WADashboard @aws @dashboard }
$refused = @($errors | Where-Object { $_.Step -eq 'Dashboard' -and "$($_.Record.CategoryInfo.Category)" -eq 'InvalidArgument' })
if ($refused.Count -and -not @($dashboardResults | Where-Object { $_ -and $_.PSObject.Properties['Outcome'] }).Count) {
    # Refused input, nothing planned or written: the playbook stops with the cmdlet's own error.
    $PSCmdlet.ThrowTerminatingError($refused[0].Record)
}

# 2. Budget alerts.
$budget = @{ Project = $Project; Amount = $BudgetAmount; WhatIf = $whatIf; Confirm = $false }
if (@($Email | Where-Object { $_ }).Count) { $budget.Email = @($Email | Where-Object { $_ }) }
if ($BudgetTopicArn) { $budget.SnsTopicArn = $BudgetTopicArn }
$budgetResults = Invoke-RunbookStep -Name Budget -Errors $errors -Script { Set-WABudgetAlert @aws @budget }

# 3. Tag compliance report of the project's resources.
$tagResults = Invoke-RunbookStep -Name TagCompliance -Errors $errors -Script {
    Get-WATagCompliance @aws -TagFilter @{ Project = $Project } -IncludeCompliant
}
$directory = (Resolve-Path -LiteralPath $OutputDirectory).Path
$safeName = $Project -replace '[^A-Za-z0-9_.-]', '_'
$csvPath = Join-Path $directory "tag-compliance-$safeName.csv"
$markdownPath = Join-Path $directory "tag-compliance-$safeName.md"
$tagRows = @($tagResults | Where-Object { $_ -and $_.PSObject.Properties['ResourceArn'] })
$csv = ($tagRows | Select-Object ResourceType, ResourceId, ResourceArn, Region, Compliant, @{ n = 'MissingKeys'; e = { "$($_.MissingKeys)" } },
        @{ n = 'MisCasedKeys'; e = { "$($_.MisCasedKeys)" } } | ConvertTo-Csv -NoTypeInformation) -join "`n"
Write-RunbookFile -Path $csvPath -Value $csv
$nonCompliant = @($tagRows | Where-Object { -not $_.Compliant })
Write-RunbookFile -Path $markdownPath -Value (@(
        "# Tag compliance of project $Project"
        ''
        "$($tagRows.Count - $nonCompliant.Count) of $($tagRows.Count) resources carry every required tag."
        ''
        (ConvertTo-RunbookMarkdownTable -InputObject $nonCompliant -Property ResourceType, ResourceId, MissingKeys, MisCasedKeys)
    ) -join "`n")

$changes = @(@($budgetResults) + @($dashboardResults) | Where-Object { $_ -and $_.PSObject.Properties['Outcome'] })
$failed = @($changes | Where-Object { "$($_.Outcome)" -eq 'Failed' })
$exitCode = if ($errors.Count -or $failed.Count) { 2 } else { 0 }
$outcomes = ($changes | Group-Object { "$($_.Outcome)" } | Sort-Object Name | ForEach-Object { "$($_.Count) $($_.Name)" }) -join ', '
Write-Host ("Onboarding of {0}: {1}. Changes: {2}. Tags: {3} of {4} resources compliant. Report: {5}" -f $Project,
    $(if ($exitCode) { 'FAILURES' } else { 'done' }), $(if ($outcomes) { $outcomes } else { 'none' }),
    ($tagRows.Count - $nonCompliant.Count), $tagRows.Count, $csvPath)
Write-RunbookErrors -Cmdlet $PSCmdlet -Errors $errors

[pscustomobject]@{
    PSTypeName   = 'WAOps.Runbook.OnboardingResult'
    Project      = $Project
    ExitCode     = $exitCode
    Budget       = @($budgetResults)
    Dashboard    = @($dashboardResults)
    TagReport    = [pscustomobject]@{ Csv = $csvPath; Markdown = $markdownPath; Resources = $tagRows.Count; NonCompliant = $nonCompliant.Count }
    Failed       = $failed.Count
    Errors       = @($errors | ForEach-Object { "$($_.Step): $($_.Message)" })
}
exit $exitCode
