# Get-WATagCompliance over an account of 5,000 and then 20,000 resources in moto (SQS, SNS, DynamoDB, EC2
# volumes, S3 buckets; one in ten never tagged), against a minimal boto3 loop that pages GetResources and
# checks the same four keys. The judged arm does the same work (-TaggingApiOnly); the WAOpsFull arm is the
# default scan, which also lists the kinds through their own services to find the never-tagged resources
# the baseline cannot see, and is reported beside it. Targets (issue 3): WAOps wall <= 1.0x the baseline;
# peak memory <= 250 MB; time at 20k <= 4.4x time at 5k. Seeding is not timed.
param($Context)

$credentials = Get-TestCredential
$environment = @{ AWS_ACCESS_KEY_ID = $credentials.AccessKey; AWS_SECRET_ACCESS_KEY = $credentials.SecretKey; AWS_EC2_METADATA_DISABLED = 'true' }
$script = Join-Path $Context.OutDirectory 'tag-compliance-arm.ps1'
$baselineArm = { param($state) @{ Command = @($Context.Python, (Join-Path $Context.BaselineRoot 'tag_compliance_boto3.py')); Environment = $environment + @{ WAOPS_BENCH_ENDPOINT = $state.Moto.Endpoint } } }.GetNewClosure()
$warmListing = { param($state) $arm = & $baselineArm $state; $null = & $Context.InvokeArm -Command $arm.Command -Environment $arm.Environment }.GetNewClosure()
# The arm reports as cheaply as the boto3 script does (a counter and json.dumps of three numbers): it takes the
# output with the verbose stream merged (4>&1), counts in a foreach loop, and builds the JSON by hand with plain
# .NET calls. Get-Content, Where-Object and ConvertTo-Json cost a cold pwsh ~0.15 s of start-up (JIT), and
# Measure-Object with the verbose stream redirected to a file ~0.07 s more: the harness's costs, not
# Get-WATagCompliance's. The arm holds the results it counts, so its peak memory includes them.
Set-Content -Path $script -Value @'
param([string] $Manifest, [string] $Endpoint, [switch] $Full)
Import-Module $Manifest
$output = Get-WATagCompliance -EndpointUrl $Endpoint -Region us-east-1 -TaggingApiOnly:(-not $Full) -Verbose 4>&1
$count = 0
$line = ''
foreach ($item in $output) {
    if ($item -isnot [System.Management.Automation.VerboseRecord]) { $count++ }
    elseif ($item.Message.StartsWith('AWS calls:')) { $line = $item.Message }
}
$calls = foreach ($match in [regex]::Matches($line, '([^(,]+?:[A-Za-z]+) (\d+)')) { '"{0}":{1}' -f $match.Groups[1].Value.Trim(), $match.Groups[2].Value }
$peak = [Math]::Round([System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB, 1)
'{{"NonCompliant":{0},"PeakMemoryMB":{1},"ApiCalls":{{{2}}}}}' -f $count, $peak.ToString([cultureinfo]::InvariantCulture), ($calls -join ',')
'@

@{
    Name        = 'TagCompliance'
    Description = 'Get-WATagCompliance -TaggingApiOnly (and the full scan) vs a boto3 GetResources loop'
    Target      = 'WAOps <= 1.0x baseline; peak memory <= 250 MB; 20k time <= 4.4x 5k time'
    Iterations  = 3
    SkipWarmUp  = $true
    Setup       = {
        $env:WAOPS_TEST_LOG_DIR = Join-Path $Context.OutDirectory 'logs'
        $moto = Start-MotoServer -Name 'bench-tags'
        [pscustomobject]@{ Moto = $moto; Seeded = 0 }
    }.GetNewClosure()
    # After seeding, one untimed GetResources listing: moto's first listing imports every service backend it
    # enumerates and was 1 to 2 s slower, a cost of whichever arm ran first (the scenario skips the warm-up runs,
    # which would repeat the 20 s full scan).
    Stages      = @(
        @{ Name = '5k'; Prepare = { param($state) $null = Invoke-MotoSeed -Server $state.Moto -Script 'tags.py' -ArgumentList 'bulk', '5000'; $state.Seeded = 5000; & $warmListing $state }.GetNewClosure() }
        @{ Name = '20k'; Prepare = { param($state) $null = Invoke-MotoSeed -Server $state.Moto -Script 'tags.py' -ArgumentList 'bulk', '15000', '5000'; $state.Seeded = 20000; & $warmListing $state }.GetNewClosure() }
    )
    WAOps       = { param($state) @{ Command = @($Context.Pwsh + @('-NoProfile', '-NonInteractive', '-File', $script, '-Manifest', $Context.ModuleManifest, '-Endpoint', $state.Moto.Endpoint)); Environment = $environment } }.GetNewClosure()
    ExtraArms   = @{
        WAOpsFull = { param($state) @{ Command = @($Context.Pwsh + @('-NoProfile', '-NonInteractive', '-File', $script, '-Manifest', $Context.ModuleManifest, '-Endpoint', $state.Moto.Endpoint, '-Full')); Environment = $environment } }.GetNewClosure()
    }
    Baseline    = $baselineArm
    Judge       = {
        param($stages)
        $small = $stages | Where-Object Stage -EQ '5k'
        $large = $stages | Where-Object Stage -EQ '20k'
        $scaling = [Math]::Round($large.WAOpsMedianMs / $small.WAOpsMedianMs, 2)
        $memory = ($stages | ForEach-Object { $_.WAOpsReport.PeakMemoryMB } | Measure-Object -Maximum).Maximum
        $ratio = $large.Ratio
        $verdict = "ratio at 20k $ratio (<= 1.0), peak $memory MB (<= 250), 20k/5k $scaling (<= 4.4)"
        if ($ratio -le 1.0 -and $memory -le 250 -and $scaling -le 4.4) { "met: $verdict" } else { "missed: $verdict" }
    }
    Teardown    = { param($state) $state.Moto | Stop-MotoServer }
}
