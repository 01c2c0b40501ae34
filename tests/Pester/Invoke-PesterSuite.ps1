<#
.SYNOPSIS
    Runs the Pester suites against the built module, hermetically: no profile, no AWS settings of the
    machine, no instance metadata. Results go to -ResultFile (NUnit XML); moto logs of passing files are
    removed. Exits with the number of failed tests.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $PesterManifest,
    [Parameter(Mandatory)][string] $ModuleManifest,
    [Parameter(Mandatory)][string] $ResultFile,
    [Parameter(Mandatory)][string] $LogDirectory,
    [string] $Filter = '*'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# The machine's own AWS configuration must never take part in a test.
$hermetic = Join-Path ([IO.Path]::GetTempPath()) "waops-pester-$PID"
New-Item -ItemType Directory -Path $hermetic -Force | Out-Null
New-Item -ItemType File -Path (Join-Path $hermetic 'credentials'), (Join-Path $hermetic 'config') -Force | Out-Null
foreach ($name in 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_DEFAULT_REGION') {
    Remove-Item "Env:$name" -ErrorAction SilentlyContinue
}
$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $hermetic 'credentials'
$env:AWS_CONFIG_FILE = Join-Path $hermetic 'config'
$env:AWS_EC2_METADATA_DISABLED = 'true'
$env:WAOPS_MODULE_MANIFEST = (Resolve-Path $ModuleManifest).Path
$env:WAOPS_TEST_LOG_DIR = $LogDirectory

Import-Module $PesterManifest -Force
$configuration = New-PesterConfiguration
$configuration.Run.Path = @(Get-ChildItem $PSScriptRoot -Filter '*.Tests.ps1' | Where-Object Name -Like "$Filter" | ForEach-Object FullName)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultFile
$result = Invoke-Pester -Configuration $configuration

foreach ($container in $result.Containers) {
    if ($container.Result -eq 'Passed') {
        $name = [IO.Path]::GetFileNameWithoutExtension($container.Item.Name)
        Remove-Item (Join-Path $LogDirectory "moto-$name.log*") -Force -ErrorAction SilentlyContinue
    }
}
Remove-Item $hermetic -Recurse -Force -ErrorAction SilentlyContinue
exit ($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount)
