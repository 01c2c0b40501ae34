#Requires -Version 7.4
<#
.SYNOPSIS
    Shows WAOps working against an account: where it would act, then the five capabilities on the reference workload.

.DESCRIPTION
    The README's main-job command runs this against a local moto server it starts (./build.ps1 -Task Demo), with
    -DeployReferenceWorkload: the reference workload (runbooks/templates/reference-workload.yaml, the seed's
    architecture with deliberate violations) is deployed through moto's CloudFormation, and a dev team's leftovers
    (an unattached volume, a free Elastic IP, an instance idle for two weeks with its metrics) are added.

    Then, in order, each with its results printed as tables:
      1. Quality gates (Test-WAQualityGate) of the whole account: the verdict and every failed rule, with reasons.
      2. Tag compliance (Get-WATagCompliance) of the project's resources.
      3. Dashboard and recommended alarms (New-WADashboard -IncludeAlarms) for Project=checkout, Environment=prod.
      4. Budget alerts (Set-WABudgetAlert -Project checkout), read back with Get-WABudget.
      5. Idle cleanup report (Invoke-WAIdleCleanup, report only: nothing is stopped or deleted).

    Against a real account (-ProfileName, no -DeployReferenceWorkload) it deploys nothing and, with -WhatIf, writes
    nothing either: the dashboard, alarms and budget are only planned. Exit code 0 when every step ran, 1 otherwise.

.PARAMETER ModuleManifest
    The WAOps module to import (default: the built module in out/WAOps).

.PARAMETER EndpointUrl
    Where AWS calls go (a local moto server in the demo); omit for AWS's public endpoints.

.PARAMETER Region
    The region to work in.

.PARAMETER ProfileName
    A named profile to use instead of the environment's credentials.

.PARAMETER Project
    The Project tag value of the workload to show (default checkout, the reference workload's).

.PARAMETER DeployReferenceWorkload
    Deploy the reference workload and the dev leftovers first (local moto endpoints only).

.EXAMPLE
    ./runbooks/Invoke-WADemo.ps1 -EndpointUrl http://127.0.0.1:5000 -Region us-east-1 -DeployReferenceWorkload

.EXAMPLE
    ./runbooks/Invoke-WADemo.ps1 -ProfileName sandbox -Region eu-west-1 -Project shop -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $ModuleManifest = (Join-Path $PSScriptRoot '../out/WAOps/WAOps.psd1'),
    [string] $EndpointUrl,
    [string] $Region = 'us-east-1',
    [string] $ProfileName,
    [string] $Project = 'checkout',
    [switch] $DeployReferenceWorkload
)

Set-StrictMode -Version Latest
Import-Module $ModuleManifest -Force -ErrorAction Stop

$aws = @{ Region = $Region }
if ($EndpointUrl) { $aws.EndpointUrl = $EndpointUrl }
if ($ProfileName) { $aws.ProfileName = $ProfileName }
$whatIf = [bool]$WhatIfPreference
$script:Failures = [Collections.Generic.List[string]]::new()

function Write-Section([string] $Title) {
    Write-Host ''
    Write-Host "== $Title" -ForegroundColor Cyan
}

function Show([object[]] $Rows, [object[]] $Property) {
    if (-not $Rows -or -not $Rows.Count) { Write-Host '   (none)'; return }
    $Rows | Format-Table -Property $Property -AutoSize -Wrap | Out-String -Width 160 | Write-Host
}

function Invoke-DemoStep([string] $Name, [scriptblock] $Script) {
    # A step that fails is reported and the demo goes on with the next one.
    try {
        $records = @()
        $output = @(& $Script 2>&1 | ForEach-Object { if ($_ -is [Management.Automation.ErrorRecord]) { $records += $_ } else { $_ } })
        foreach ($record in $records) { Write-Host "   ! $($record.Exception.Message)" -ForegroundColor Yellow }
        , $output
    }
    catch {
        $script:Failures.Add("$($Name): $($_.Exception.Message)")
        Write-Host "   ! $Name failed: $($_.Exception.Message)" -ForegroundColor Red
        , @()
    }
}

if ($DeployReferenceWorkload) {
    if (-not $EndpointUrl -or $EndpointUrl -notmatch '^http://(127\.0\.0\.1|localhost)(:\d+)?/?$') {
        throw '-DeployReferenceWorkload deploys only into a local moto server: give -EndpointUrl http://127.0.0.1:<port>.'
    }
    Write-Section 'Deploying the reference workload into moto (CloudFormation stack checkout-prod) and a dev team''s leftovers'
    $python = (Get-Command python3, python -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source
    $saved = $env:AWS_ENDPOINT_URL
    $deployed = & $python (Join-Path $PSScriptRoot 'demo/deploy_demo_account.py') $EndpointUrl $Region (Join-Path $PSScriptRoot 'templates/reference-workload.yaml') 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Deploying the reference workload failed: $($deployed -join "`n")" }
    $env:AWS_ENDPOINT_URL = $saved
    $deployment = ($deployed | Select-Object -Last 1) | ConvertFrom-Json
    Write-Host "   Stack $($deployment.stack): $($deployment.stackStatus), $($deployment.stackResources) resources (ElastiCache is skipped by moto)."
    Write-Host "   Dev leftovers: volume $($deployment.idleVolume), Elastic IP $($deployment.idleAddress), instance $($deployment.idleInstance) idle for 14 days."
}

Write-Section 'Where WAOps would act (Get-WAContext)'
Get-WAContext @aws | Out-Host

Write-Section '1. Quality gates (Test-WAQualityGate) of the account: what breaks the Well-Architected rules'
$gate = Invoke-DemoStep 'Quality gates' { Test-WAQualityGate @aws -WarningAction SilentlyContinue }
$gateSummary = $gate | Where-Object { $_.PSObject.Properties['Passed'] } | Select-Object -Last 1
$findings = @($gate | Where-Object { $_.PSObject.Properties['RuleId'] })
Show $findings Status, Severity, RuleId, ResourceId, Reason
if ($gateSummary) { Write-Host "   Verdict: $gateSummary" }

Write-Section "2. Tag compliance (Get-WATagCompliance) of Project=$Project"
$tags = Invoke-DemoStep 'Tag compliance' { Get-WATagCompliance @aws -TagFilter @{ Project = $Project } -IncludeCompliant }
$tagRows = @($tags | Where-Object { $_.PSObject.Properties['Compliant'] })
Show @($tagRows | Where-Object { -not $_.Compliant }) ResourceType, ResourceId, MissingKeys, MisCasedKeys
Write-Host ("   {0} of {1} resources of {2} carry Environment, Project, Team and CostCenter." -f @($tagRows | Where-Object Compliant).Count, $tagRows.Count, $Project)

Write-Section "3. Dashboard and recommended alarms (New-WADashboard) for Project=$Project, Environment=prod"
$dashboard = Invoke-DemoStep 'Dashboard' { New-WADashboard @aws -Project $Project -Environment prod -IncludeAlarms -AlarmWriteRate 50 -WhatIf:$whatIf -Confirm:$false -WarningAction SilentlyContinue }
$changes = @($dashboard | Where-Object { $_.PSObject.Properties['Outcome'] })
Show @($changes | Where-Object { "$($_.Outcome)" -ne 'Skipped' }) Outcome, Kind, Target
$skipped = @($changes | Where-Object { "$($_.Outcome)" -eq 'Skipped' })
if ($skipped.Count) { Write-Host "   Skipped (AWS leaves the threshold to you; give -AlarmThreshold): $(($skipped | ForEach-Object { ($_.Target -split '-')[-1] }) -join ', ')" }
$created = ($changes | Group-Object { "$($_.Outcome)" } | ForEach-Object { "$($_.Count) $($_.Name)" }) -join ', '
if ($created) { Write-Host "   Changes: $created" }

Write-Section "4. Budget alerts (Set-WABudgetAlert) for Project=$Project"
$budget = Invoke-DemoStep 'Budget alerts' { Set-WABudgetAlert @aws -Project $Project -Amount 1450 -Email finops@example.com -WhatIf:$whatIf -Confirm:$false }
Show @($budget | Where-Object { $_.PSObject.Properties['Outcome'] }) Outcome, Kind, Target, Reason
if (-not $whatIf) {
    $read = Invoke-DemoStep 'Budget read-back' { Get-WABudget @aws -Project $Project -NoSubscriber }
    Show $read Name, Amount, TimeUnit, CostFilter, Notifications
}

Write-Section '5. Idle cleanup (Invoke-WAIdleCleanup), report only: idle dev resources and what removing them would save'
$idle = Invoke-DemoStep 'Idle cleanup' { Invoke-WAIdleCleanup @aws -Environment dev -OlderThanDays 0 }
Show @($idle | Where-Object { $_.PSObject.Properties['Criterion'] }) Kind, ResourceId, Criterion, Action, @{ n = 'Savings/month'; e = { if ($null -ne $_.EstimatedMonthlySavings) { '{0:N2} USD' -f $_.EstimatedMonthlySavings } } }, Evidence
$idleSummary = $idle | Where-Object { $_.PSObject.Properties['Examined'] } | Select-Object -Last 1
if ($idleSummary) {
    Write-Host "   $idleSummary"
    Write-Host ('   Removing them would save about {0:N2} USD a month (us-east-1 list prices).' -f $idleSummary.PotentialMonthlySavings)
}

Write-Section 'Done'
if ($script:Failures.Count) {
    Write-Host "Steps that failed: $($script:Failures -join '; ')" -ForegroundColor Red
    exit 1
}
Write-Host 'Every capability ran. The playbooks in runbooks/ compose the same cmdlets for CI, schedules and SSM.' -ForegroundColor Green
exit 0
