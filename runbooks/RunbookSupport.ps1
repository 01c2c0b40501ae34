<#
    Shared by the WAOps playbooks (dot-sourced; not a playbook itself): module import, the AWS session splat,
    input errors with stable ErrorIds, step error collection and report helpers. Nothing here calls AWS.
#>

function Import-WAOpsRunbookModule {
    # The module the playbook drives: an explicit manifest, else the one already loaded, else the repository's
    # build (out/WAOps), else the package layout (WAOps/ next to runbooks/), else WAOps from PSModulePath.
    param([string] $ModuleManifest)
    if ($ModuleManifest) { Import-Module $ModuleManifest -ErrorAction Stop; return }
    if (Get-Module WAOps) { return }
    foreach ($candidate in @((Join-Path $PSScriptRoot '../out/WAOps/WAOps.psd1'), (Join-Path $PSScriptRoot '../WAOps/WAOps.psd1'))) {
        if (Test-Path $candidate) { Import-Module $candidate -ErrorAction Stop; return }
    }
    Import-Module WAOps -ErrorAction Stop
}

function New-RunbookErrorRecord {
    param(
        [Parameter(Mandatory)][string] $ErrorId,
        [Parameter(Mandatory)][string] $Message,
        $Target,
        [Management.Automation.ErrorCategory] $Category = 'InvalidArgument',
        [string] $RecommendedAction
    )
    $record = [Management.Automation.ErrorRecord]::new([ArgumentException]::new($Message), $ErrorId, $Category, $Target)
    if ($RecommendedAction) {
        $record.ErrorDetails = [Management.Automation.ErrorDetails]::new($Message)
        $record.ErrorDetails.RecommendedAction = $RecommendedAction
    }
    $record
}

function Get-RunbookAwsParameter {
    # The session parameters every WAOps cmdlet takes, from the playbook's own (only those given).
    param([hashtable] $Bound)
    $aws = @{}
    foreach ($name in 'Region', 'ProfileName', 'EndpointUrl') {
        if ($Bound.ContainsKey($name) -and $Bound[$name]) { $aws[$name] = $Bound[$name] }
    }
    $aws
}

function Test-RunbookOutputDirectory {
    # The directory reports go to: created if missing; a file in its place is an input error.
    param([Parameter(Mandatory)][string] $Path, [switch] $DoNotCreate)
    if (Test-Path -LiteralPath $Path -PathType Leaf) { return $false }
    if (-not (Test-Path -LiteralPath $Path) -and -not $DoNotCreate) {
        try { New-Item -ItemType Directory -Path $Path -Force -ErrorAction Stop -WhatIf:$false | Out-Null } catch { return $false }
    }
    $true
}

function Invoke-RunbookStep {
    <#
        Runs one step of a playbook. Non-terminating errors of the cmdlets and a terminating one are all
        collected into -Errors (a List[ErrorRecord]) with the step's name; the step's output is returned.
    #>
    param(
        [Parameter(Mandatory)][string] $Name,
        [Parameter(Mandatory)][scriptblock] $Script,
        [Parameter(Mandatory)][AllowEmptyCollection()][Collections.Generic.List[object]] $Errors
    )
    # Errors must reach 2>&1 even when the playbook was called with -ErrorAction SilentlyContinue; they are written
    # again, as the playbook's own, by Write-RunbookErrors.
    $ErrorActionPreference = 'Continue'
    $stepErrors = [Collections.Generic.List[object]]::new()
    $output = [Collections.Generic.List[object]]::new()
    try {
        # 2>&1: the cmdlets' non-terminating errors arrive as records among the output, in order.
        foreach ($item in (& $Script 2>&1)) {
            if ($item -is [Management.Automation.ErrorRecord]) { $stepErrors.Add($item) } else { $output.Add($item) }
        }
    }
    catch {
        $stepErrors.Add($_)
    }
    foreach ($record in $stepErrors) {
        if ($record -is [Management.Automation.ErrorRecord]) {
            $Errors.Add([pscustomobject]@{ Step = $Name; ErrorId = $record.FullyQualifiedErrorId; Message = $record.Exception.Message; Record = $record })
        }
    }
    , $output.ToArray()
}

function Write-RunbookErrors {
    # Writes every collected step error as a non-terminating error of the playbook (after the work is done).
    param([Parameter(Mandatory)] $Cmdlet, [AllowEmptyCollection()] $Errors)
    foreach ($item in $Errors) {
        $record = [Management.Automation.ErrorRecord]::new($item.Record.Exception, "$($item.Step).$($item.Record.FullyQualifiedErrorId.Split(',')[0])",
            $item.Record.CategoryInfo.Category, $item.Record.TargetObject)
        $Cmdlet.WriteError($record)
    }
}

function ConvertTo-RunbookMarkdownTable {
    # A Markdown table of the given properties (pipes and line breaks escaped).
    param([AllowEmptyCollection()][object[]] $InputObject, [Parameter(Mandatory)][string[]] $Property)
    $lines = [Collections.Generic.List[string]]::new()
    $lines.Add('| ' + ($Property -join ' | ') + ' |')
    $lines.Add('|' + ((@('---') * $Property.Count) -join '|') + '|')
    foreach ($item in $InputObject) {
        $cells = foreach ($name in $Property) { ("$($item.$name)" -replace '\|', '\|' -replace '\r?\n', ' ') }
        $lines.Add('| ' + ($cells -join ' | ') + ' |')
    }
    $lines -join "`n"
}

function Write-RunbookFile {
    # Writes text to a file through a temporary file in the same directory, so a reader never sees half a report.
    param([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][AllowEmptyString()][string] $Value)
    $temporary = "$Path.tmp-$PID"
    [IO.File]::WriteAllText($temporary, $Value, [Text.UTF8Encoding]::new($false))
    Move-Item -LiteralPath $temporary -Destination $Path -Force -WhatIf:$false
}
