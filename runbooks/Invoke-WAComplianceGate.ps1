#Requires -Version 7.4
<#
.SYNOPSIS
    CI compliance gate: judges an account (or a template) by the WAOps quality gates, writes SARIF, JUnit and a
    Markdown summary, and fails the step when the gate fails.

.DESCRIPTION
    Runs Test-WAQualityGate once per report (SARIF for code scanning, JUnit for test views, Markdown for people),
    each written through a temporary file. The Markdown summary is also appended to the CI job summary when the
    CI provides one ($env:GITHUB_STEP_SUMMARY, or -SummaryPath).

    With -TemplatePath the gate judges a CloudFormation template or Terraform plan JSON instead of the account
    (passed through to Test-WAQualityGate -TemplatePath/-TemplateParameter). Without it, the account and region
    of the session are judged.

    Exit codes: 0 the gate passed; 1 the gate failed (a finding at or above -FailOn, or an account that could not
    be checked); 2 the gate could not be judged completely (a report could not be written, a listing failed).
    Input errors stop the playbook with a terminating error before anything is read or written (pwsh -File then
    exits with 1): InvalidOutputDirectory, TemplateNotFound, TemplateParameterWithoutTemplate,
    WaiverFileNotFound.

    The gate only reads. Re-running it overwrites its reports with the same content for the same state.

.PARAMETER TemplatePath
    A CloudFormation template (YAML/JSON) or Terraform plan JSON to judge instead of the account.

.PARAMETER TemplateParameter
    Template parameter values (hashtable), with -TemplatePath only.

.PARAMETER OutputDirectory
    Where quality-gate.sarif, quality-gate.junit.xml and quality-gate.md go (created if missing). Default ./waops-reports.

.PARAMETER SummaryPath
    A file the Markdown summary is appended to. Default: $env:GITHUB_STEP_SUMMARY when set (GitHub Actions); none otherwise.

.PARAMETER FailOn
    The lowest severity that fails the gate (Critical, High, Medium, Low, None). Default High.

.PARAMETER RuleSet
    The pinned rule set the pipeline is judged by (for example waops-2026.11).

.PARAMETER WaiverPath
    A waiver file (YAML/JSON) as Test-WAQualityGate reads it.

.PARAMETER Project
    Judge only resources of these Project tag values.

.PARAMETER Environment
    Judge only resources of these Environment tag values.

.PARAMETER Region
    The region to judge (default: the session's).

.PARAMETER ProfileName
    A named AWS profile; without it the environment's credentials (for example the CI's OIDC role) are used.

.PARAMETER EndpointUrl
    Sends every AWS call to this endpoint (a local moto server in tests and the demo).

.PARAMETER ModuleManifest
    The WAOps module to import (default: the loaded one, else the repository's out/WAOps, else WAOps from PSModulePath).

.EXAMPLE
    ./runbooks/Invoke-WAComplianceGate.ps1 -Region eu-west-1 -RuleSet waops-2026.11 -FailOn High -OutputDirectory ./reports

    Judges the CI role's account in eu-west-1; the job fails on High and Critical findings.

.EXAMPLE
    ./runbooks/Invoke-WAComplianceGate.ps1 -TemplatePath ./infra/checkout.yaml -TemplateParameter @{ Environment = 'prod' } -WaiverPath ./waivers.yaml

    Judges a template in a pull request before it is deployed.
#>
[CmdletBinding()]
param(
    [string] $TemplatePath,
    [hashtable] $TemplateParameter,
    [string] $OutputDirectory = './waops-reports',
    [string] $SummaryPath = $env:GITHUB_STEP_SUMMARY,
    [ValidateSet('Critical', 'High', 'Medium', 'Low', 'None')]
    [string] $FailOn = 'High',
    [string] $RuleSet,
    [string] $WaiverPath,
    [string[]] $Project,
    [string[]] $Environment,
    [string] $Region,
    [string] $ProfileName,
    [string] $EndpointUrl,
    [string] $ModuleManifest
)

Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'RunbookSupport.ps1')

# Input checks: nothing is read or written before they pass.
if ($TemplateParameter -and -not $TemplatePath) {
    $PSCmdlet.ThrowTerminatingError((New-RunbookErrorRecord -ErrorId TemplateParameterWithoutTemplate -Target $TemplateParameter `
                -Message '-TemplateParameter applies to a template; give -TemplatePath too.' -RecommendedAction 'Add -TemplatePath, or leave out -TemplateParameter to judge the account.'))
}
if ($TemplatePath -and -not (Test-Path -LiteralPath $TemplatePath -PathType Leaf)) {
    $PSCmdlet.ThrowTerminatingError((New-RunbookErrorRecord -ErrorId TemplateNotFound -Category ObjectNotFound -Target $TemplatePath `
                -Message "The template '$TemplatePath' does not exist." -RecommendedAction 'Check the path relative to the job''s working directory.'))
}
if ($WaiverPath -and -not (Test-Path -LiteralPath $WaiverPath -PathType Leaf)) {
    $PSCmdlet.ThrowTerminatingError((New-RunbookErrorRecord -ErrorId WaiverFileNotFound -Category ObjectNotFound -Target $WaiverPath `
                -Message "The waiver file '$WaiverPath' does not exist." -RecommendedAction 'Check the path, or leave out -WaiverPath.'))
}
if (-not $OutputDirectory -or (Test-Path -LiteralPath $OutputDirectory -PathType Leaf)) {
    $PSCmdlet.ThrowTerminatingError((New-RunbookErrorRecord -ErrorId InvalidOutputDirectory -Target $OutputDirectory `
                -Message "-OutputDirectory '$OutputDirectory' is a file, not a directory." -RecommendedAction 'Name a directory (it is created if missing).'))
}

Import-WAOpsRunbookModule -ModuleManifest $ModuleManifest
if (-not (Test-RunbookOutputDirectory -Path $OutputDirectory)) {
    $PSCmdlet.ThrowTerminatingError((New-RunbookErrorRecord -ErrorId InvalidOutputDirectory -Target $OutputDirectory `
                -Message "-OutputDirectory '$OutputDirectory' cannot be created." -RecommendedAction 'Name a writable directory.'))
}

$gate = Get-RunbookAwsParameter -Bound $PSBoundParameters
$gate.FailOn = $FailOn
$gate.SummaryOnly = $true
foreach ($name in 'RuleSet', 'WaiverPath', 'Project', 'Environment') {
    if ($PSBoundParameters.ContainsKey($name)) { $gate[$name] = $PSBoundParameters[$name] }
}
if ($TemplatePath) {
    $gate.TemplatePath = $TemplatePath
    if ($TemplateParameter) { $gate.TemplateParameter = $TemplateParameter }
}

$errors = [Collections.Generic.List[object]]::new()
$directory = (Resolve-Path -LiteralPath $OutputDirectory).Path
$reports = [ordered]@{
    Sarif    = Join-Path $directory 'quality-gate.sarif'
    JUnit    = Join-Path $directory 'quality-gate.junit.xml'
    Markdown = Join-Path $directory 'quality-gate.md'
}
$summary = $null
foreach ($format in $reports.Keys) {
    $result = Invoke-RunbookStep -Name "QualityGate.$format" -Errors $errors -Script {
        Test-WAQualityGate @gate -OutputFormat $format -OutFile $reports[$format]
    }
    # The verdict of the first report's run decides; the others only render the same judgement again.
    if (-not $summary) { $summary = $result | Where-Object { $_ -and $_.PSObject.Properties['Passed'] } | Select-Object -First 1 }
}

if ($summary -and $SummaryPath -and (Test-Path -LiteralPath $reports.Markdown)) {
    Add-Content -LiteralPath $SummaryPath -Value (Get-Content -LiteralPath $reports.Markdown -Raw)
}

$exitCode = if (-not $summary -or $errors.Count) { 2 } elseif (-not $summary.Passed) { 1 } else { 0 }
$verdict = switch ($exitCode) { 0 { 'Passed' } 1 { 'Failed' } default { 'Incomplete' } }
Write-Host ("Quality gate: {0} ({1} fail, {2} error, {3} blocking at {4}+). Reports: {5}" -f $verdict,
    $(if ($summary) { $summary.Fail } else { '?' }), $(if ($summary) { $summary.Error } else { '?' }),
    $(if ($summary) { $summary.Blocking } else { '?' }), $FailOn, $directory)
Write-RunbookErrors -Cmdlet $PSCmdlet -Errors $errors

[pscustomobject]@{
    PSTypeName = 'WAOps.Runbook.ComplianceGateResult'
    Verdict    = $verdict
    ExitCode   = $exitCode
    Target     = if ($TemplatePath) { $TemplatePath } else { 'account' }
    Summary    = $summary
    Reports    = [pscustomobject]$reports
    Errors     = @($errors | ForEach-Object { "$($_.Step): $($_.Message)" })
}
exit $exitCode
