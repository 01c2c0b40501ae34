#Requires -Version 7.4
<#
.SYNOPSIS
    Weekly compliance report: tag compliance and the quality gates of an account, as Markdown, HTML and CSV files.

.DESCRIPTION
    Reads (never writes to) the account: Get-WATagCompliance (summary per resource type and per key, and every
    non-compliant resource) and Test-WAQualityGate (the gate verdict and every finding that did not pass). Writes into
    -OutputDirectory:

      compliance-report.md      both parts for people (also what the SSM document returns and a CI summary can show)
      compliance-report.html    the same as a self-contained HTML page (e-mail, S3 static page)
      tag-compliance.csv        one row per non-compliant resource
      quality-gate-findings.csv one row per finding that did not pass

    Each file is written through a temporary file; a re-run for the same state writes the same rows.

    Exit codes: 0 the report is complete (whatever it says; -FailOnNonCompliance makes findings fail the run with 1);
    2 the report is incomplete (a listing or a step failed; the files say which). Input errors stop the playbook before
    anything is read or written (terminating errors): InvalidOutputDirectory, plus the cmdlets' own.

.PARAMETER OutputDirectory
    Where the files go (created if missing). Default ./waops-reports.

.PARAMETER Project
    Only resources of these Project tag values (both parts).

.PARAMETER AllRegions
    Every enabled region instead of the session's one.

.PARAMETER RuleSet
    The pinned rule set of the quality gates.

.PARAMETER WaiverPath
    A waiver file for the quality gates.

.PARAMETER FailOnNonCompliance
    Exit 1 when a resource breaks the tagging strategy or the gate fails (for a report that should page someone).

.PARAMETER Region
    The region to report on (default: the session's).

.PARAMETER ProfileName
    A named AWS profile.

.PARAMETER EndpointUrl
    Sends every AWS call to this endpoint (a local moto server in tests).

.PARAMETER ModuleManifest
    The WAOps module to import (default: the loaded one, else out/WAOps, else WAOps from PSModulePath).

.EXAMPLE
    ./runbooks/Invoke-WAComplianceReport.ps1 -AllRegions -OutputDirectory ./reports/$(Get-Date -Format yyyy-MM-dd)

.EXAMPLE
    ./runbooks/Invoke-WAComplianceReport.ps1 -Project checkout -Region eu-west-1 -RuleSet waops-2026.11
#>
[CmdletBinding()]
param(
    [string] $OutputDirectory = './waops-reports',
    [string[]] $Project,
    [switch] $AllRegions,
    [string] $RuleSet,
    [string] $WaiverPath,
    [switch] $FailOnNonCompliance,
    [string] $Region,
    [string] $ProfileName,
    [string] $EndpointUrl,
    [string] $ModuleManifest
)

Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'RunbookSupport.ps1')

if (-not $OutputDirectory -or (Test-Path -LiteralPath $OutputDirectory -PathType Leaf)) {
    $PSCmdlet.ThrowTerminatingError((New-RunbookErrorRecord -ErrorId InvalidOutputDirectory -Target $OutputDirectory `
                -Message "-OutputDirectory '$OutputDirectory' is a file, not a directory." -RecommendedAction 'Name a directory (it is created if missing).'))
}
if ($WaiverPath -and -not (Test-Path -LiteralPath $WaiverPath -PathType Leaf)) {
    $PSCmdlet.ThrowTerminatingError((New-RunbookErrorRecord -ErrorId WaiverFileNotFound -Category ObjectNotFound -Target $WaiverPath `
                -Message "The waiver file '$WaiverPath' does not exist." -RecommendedAction 'Check the path, or leave out -WaiverPath.'))
}
Import-WAOpsRunbookModule -ModuleManifest $ModuleManifest
if (-not (Test-RunbookOutputDirectory -Path $OutputDirectory)) {
    $PSCmdlet.ThrowTerminatingError((New-RunbookErrorRecord -ErrorId InvalidOutputDirectory -Target $OutputDirectory `
                -Message "-OutputDirectory '$OutputDirectory' cannot be created." -RecommendedAction 'Name a writable directory.'))
}

$aws = Get-RunbookAwsParameter -Bound $PSBoundParameters
$errors = [Collections.Generic.List[object]]::new()
$scope = @{}
if ($AllRegions) { $scope.AllRegions = $true }

# Tag compliance: one scan, summarised here (the cmdlet's -Summary would scan a second time).
$tags = @{}
if ($Project) { $tags.TagFilter = @{ Project = $Project } }
$tagOutput = Invoke-RunbookStep -Name TagCompliance -Errors $errors -Script { Get-WATagCompliance @aws @scope @tags -IncludeCompliant }
$tagRows = @($tagOutput | Where-Object { $_ -and $_.PSObject.Properties['Compliant'] })
$nonCompliant = @($tagRows | Where-Object { -not $_.Compliant } | Sort-Object ResourceType, ResourceId)
$byType = @($tagRows | Group-Object ResourceType | Sort-Object Name | ForEach-Object {
        $ok = @($_.Group | Where-Object Compliant).Count
        [pscustomobject]@{ ResourceType = $_.Name; Resources = $_.Count; Compliant = $ok; Percent = [math]::Round(100.0 * $ok / $_.Count, 1) }
    })

# Quality gates.
$gate = @{ IncludePassed = $false }
if ($Project) { $gate.Project = $Project }
if ($RuleSet) { $gate.RuleSet = $RuleSet }
if ($WaiverPath) { $gate.WaiverPath = $WaiverPath }
$gateOutput = Invoke-RunbookStep -Name QualityGate -Errors $errors -Script { Test-WAQualityGate @aws @scope @gate }
$gateSummary = $gateOutput | Where-Object { $_ -and $_.PSObject.Properties['Passed'] } | Select-Object -Last 1
$findings = @($gateOutput | Where-Object { $_ -and $_.PSObject.Properties['RuleId'] } | Sort-Object RuleId, ResourceId)

# Files.
$directory = (Resolve-Path -LiteralPath $OutputDirectory).Path
$files = [ordered]@{
    Markdown    = Join-Path $directory 'compliance-report.md'
    Html        = Join-Path $directory 'compliance-report.html'
    TagCsv      = Join-Path $directory 'tag-compliance.csv'
    FindingsCsv = Join-Path $directory 'quality-gate-findings.csv'
}
$tagColumns = @('ResourceType', 'ResourceId', 'Region', @{ n = 'MissingKeys'; e = { "$($_.MissingKeys)" } }, @{ n = 'MisCasedKeys'; e = { "$($_.MisCasedKeys)" } },
    @{ n = 'InvalidValues'; e = { "$($_.InvalidValues)" } }, 'ResourceArn')
$findingColumns = @('RuleId', @{ n = 'Status'; e = { "$($_.Status)" } }, @{ n = 'Severity'; e = { "$($_.Severity)" } }, 'ResourceType', 'ResourceId', 'Region', 'Reason', 'ResourceArn')
$tagTable = @($nonCompliant | Select-Object $tagColumns)
$findingTable = @($findings | Select-Object $findingColumns)
Write-RunbookFile -Path $files.TagCsv -Value ((($tagTable | ConvertTo-Csv -NoTypeInformation) -join "`n"))
Write-RunbookFile -Path $files.FindingsCsv -Value ((($findingTable | ConvertTo-Csv -NoTypeInformation) -join "`n"))

$compliantCount = $tagRows.Count - $nonCompliant.Count
$verdict = if (-not $gateSummary) { 'not judged' } elseif ($gateSummary.Passed) { 'PASSED' } else { 'FAILED' }
$generated = [DateTime]::UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", [Globalization.CultureInfo]::InvariantCulture)
$markdown = @(
    '# WAOps weekly compliance report'
    ''
    "Generated $generated$(if ($Project) { " for project(s) $($Project -join ', ')" })."
    ''
    '## Tag compliance'
    ''
    "$compliantCount of $($tagRows.Count) resources carry every required tag."
    ''
    (ConvertTo-RunbookMarkdownTable -InputObject $byType -Property ResourceType, Resources, Compliant, Percent)
    ''
    '### Resources that break the tagging strategy'
    ''
    (ConvertTo-RunbookMarkdownTable -InputObject $tagTable -Property ResourceType, ResourceId, MissingKeys, MisCasedKeys, InvalidValues)
    ''
    '## Quality gates'
    ''
    "Verdict: **$verdict**$(if ($gateSummary) { " - $($gateSummary.Fail) fail, $($gateSummary.Unknown) unknown, $($gateSummary.Error) error, $($gateSummary.Pass) pass (rule set $($gateSummary.RuleSet))" })."
    ''
    (ConvertTo-RunbookMarkdownTable -InputObject $findingTable -Property RuleId, Status, Severity, ResourceId, Reason)
    if ($errors.Count) {
        ''
        '## Incomplete'
        ''
        foreach ($item in $errors) { "- $($item.Step): $($item.Message -replace '\r?\n', ' ')" }
    }
) -join "`n"
Write-RunbookFile -Path $files.Markdown -Value $markdown

$encode = { param($text) [Net.WebUtility]::HtmlEncode("$text") }
$htmlTable = {
    param($rows, [string[]] $columns)
    $head = ($columns | ForEach-Object { "<th>$(& $encode $_)</th>" }) -join ''
    $body = foreach ($row in $rows) { '<tr>' + (($columns | ForEach-Object { "<td>$(& $encode $row.$_)</td>" }) -join '') + '</tr>' }
    "<table><thead><tr>$head</tr></thead><tbody>$($body -join '')</tbody></table>"
}
$html = @(
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8" /><title>WAOps weekly compliance report</title>'
    '<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#eee}</style></head><body>'
    '<h1>WAOps weekly compliance report</h1>'
    "<p>Generated $(& $encode $generated).</p>"
    '<h2>Tag compliance</h2>'
    "<p>$compliantCount of $($tagRows.Count) resources carry every required tag.</p>"
    (& $htmlTable $byType @('ResourceType', 'Resources', 'Compliant', 'Percent'))
    '<h3>Resources that break the tagging strategy</h3>'
    (& $htmlTable $tagTable @('ResourceType', 'ResourceId', 'MissingKeys', 'MisCasedKeys', 'InvalidValues'))
    '<h2>Quality gates</h2>'
    "<p>Verdict: <strong>$(& $encode $verdict)</strong></p>"
    (& $htmlTable $findingTable @('RuleId', 'Status', 'Severity', 'ResourceId', 'Reason'))
    if ($errors.Count) { '<h2>Incomplete</h2><ul>' + (($errors | ForEach-Object { "<li>$(& $encode "$($_.Step): $($_.Message)")</li>" }) -join '') + '</ul>' }
    '</body></html>'
) -join "`n"
Write-RunbookFile -Path $files.Html -Value $html

$exitCode = if ($errors.Count -or -not $gateSummary) { 2 } elseif ($FailOnNonCompliance -and ($nonCompliant.Count -or -not $gateSummary.Passed)) { 1 } else { 0 }
Write-Host ("Compliance report: tags {0} of {1} compliant; quality gates {2}. Files in {3}{4}" -f $compliantCount, $tagRows.Count, $verdict, $directory,
    $(if ($errors.Count) { ' (INCOMPLETE)' }))
Write-RunbookErrors -Cmdlet $PSCmdlet -Errors $errors

[pscustomobject]@{
    PSTypeName       = 'WAOps.Runbook.ComplianceReportResult'
    ExitCode         = $exitCode
    TagResources     = $tagRows.Count
    TagNonCompliant  = $nonCompliant.Count
    GateVerdict      = $verdict
    GateFindings     = $findings.Count
    Files            = [pscustomobject]$files
    Errors           = @($errors | ForEach-Object { "$($_.Step): $($_.Message)" })
}
exit $exitCode
