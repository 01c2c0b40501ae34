# Test-WAQualityGate -TemplatePath on a generated 1,000-resource CloudFormation template (tests/Benchmarks/support/
# generate_cfn_template.py: subnets, route tables, routes, associations, queues, topics, buckets with policies, tables and
# roles with inline policies, tagged, with parameters, a condition, a mapping and short-form intrinsics), against cfn-lint
# (preinstalled) on the same file. Both arms are cold child processes (pwsh + Import-Module + the cmdlet; the cfn-lint
# CLI), alternated. Target (issue 8): WAOps wall <= 0.1x cfn-lint's. The file exceeds CloudFormation's 500-resource limit
# on purpose (the issue asks for 1,000); cfn-lint reports that (E3010) and lints everything else; WAOps judges it all.
param($Context)

$template = Join-Path $Context.OutDirectory 'template-gate-1000.yaml'
$arm = Join-Path $Context.OutDirectory 'template-gate-arm.ps1'
Set-Content -Path $arm -Value @'
param([string] $Manifest, [string] $Template)
Import-Module $Manifest
$summary = Test-WAQualityGate -TemplatePath $Template -SummaryOnly -WarningAction SilentlyContinue
$peak = [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB
@{ Resources = $summary.Resources; Findings = $summary.Findings; Fail = $summary.Fail; Unknown = $summary.Unknown; PeakMemoryMB = [Math]::Round($peak, 1) } | ConvertTo-Json -Compress
'@
# cfn-lint exits with a bit mask of what it found (2 errors, 4 warnings, 8 informational); 1 is a crash.
$lint = Join-Path $Context.OutDirectory 'template-gate-cfn-lint.sh'
Set-Content -Path $lint -Value @'
#!/bin/sh
cfn-lint "$1" > "$1.cfn-lint.txt"
code=$?
if [ "$code" -eq 1 ] || [ "$code" -ge 16 ]; then exit "$code"; fi
printf '{"Problems":%s}\n' "$(grep -c '^[EWI][0-9]' "$1.cfn-lint.txt")"
'@

@{
    Name        = 'TemplateGate'
    Description = 'Test-WAQualityGate -TemplatePath on a generated 1,000-resource CloudFormation template vs cfn-lint on the same file'
    Target      = 'WAOps <= 0.1x cfn-lint wall'
    Iterations  = 3
    Setup       = {
        & $Context.Python (Join-Path $PSScriptRoot '../support/generate_cfn_template.py') 1000 $template
        if ($LASTEXITCODE -ne 0) { throw 'The benchmark template could not be generated.' }
        $count = @(Select-String -Path $template -Pattern '^  [A-Za-z0-9]+:$' | Where-Object LineNumber -gt 12).Count
        Write-Host "  generated $template ($count resources, $([Math]::Round((Get-Item $template).Length / 1KB)) KB)"
        $null
    }.GetNewClosure()
    WAOps       = { @{ Command = @($Context.Pwsh + @('-NoProfile', '-NonInteractive', '-File', $arm, $Context.ModuleManifest, $template)); Environment = @{} } }.GetNewClosure()
    Baseline    = { @{ Command = @('sh', $lint, $template); Environment = @{} } }.GetNewClosure()
    Judge       = { param($r) if ($r.Ratio -le 0.1) { "met (ratio $($r.Ratio))" } else { "missed (ratio $($r.Ratio))" } }
}
