<#
    Test and build support shared by build.ps1, the Pester suites, the benchmarks and the demo:
    child pwsh processes, local moto servers, the AWS CLI as an independent peer, and seeding scripts.
    Nothing here can reach real AWS: every AWS call it makes carries dummy credentials and an explicit
    loopback endpoint.
#>
Set-StrictMode -Version Latest

$script:SupportRoot = $PSScriptRoot
# Dummy credentials for moto. They are not secrets; tests that check secret handling use their own sentinels.
$script:TestAccessKey = 'AKIDWAOPSTESTKEY0001'
$script:TestSecretKey = 'waops-test-secret-not-a-real-key'

function Get-PythonCommand {
    foreach ($name in 'python3', 'python') {
        $command = Get-Command $name -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($command) { return $command.Source }
    }
    throw 'Python 3 is needed for the moto server; install python3.'
}

function Get-PwshInvocation {
    # The pwsh running this script: a native pwsh, or 'dotnet pwsh.dll' when it came as a dotnet local tool.
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return @($process)
}

function Invoke-Pwsh {
    <#
    .SYNOPSIS
        Runs a script in a fresh pwsh -NoProfile (same PowerShell as this one); throws on a non-zero exit
        unless -NoThrow. $LASTEXITCODE holds the exit code.
    #>
    param(
        [Parameter(Mandatory, ParameterSetName = 'File')][string] $File,
        [Parameter(Mandatory, ParameterSetName = 'Command')][string] $Command,
        [string[]] $ArgumentList = @(),
        [switch] $NoThrow
    )
    $invocation = @(Get-PwshInvocation)
    $exe = $invocation[0]
    $prefix = @($invocation | Select-Object -Skip 1)
    if ($PSCmdlet.ParameterSetName -eq 'File') {
        & $exe @prefix -NoProfile -NonInteractive -File $File @ArgumentList
    }
    else {
        & $exe @prefix -NoProfile -NonInteractive -Command $Command
    }
    if ($LASTEXITCODE -ne 0 -and -not $NoThrow) {
        throw "pwsh $File$Command exited with $LASTEXITCODE."
    }
}

function Save-NuGetPackage {
    <#
    .SYNOPSIS
        Downloads a package from the NuGet v3 feed (WAOPS_NUGET_FEED, default nuget.org's index) and extracts
        it into -Destination, unless it is already there. Returns the destination.
    #>
    param([Parameter(Mandatory)][string] $Id, [Parameter(Mandatory)][string] $Version, [Parameter(Mandatory)][string] $Destination)
    if (Test-Path (Join-Path $Destination '*.nuspec')) { return $Destination }
    $feed = if ($env:WAOPS_NUGET_FEED) { $env:WAOPS_NUGET_FEED } else { 'https://api.nuget.org/v3/index.json' }
    $index = Invoke-RestMethod -Uri $feed
    $base = ($index.resources | Where-Object { $_.'@type' -like 'PackageBaseAddress/3.0.0*' } | Select-Object -First 1).'@id'
    if (-not $base) { throw "The NuGet feed $feed names no PackageBaseAddress." }
    $lowerId = $Id.ToLowerInvariant()
    $lowerVersion = $Version.ToLowerInvariant()
    $package = Join-Path ([IO.Path]::GetTempPath()) "$lowerId.$lowerVersion.$PID.nupkg"
    Invoke-WebRequest -Uri ('{0}/{1}/{2}/{1}.{2}.nupkg' -f $base.TrimEnd('/'), $lowerId, $lowerVersion) -OutFile $package
    Remove-Item $Destination -Recurse -Force -ErrorAction SilentlyContinue
    [IO.Compression.ZipFile]::ExtractToDirectory($package, $Destination)
    Remove-Item $package -Force
    $Destination
}

function Get-FreeTcpPort {
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-MotoServer {
    <#
    .SYNOPSIS
        Starts moto on a free loopback port and waits until it answers. -Name names its log file
        (out/test-logs/moto-<Name>.log, or $env:WAOPS_TEST_LOG_DIR). -Environment adds variables, for example
        INITIAL_NO_AUTH_ACTION_COUNT to turn on IAM enforcement after N calls. -ServerScript runs a Python script that
        starts moto's server itself (with the same arguments) instead of 'python -m moto.server', for example the
        benchmarks' moto with indexed CloudWatch metrics.
    #>
    param(
        [string] $Name = 'moto',
        [hashtable] $Environment = @{},
        [int] $TimeoutSeconds = 30,
        [string] $ServerScript
    )
    $logDirectory = if ($env:WAOPS_TEST_LOG_DIR) { $env:WAOPS_TEST_LOG_DIR } else { Join-Path ([IO.Path]::GetTempPath()) 'waops-test-logs' }
    New-Item -ItemType Directory -Path $logDirectory -Force | Out-Null
    $log = Join-Path $logDirectory "moto-$Name.log"
    # moto must never be confused by the caller's AWS settings ($null removes a variable).
    $variables = @{
        AWS_PROFILE = $null; AWS_ENDPOINT_URL = $null; AWS_SESSION_TOKEN = $null
        AWS_ACCESS_KEY_ID = $script:TestAccessKey; AWS_SECRET_ACCESS_KEY = $script:TestSecretKey
    }
    foreach ($key in $Environment.Keys) { $variables[$key] = [string]$Environment[$key] }
    for ($try = 1; $try -le 3; $try++) {
        $port = Get-FreeTcpPort
        $server = @(if ($ServerScript) { $ServerScript } else { '-m'; 'moto.server' })
        $process = Start-Process -FilePath (Get-PythonCommand) -ArgumentList @($server + @('-H', '127.0.0.1', '-p', "$port")) `
            -RedirectStandardOutput "$log.out" -RedirectStandardError $log -Environment $variables -PassThru -NoNewWindow
        $endpoint = "http://127.0.0.1:$port"
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while ([DateTime]::UtcNow -lt $deadline -and -not $process.HasExited) {
            try {
                $null = Invoke-RestMethod -Uri "$endpoint/moto-api/" -TimeoutSec 2
                return [pscustomobject]@{
                    PSTypeName = 'WAOps.Test.MotoServer'
                    Name       = $Name
                    Endpoint   = $endpoint
                    Port       = $port
                    Process    = $process
                    LogPath    = $log
                }
            }
            catch {
                Start-Sleep -Milliseconds 100
            }
        }
        Stop-MotoProcess -Process $process
    }
    throw "moto did not start within $TimeoutSeconds s; see $log."
}

function Stop-MotoProcess {
    param($Process)
    if (-not $Process.HasExited) {
        $Process.Kill($true)
        $null = $Process.WaitForExit(5000)
    }
}

function Stop-MotoServer {
    param([Parameter(Mandatory, ValueFromPipeline)] $Server)
    process {
        if ($Server) { Stop-MotoProcess -Process $Server.Process }
    }
}

function Start-FaultProxy {
    <#
    .SYNOPSIS
        Starts the fault-injecting proxy (tests/WAOps.FaultProxy, built by build.ps1) in front of -Target and
        returns an object with its Endpoint. A share -Rate of requests gets one of -Faults (throttle, http500,
        http503, reset, reset-after, slow), reproducibly from -Seed; StatsFile counts requests per fault. With -Match
        only requests whose "METHOD path X-Amz-Target body" matches that regex can get a fault (one operation, one
        service or one protocol); the others pass untouched. A request matching -KeepAnswers that draws reset-after is
        reset before it reaches moto instead. By default that spares GetResources pages asked with a token. moto
        deviation: moto keeps the token of the last page with an exhausted generator, so asking the last page again
        returns only its first resource. AWS serves a token again alike for 15 minutes.
        (GetResourcesPaginationTests pins this deviation.) With -TargetHealth every DescribeTargetHealth answer
        reports its targets in that state, as AWS would (moto answers healthy only).
    #>
    param(
        [Parameter(Mandatory)][string] $Target,
        [double] $Rate = 0.2,
        [int] $Seed = 7,
        [string[]] $Faults = @('throttle', 'http500', 'http503', 'reset', 'slow'),
        [int] $SlowMilliseconds = 300,
        [string] $Match,
        [string] $KeepAnswers = 'GetResources .*"PaginationToken":"',
        [string] $TargetHealth
    )
    $tool = Get-ChildItem (Join-Path $script:SupportRoot '../WAOps.FaultProxy/bin') -Recurse -Filter 'WAOps.FaultProxy.dll' -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $tool) { throw 'WAOps.FaultProxy is not built; run ./build.ps1 -Task Build first.' }
    $stats = [IO.Path]::GetTempFileName()
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($tool.FullName, '--target', $Target, '--rate', "$Rate", '--seed', "$Seed", '--faults', ($Faults -join ','),
            '--slow-ms', "$SlowMilliseconds", '--stats-file', $stats) + $(if ($Match) { '--match', $Match }) + $(if ($KeepAnswers) { '--keep-answers', $KeepAnswers }) + $(if ($TargetHealth) { '--target-health', $TargetHealth })) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($start)
    $line = $process.StandardOutput.ReadLine()
    if ($line -notmatch '^listening (?<url>\S+)') { $process.Kill(); throw "The fault proxy did not start: $line" }
    [pscustomobject]@{
        PSTypeName = 'WAOps.Test.FaultProxy'
        Endpoint   = $Matches.url.TrimEnd('/')
        Process    = $process
        StatsFile  = $stats
    }
}

function Get-FaultProxyStats {
    param([Parameter(Mandatory)] $Proxy)
    if ((Get-Item $Proxy.StatsFile).Length -eq 0) { return @{} }
    Get-Content $Proxy.StatsFile -Raw | ConvertFrom-Json -AsHashtable
}

function Stop-FaultProxy {
    param([Parameter(Mandatory, ValueFromPipeline)] $Proxy)
    process {
        if (-not $Proxy.Process.HasExited) {
            $Proxy.Process.StandardInput.Close()
            if (-not $Proxy.Process.WaitForExit(5000)) { $Proxy.Process.Kill() }
        }
        Remove-Item $Proxy.StatsFile -ErrorAction SilentlyContinue
    }
}

function Reset-MotoServer {
    param([Parameter(Mandatory)] $Server)
    $null = Invoke-RestMethod -Method Post -Uri "$($Server.Endpoint)/moto-api/reset"
}

function Get-TestAwsParameter {
    <#
    .SYNOPSIS
        The splat every test passes to a WAOps cmdlet: moto's endpoint, a region and dummy keys.
    #>
    param([Parameter(Mandatory)] $Server, [string] $Region = 'us-east-1')
    @{
        EndpointUrl = $Server.Endpoint
        Region      = $Region
        AccessKey   = $script:TestAccessKey
        SecretKey   = $script:TestSecretKey
    }
}

function Get-TestCredential {
    @{ AccessKey = $script:TestAccessKey; SecretKey = $script:TestSecretKey }
}

function Set-ProcessEnvironmentVariable([string] $Name, $Value) {
    # PowerShell passes $null to a .NET string parameter as '', and .NET on Unix then keeps the variable, empty
    # (AWS_PROFILE='' makes the AWS CLI look for a profile named ''). A real null removes it.
    if ($null -eq $Value) { [Environment]::SetEnvironmentVariable($Name, [NullString]::Value) }
    else { [Environment]::SetEnvironmentVariable($Name, [string]$Value) }
}

function Invoke-TestAwsCli {
    <#
    .SYNOPSIS
        Runs the AWS CLI against moto (an independent peer for reading state back) and returns its JSON
        output as objects. Throws with the CLI's error text on failure.
    #>
    param(
        [Parameter(Mandatory)] $Server,
        [Parameter(Mandatory)][string[]] $Arguments,
        [string] $Region = 'us-east-1',
        [string] $AccessKey = $script:TestAccessKey,
        [string] $SecretKey = $script:TestSecretKey
    )
    $saved = @{}
    $overrides = @{
        AWS_ACCESS_KEY_ID = $AccessKey; AWS_SECRET_ACCESS_KEY = $SecretKey; AWS_SESSION_TOKEN = $null
        AWS_DEFAULT_REGION = $Region; AWS_PROFILE = $null; AWS_ENDPOINT_URL = $null; AWS_PAGER = ''
    }
    foreach ($key in $overrides.Keys) {
        $saved[$key] = [Environment]::GetEnvironmentVariable($key)
        Set-ProcessEnvironmentVariable $key $overrides[$key]
    }
    try {
        $output = & aws --endpoint-url $Server.Endpoint --output json @Arguments 2>&1
        $exit = $LASTEXITCODE
    }
    finally {
        foreach ($key in $saved.Keys) { Set-ProcessEnvironmentVariable $key $saved[$key] }
    }
    $text = ($output | ForEach-Object { "$_" }) -join "`n"
    if ($exit -ne 0) { throw "aws $($Arguments -join ' ') failed ($exit): $text" }
    if ([string]::IsNullOrWhiteSpace($text)) { return $null }
    $text | ConvertFrom-Json -Depth 50
}

function Invoke-MotoSeed {
    <#
    .SYNOPSIS
        Runs a seeding script from tests/Support/seed (boto3, one process, bulk calls) against moto and
        returns its JSON output as objects.
    #>
    param(
        [Parameter(Mandatory)] $Server,
        [Parameter(Mandatory)][string] $Script,
        [string[]] $ArgumentList = @(),
        [string] $Region = 'us-east-1',
        # Seed with the admin key of an enforcing server (Start-EnforcingMotoServer).
        [switch] $AsAdmin
    )
    $path = Join-Path $script:SupportRoot "seed/$Script"
    $env:WAOPS_SEED_ENDPOINT = $Server.Endpoint
    $env:WAOPS_SEED_REGION = $Region
    $savedKey = $env:AWS_ACCESS_KEY_ID
    $savedSecret = $env:AWS_SECRET_ACCESS_KEY
    if ($AsAdmin) {
        $env:AWS_ACCESS_KEY_ID = $Server.AdminKey
        $env:AWS_SECRET_ACCESS_KEY = $Server.AdminSecret
    }
    try {
        $output = & (Get-PythonCommand) $path @ArgumentList 2>&1
        $exit = $LASTEXITCODE
    }
    finally {
        Remove-Item Env:WAOPS_SEED_ENDPOINT, Env:WAOPS_SEED_REGION -ErrorAction SilentlyContinue
        $env:AWS_ACCESS_KEY_ID = $savedKey
        $env:AWS_SECRET_ACCESS_KEY = $savedSecret
    }
    $text = ($output | ForEach-Object { "$_" }) -join "`n"
    if ($exit -ne 0) { throw "seed $Script failed ($exit): $text" }
    if ([string]::IsNullOrWhiteSpace($text)) { return $null }
    $text | ConvertFrom-Json -Depth 50
}

function Start-EnforcingMotoServer {
    <#
    .SYNOPSIS
        Starts moto with IAM enforcement: the first three calls (an admin user, its policy, its key) are not
        checked, every later call is checked against the caller's policies and signature. Returns the server
        with AdminKey/AdminSecret for seeding (Invoke-MotoSeed -AsAdmin).
    #>
    param([string] $Name = 'iam')
    $server = Start-MotoServer -Name $Name -Environment @{ INITIAL_NO_AUTH_ACTION_COUNT = '3' }
    $admin = Invoke-MotoSeed -Server $server -Script 'foundation.py' -ArgumentList 'iam-user', 'waops-admin'
    $server | Add-Member -NotePropertyName AdminKey -NotePropertyValue $admin.AccessKeyId
    $server | Add-Member -NotePropertyName AdminSecret -NotePropertyValue $admin.SecretAccessKey
    $server
}

function ConvertTo-MotoIamAction {
    <# .SYNOPSIS Translates AWS IAM action names into the names moto checks (see MotoIamActions.psd1). #>
    param([Parameter(Mandatory)][string[]] $Action)
    $table = Import-PowerShellDataFile (Join-Path $script:SupportRoot 'MotoIamActions.psd1')
    foreach ($item in $Action) {
        if ($table.Actions.ContainsKey($item)) { $table.Actions[$item]; continue }
        $prefix, $operation = $item -split ':', 2
        if ($table.Prefixes.ContainsKey($prefix)) { "$($table.Prefixes[$prefix]):$operation" } else { $item }
    }
}

function Get-IamPolicyAction {
    <# .SYNOPSIS The Allow actions of an IAM policy file (runbooks/iam/*.json). #>
    param([Parameter(Mandatory)][string] $Path)
    $policy = Get-Content $Path -Raw | ConvertFrom-Json
    @($policy.Statement | Where-Object Effect -EQ 'Allow' | ForEach-Object { $_.Action }) | Sort-Object -Unique
}

function New-MotoIamUser {
    <#
    .SYNOPSIS
        Creates a user on an enforcing moto allowed exactly the given AWS actions (translated for moto), and
        returns the splat a WAOps cmdlet takes (EndpointUrl, Region, AccessKey, SecretKey).
    #>
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)][string] $Name, [Parameter(Mandatory)][string[]] $Action, [string] $Region = 'us-east-1')
    $motoActions = @(ConvertTo-MotoIamAction -Action $Action | Sort-Object -Unique)
    $key = Invoke-MotoSeed -Server $Server -Script 'tags.py' -ArgumentList 'iam-user', $Name, (ConvertTo-Json -InputObject $motoActions -Compress) -AsAdmin
    @{ EndpointUrl = $Server.Endpoint; Region = $Region; AccessKey = $key.AccessKeyId; SecretKey = $key.SecretAccessKey }
}

function Remove-PassedMotoLogs {
    <#
    .SYNOPSIS
        Keeps the moto logs of test classes that failed (named moto-<Class>.log) and deletes the rest.
        Failed classes are read from the xUnit TRX files in -ResultsDirectory.
    #>
    param([string] $ResultsDirectory, [string] $LogDirectory)
    $failedClasses = [Collections.Generic.HashSet[string]]::new()
    foreach ($trx in Get-ChildItem $ResultsDirectory -Filter *.trx -ErrorAction SilentlyContinue) {
        # -LiteralPath: dotnet test names a second result file of the same second "...[1].trx", a wildcard otherwise.
        # A run whose filter matched nothing in an assembly writes a TRX without results.
        [xml]$document = Get-Content -LiteralPath $trx.FullName -Raw
        foreach ($result in $document.SelectNodes("//*[local-name()='UnitTestResult']")) {
            if ($result.outcome -eq 'Failed') {
                $parts = $result.testName.Split('(')[0].Split('.')
                if ($parts.Count -ge 2) { $null = $failedClasses.Add($parts[-2]) }
            }
        }
    }
    foreach ($log in Get-ChildItem $LogDirectory -Filter 'moto-xunit-*.log' -ErrorAction SilentlyContinue) {
        $class = $log.BaseName.Substring('moto-xunit-'.Length)
        if (-not $failedClasses.Contains($class)) { Remove-Item $log.FullName, "$($log.FullName).out" -Force -ErrorAction SilentlyContinue }
    }
}

function Test-SarifDocument {
    # True when the file is valid against the OASIS SARIF 2.1.0 schema shipped in tests/Support/schemas. The schema is
    # draft-04, which Test-Json (JsonSchema.Net) does not read; its keywords mean the same in draft-07.
    param([Parameter(Mandatory)][string] $Path)
    $schema = Get-Content (Join-Path $PSScriptRoot 'schemas/sarif-schema-2.1.0.json') -Raw | ConvertFrom-Json -AsHashtable
    $schema['$schema'] = 'http://json-schema.org/draft-07/schema#'
    $schema.Remove('id')
    Test-Json -Json (Get-Content $Path -Raw) -Schema ($schema | ConvertTo-Json -Depth 100) -ErrorAction Stop
}

Export-ModuleMember -Function Get-PythonCommand, Get-PwshInvocation, Invoke-Pwsh, Save-NuGetPackage, Get-FreeTcpPort, Start-MotoServer, Stop-MotoServer,
    Reset-MotoServer, Start-EnforcingMotoServer, ConvertTo-MotoIamAction, Get-IamPolicyAction, New-MotoIamUser, Start-FaultProxy, Get-FaultProxyStats, Stop-FaultProxy, Get-TestAwsParameter, Get-TestCredential, Set-ProcessEnvironmentVariable, Invoke-TestAwsCli, Invoke-MotoSeed, Remove-PassedMotoLogs, Test-SarifDocument
