#Requires -Version 7.4
# WAOps and another AWSSDK.Core (as AWS.Tools.Common brings) in one pwsh session, in both orders.
# Each order runs in a fresh pwsh: assembly loading is per process and cannot be undone.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Moto = Start-MotoServer -Name 'Coexistence.Tests'

    # AWSSDK.Core 3.7 and its STS client: a different major version from WAOps' 4.x, from the NuGet feed.
    $cache = Join-Path $PSScriptRoot '../../out/tools/packages'
    $core = Save-NuGetPackage -Id AWSSDK.Core -Version 3.7.402 -Destination (Join-Path $cache 'awssdk.core.3.7.402')
    $sts = Save-NuGetPackage -Id AWSSDK.SecurityToken -Version 3.7.202 -Destination (Join-Path $cache 'awssdk.securitytoken.3.7.202')
    $script:OtherCore = (Resolve-Path (Join-Path $core 'lib/net8.0/AWSSDK.Core.dll')).Path
    $script:OtherSts = (Resolve-Path (Join-Path $sts 'lib/netcoreapp3.1/AWSSDK.SecurityToken.dll')).Path

    # The script both orders run: load the other SDK and WAOps in the given order, use both, report as JSON.
    $script:Scenario = @'
param([string] $Order, [string] $Manifest, [string] $OtherCore, [string] $OtherSts, [string] $Endpoint)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$report = [ordered]@{}
function Use-OtherSdk {
    $credentials = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDOTHERSDK00000001', 'other-secret')
    $config = [Amazon.SecurityToken.AmazonSecurityTokenServiceConfig]::new()
    $config.ServiceURL = $Endpoint
    $config.AuthenticationRegion = 'us-east-1'
    $client = [Amazon.SecurityToken.AmazonSecurityTokenServiceClient]::new($credentials, $config)
    $client.GetCallerIdentityAsync([Amazon.SecurityToken.Model.GetCallerIdentityRequest]::new()).GetAwaiter().GetResult().Account
}
function Load-OtherSdk {
    Add-Type -Path $OtherCore
    Add-Type -Path $OtherSts
    $script:report.OtherBefore = Use-OtherSdk
}
if ($Order -eq 'OtherFirst') { Load-OtherSdk }
Import-Module $Manifest
$context = Get-WAContext -EndpointUrl $Endpoint -Region us-east-1 -AccessKey AKIDWAOPS00000000001 -SecretKey waops-secret
$report.WAOpsAccount = $context.Account
if ($Order -eq 'WAOpsFirst') { Load-OtherSdk }
$report.OtherAfter = Use-OtherSdk
# The other SDK's credentials object works as -Credential although its type belongs to another AWSSDK.Core.
$foreign = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDFOREIGNCRED00001', 'foreign-secret')
$report.ForeignCredentialSource = "$((Get-WAContext -EndpointUrl $Endpoint -Region us-east-1 -Credential $foreign).CredentialSource)"
$report.Cores = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } | ForEach-Object {
    '{0}@{1}' -f $_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name } | Sort-Object)
$report | ConvertTo-Json -Compress
'@
    $script:ScenarioPath = Join-Path $TestDrive 'coexistence.ps1'
    Set-Content -Path $script:ScenarioPath -Value $script:Scenario

    function Invoke-Scenario([string] $Order) {
        $output = Invoke-Pwsh -File $script:ScenarioPath -ArgumentList @(
            '-Order', $Order, '-Manifest', $env:WAOPS_MODULE_MANIFEST, '-OtherCore', $script:OtherCore,
            '-OtherSts', $script:OtherSts, '-Endpoint', $script:Moto.Endpoint) -NoThrow 2>&1
        $text = ($output | ForEach-Object { "$_" }) -join "`n"
        if ($LASTEXITCODE -ne 0) { throw "The $Order scenario failed: $text" }
        ($text -split "`n" | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1) | ConvertFrom-Json
    }
}

AfterAll {
    $script:Moto | Stop-MotoServer
}

Describe 'WAOps beside another AWSSDK.Core' {
    It 'works when the other AWSSDK.Core is loaded first, and the other code keeps working' {
        $report = Invoke-Scenario 'OtherFirst'
        $report.OtherBefore | Should -Be '123456789012'
        $report.WAOpsAccount | Should -Be '123456789012'
        $report.OtherAfter | Should -Be '123456789012'
        $report.ForeignCredentialSource | Should -Be 'CredentialParameter'
        $report.Cores | Should -Be @('3.3.0.0@Default', '4.0.0.0@WAOps')
    }

    It 'works when WAOps is loaded first, and the other AWSSDK.Core still loads and works' {
        $report = Invoke-Scenario 'WAOpsFirst'
        $report.WAOpsAccount | Should -Be '123456789012'
        $report.OtherBefore | Should -Be '123456789012'
        $report.OtherAfter | Should -Be '123456789012'
        $report.ForeignCredentialSource | Should -Be 'CredentialParameter'
        $report.Cores | Should -Be @('3.3.0.0@Default', '4.0.0.0@WAOps')
    }
}
