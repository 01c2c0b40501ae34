<#
.SYNOPSIS
    Shows WAOps working against an account: where it would act, then each capability's results.

.DESCRIPTION
    The README's main-job command runs this against a local moto server it starts (./build.ps1 -Task Demo).
    It can equally run against a sandbox account with -ProfileName. It changes nothing in the account.

.PARAMETER ModuleManifest
    The WAOps module to import (default: the built module in out/WAOps).

.PARAMETER EndpointUrl
    Where AWS calls go (a local moto server in the demo); omit for AWS's public endpoints.

.PARAMETER Region
    The region to work in.

.PARAMETER ProfileName
    A named profile to use instead of the environment's credentials.

.EXAMPLE
    ./runbooks/Invoke-WADemo.ps1 -EndpointUrl http://127.0.0.1:5000 -Region us-east-1

.EXAMPLE
    ./runbooks/Invoke-WADemo.ps1 -ProfileName sandbox -Region eu-west-1
#>
[CmdletBinding()]
param(
    [string] $ModuleManifest = (Join-Path $PSScriptRoot '../out/WAOps/WAOps.psd1'),
    [string] $EndpointUrl,
    [string] $Region = 'us-east-1',
    [string] $ProfileName
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $ModuleManifest -Force

$aws = @{ Region = $Region }
if ($EndpointUrl) { $aws.EndpointUrl = $EndpointUrl }
if ($ProfileName) { $aws.ProfileName = $ProfileName }

Write-Host "`n== Where WAOps would act (Get-WAContext)" -ForegroundColor Cyan
Get-WAContext @aws | Out-Host
