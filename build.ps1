#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests, benchmarks and packages WAOps.

.DESCRIPTION
    Plain PowerShell tasks (no build framework needed):

      Bootstrap  Installs the pinned Pester from the NuGet feed into out/tools if missing; checks for moto
                 (moto_server), boto3 and the AWS CLI and installs them with pip if missing.
      Build      Release build; assembles a ready-to-import module in out/WAOps (cmdlets at the root,
                 dependencies in out/WAOps/Dependencies, help generated from module/en-US/docs).
      Test       (default) Bootstrap, Build, then xUnit and Pester against the built module. Each test
                 class/file starts its own moto server on a free loopback port and stops it. Results go to
                 out/test-results as XML; moto logs of failed tests stay in out/test-logs. Exits non-zero on
                 any failure.
      Bench      Runs the benchmark scenarios (tests/Benchmarks) against their baselines, alternated in one
                 run, and prints medians and ratios.
      Demo       Starts a local moto server, deploys the reference workload into it, runs the five capabilities
                 against it (runbooks/Invoke-WADemo.ps1), and stops it again. Exits non-zero if a step failed.
      Package    Zips out/WAOps (with its .NET 8 dependency set only: SSM runs PowerShell 7.4) and the playbooks
                 (runbooks/*.ps1) into out/WAOps-<version>.zip, the attachment of the SSM Automation documents in
                 runbooks/ssm.

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test

.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Bench -Scenario Import -Iterations 15
#>
[CmdletBinding()]
param(
    [ValidateSet('Bootstrap', 'Build', 'Test', 'Bench', 'Demo', 'Package')]
    [string[]] $Task = @('Test'),

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Benchmark scenarios to run (default: all).
    [string[]] $Scenario,

    # Benchmark iterations per arm (default: each scenario's own).
    [ValidateRange(1, 1000)]
    [int] $Iterations,

    # Run only Pester files whose name matches this wildcard, and xUnit tests matching this filter.
    [string] $PesterFilter = '*',
    [string] $XunitFilter
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'WAOps'
$ToolsOut = Join-Path $Out 'tools'
$ResultsOut = Join-Path $Out 'test-results'
$LogsOut = Join-Path $Out 'test-logs'
$PesterVersion = '5.7.1'

Import-Module (Join-Path $Root 'tests/Support/WAOps.TestSupport.psm1') -Force

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Get-ModuleVersion {
    (Import-PowerShellDataFile (Join-Path $Root 'module/WAOps.psd1')).ModuleVersion
}

function Invoke-Native {
    # Runs a native command and stops the build if it fails.
    param([string] $FilePath, [string[]] $ArgumentList)
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "$FilePath $($ArgumentList -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Bootstrap {
    Write-Step "Bootstrap: Pester $PesterVersion, moto, boto3, AWS CLI"
    $pesterManifest = Get-PinnedPesterManifest
    if (-not (Test-Path $pesterManifest)) {
        Write-Step "Installing Pester $PesterVersion from the NuGet feed"
        Install-PinnedPester -Version $PesterVersion -Destination (Join-Path $ToolsOut "Pester/$PesterVersion")
    }

    $python = Get-PythonCommand
    & $python -c 'import moto, boto3, flask' 2>$null
    if ($LASTEXITCODE -ne 0) {
        Write-Step 'Installing moto[server] and boto3 with pip'
        Invoke-Native $python @('-m', 'pip', 'install', '--quiet', 'moto[server]', 'boto3')
    }
    if (-not (Get-Command aws -ErrorAction SilentlyContinue)) {
        Write-Step 'Installing the AWS CLI with pip'
        Invoke-Native $python @('-m', 'pip', 'install', '--quiet', 'awscli')
    }
}

function Get-PinnedPesterManifest {
    Join-Path $ToolsOut "Pester/$PesterVersion/Pester.psd1"
}

function Install-PinnedPester {
    param([string] $Version, [string] $Destination)
    # The PowerShell module sits under tools/ inside the NuGet package.
    $package = Save-NuGetPackage -Id Pester -Version $Version -Destination (Join-Path $ToolsOut "packages/pester.$Version")
    Remove-Item $Destination -Recurse -Force -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Path (Split-Path $Destination) -Force | Out-Null
    Copy-Item (Join-Path $package 'tools') $Destination -Recurse
}

function Get-Crossgen2 {
    # The ReadyToRun compiler of the runtime this pwsh runs on, as the .NET 10 publish above restored it; $null if absent.
    $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    $major = [Environment]::Version.Major
    $pack = Get-ChildItem (Join-Path $packages 'microsoft.netcore.app.crossgen2.linux-x64') -Directory -ErrorAction SilentlyContinue |
        Where-Object { $_.Name -like "$major.*" } | Sort-Object { [version]($_.Name -replace '-.*$', '') } -Descending | Select-Object -First 1
    if ($pack) { Join-Path $pack.FullName 'tools/crossgen2' | Where-Object { Test-Path $_ } }
}

function Invoke-RootAssemblyPrecompile {
    # PowerShell loads the cmdlet assembly itself, from the module root, on whatever runtime it runs: one file for
    # all. It targets net8.0 (PowerShell 7.4); its precompiled code is compiled here for the runtime of the pwsh that
    # builds (.NET 10, PowerShell 7.6), where WAOps is built, tested and mostly run: otherwise PowerShell 7.6 rejects
    # the net8.0 code and JIT-compiles the assembly at every start. PowerShell 7.4 in turn rejects this code and
    # JIT-compiles it; the SSM package, which runs on 7.4, takes the net8.0-precompiled copy (Invoke-Package).
    param([string] $Dependencies)
    $crossgen = Get-Crossgen2
    if (-not $crossgen) {
        Write-Warning "No ReadyToRun compiler for .NET $([Environment]::Version.Major) found; the cmdlet assembly keeps its net8.0 precompiled code."
        return
    }

    $il = Join-Path $Root "src/WAOps.PowerShell/bin/$Configuration/net8.0/WAOps.PowerShell.dll"
    $framework = [Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
    Invoke-Native $crossgen @($il, '-o', (Join-Path $ModuleOut 'WAOps.PowerShell.dll'), '--targetos', 'linux', '--targetarch', 'x64', '-O',
        '-r', (Join-Path $framework '*.dll'), '-r', (Join-Path $Dependencies '*.dll'), '-r', (Join-Path $PSHOME '*.dll'))
}

function Invoke-Build {
    $version = Get-ModuleVersion
    Write-Step "Build $Configuration, version $version"
    $publish = Join-Path $Out "publish"
    Remove-Item $publish, $ModuleOut -Recurse -Force -ErrorAction SilentlyContinue
    Invoke-Native dotnet @('build', (Join-Path $Root 'WAOps.sln'), '-c', $Configuration, "-p:Version=$version", '--nologo', '-v', 'quiet', '-clp:ErrorsOnly')
    # ReadyToRun: the assemblies carry precompiled code for linux-x64, so a cold pwsh spends less time in the
    # JIT (WAOps runs in short-lived processes: SSM steps, scheduled jobs, CI). They stay IL assemblies and
    # run anywhere; elsewhere the JIT simply compiles them as usual.
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/WAOps.PowerShell/WAOps.PowerShell.csproj'), '-c', $Configuration,
        "-p:Version=$version", '-o', $publish, '-r', 'linux-x64', '--self-contained', 'false', '-p:PublishReadyToRun=true',
        '--nologo', '-v', 'quiet')

    # The same dependencies once more, precompiled for .NET 10 (PowerShell 7.6): .NET 10 does not use ReadyToRun
    # code compiled for .NET 8 and would JIT-compile all of it. The net8.0 set stays for PowerShell 7.4.
    $publishNet10 = Join-Path $Out "publish-net10.0"
    Remove-Item $publishNet10 -Recurse -Force -ErrorAction SilentlyContinue
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/WAOps.PowerShell/WAOps.PowerShell.csproj'), '-c', $Configuration,
        "-p:Version=$version", '-p:WAOpsModuleFramework=net10.0', '-o', $publishNet10, '-r', 'linux-x64', '--self-contained', 'false',
        '-p:PublishReadyToRun=true', '--nologo', '-v', 'quiet')

    # Layout: the cmdlet assembly at the root (PowerShell loads it), everything else in Dependencies/, and in
    # Dependencies/net10.0/ for .NET 10 (loaded into WAOps' own AssemblyLoadContext, which picks the set).
    $dependencies = Join-Path $ModuleOut 'Dependencies'
    foreach ($set in @(@{ From = $publish; To = $dependencies }, @{ From = $publishNet10; To = (Join-Path $dependencies 'net10.0') })) {
        New-Item -ItemType Directory -Path $set.To -Force | Out-Null
        foreach ($file in Get-ChildItem $set.From -File) {
            if ($file.Extension -notin '.dll', '.pdb') { continue }
            if ($file.BaseName -eq 'WAOps.PowerShell') {
                # PowerShell loads the cmdlet assembly itself: the net8.0 one, at the root.
                if ($set.From -eq $publish) { Copy-Item $file.FullName $ModuleOut }
                continue
            }
            Copy-Item $file.FullName $set.To
        }
    }
    Invoke-RootAssemblyPrecompile -Dependencies (Join-Path $dependencies 'net10.0')
    Copy-Item (Join-Path $Root 'module/WAOps.psd1'), (Join-Path $Root 'module/WAOps.Format.ps1xml') $ModuleOut
    $help = Join-Path $ModuleOut 'en-US'
    New-Item -ItemType Directory -Path $help -Force | Out-Null
    Copy-Item (Join-Path $Root 'module/en-US/about_*.help.txt') $help

    # Cmdlet help (MAML) is generated from the markdown in module/en-US/docs plus the cmdlets' own metadata,
    # in a child pwsh so this process never loads (and locks) the built assemblies.
    Invoke-Pwsh -File (Join-Path $Root 'module/tools/New-WAOpsHelp.ps1') -ArgumentList @(
        '-ModuleManifest', (Join-Path $ModuleOut 'WAOps.psd1'),
        '-DocsPath', (Join-Path $Root 'module/en-US/docs'),
        '-OutFile', (Join-Path $help 'WAOps.PowerShell.dll-Help.xml'))
    Write-Step "Module ready: $ModuleOut"
}

function Invoke-Test {
    Invoke-Bootstrap
    Invoke-Build
    Remove-Item $ResultsOut, $LogsOut -Recurse -Force -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Path $ResultsOut, $LogsOut -Force | Out-Null
    $env:WAOPS_TEST_LOG_DIR = $LogsOut
    $failed = $false

    Write-Step 'xUnit'
    $xunitArgs = @('test', (Join-Path $Root 'WAOps.sln'), '-c', $Configuration, '--no-build', '--nologo',
        '--results-directory', $ResultsOut, '--logger', 'trx', '--logger', 'console;verbosity=minimal')
    if ($XunitFilter) { $xunitArgs += @('--filter', $XunitFilter) }
    & dotnet @xunitArgs
    if ($LASTEXITCODE -ne 0) { $failed = $true }
    Remove-PassedMotoLogs -ResultsDirectory $ResultsOut -LogDirectory $LogsOut

    Write-Step 'Pester (against the built module)'
    $pesterArgs = @(
        '-PesterManifest', (Get-PinnedPesterManifest),
        '-ModuleManifest', (Join-Path $ModuleOut 'WAOps.psd1'),
        '-ResultFile', (Join-Path $ResultsOut 'pester.xml'),
        '-LogDirectory', $LogsOut)
    # pwsh on Unix expands a bare '*' passed to a child process, so the filter goes only when narrowed.
    if ($PesterFilter -ne '*') { $pesterArgs += @('-Filter', $PesterFilter) }
    Invoke-Pwsh -File (Join-Path $Root 'tests/Pester/Invoke-PesterSuite.ps1') -ArgumentList $pesterArgs -NoThrow
    if ($LASTEXITCODE -ne 0) { $failed = $true }

    if ($failed) {
        Write-Host "Tests failed. Results: $ResultsOut; moto logs of failed tests: $LogsOut" -ForegroundColor Red
        exit 1
    }
    Write-Host "All tests passed. Results: $ResultsOut" -ForegroundColor Green
}

function Invoke-Bench {
    Invoke-Bootstrap
    Invoke-Build
    $benchArgs = @('-ModuleManifest', (Join-Path $ModuleOut 'WAOps.psd1'), '-OutDirectory', (Join-Path $Out 'bench'))
    if ($Scenario) { $benchArgs += @('-Scenario', ($Scenario -join ',')) }
    if ($Iterations) { $benchArgs += @('-Iterations', $Iterations) }
    Invoke-Pwsh -File (Join-Path $Root 'tests/Benchmarks/Invoke-WABenchmark.ps1') -ArgumentList $benchArgs
}

function Invoke-Demo {
    Invoke-Bootstrap
    Invoke-Build
    # The demo's account is a local moto server started here and stopped at the end, whatever happens.
    $env:WAOPS_TEST_LOG_DIR = Join-Path $Out 'demo-logs'
    $moto = Start-MotoServer -Name 'demo'
    $demoExit = 1
    try {
        $credentials = Get-TestCredential
        $env:AWS_ACCESS_KEY_ID = $credentials.AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $credentials.SecretKey
        $env:AWS_EC2_METADATA_DISABLED = 'true'
        Write-Step "Demo against moto at $($moto.Endpoint)"
        Invoke-Pwsh -File (Join-Path $Root 'runbooks/Invoke-WADemo.ps1') -ArgumentList @(
            '-ModuleManifest', (Join-Path $ModuleOut 'WAOps.psd1'), '-EndpointUrl', $moto.Endpoint, '-Region', 'us-east-1',
            '-DeployReferenceWorkload') -NoThrow
        $demoExit = $LASTEXITCODE
    }
    finally {
        $moto | Stop-MotoServer
        Remove-Item Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY -ErrorAction SilentlyContinue
    }
    if ($demoExit -ne 0) { Write-Host "The demo failed (exit $demoExit); moto's log: $($moto.LogPath)" -ForegroundColor Red; exit $demoExit }
}

function Invoke-Package {
    Invoke-Build
    $zip = Join-Path $Out ("WAOps-{0}.zip" -f (Get-ModuleVersion))
    Remove-Item $zip -Force -ErrorAction SilentlyContinue
    # The zip holds a WAOps folder, the shape SSM Automation attachments and Import-Module expect.
    $staging = Join-Path $Out 'package'
    Remove-Item $staging -Recurse -Force -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Path $staging -Force | Out-Null
    Copy-Item $ModuleOut (Join-Path $staging 'WAOps') -Recurse
    # SSM Automation runs PowerShell 7.4 on .NET 8, which loads the net8.0 set in Dependencies/; the sets precompiled
    # for later runtimes (Dependencies/net10.0) would only double the attachment. Without them a newer PowerShell
    # still runs the module from the net8.0 set. The cmdlet assembly goes in precompiled for .NET 8 as well.
    Get-ChildItem (Join-Path $staging 'WAOps/Dependencies') -Directory -Filter 'net*.0' | Remove-Item -Recurse -Force
    Copy-Item (Join-Path $Out 'publish/WAOps.PowerShell.dll') (Join-Path $staging 'WAOps') -Force
    # The playbooks go with the module: the SSM Automation documents (runbooks/ssm) run them from the attachment.
    $playbooks = New-Item -ItemType Directory -Path (Join-Path $staging 'runbooks') -Force
    Copy-Item (Join-Path $Root 'runbooks/*.ps1') $playbooks
    [IO.Compression.ZipFile]::CreateFromDirectory($staging, $zip)
    Remove-Item $staging -Recurse -Force
    Write-Step "Package: $zip"
}

foreach ($name in $Task) {
    switch ($name) {
        'Bootstrap' { Invoke-Bootstrap }
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Bench' { Invoke-Bench }
        'Demo' { Invoke-Demo }
        'Package' { Invoke-Package }
    }
}
