# New-WADashboard -IncludeAlarms on 1,000 tagged resources (350 SQS queues, 250 SNS topics, 250 DynamoDB tables, 150 Lambda
# functions, seeded once with boto3 and not timed), then the same command again, against a boto3 script doing the same work
# (tests/Benchmarks/baselines/dashboards.py). Before every run, warm-ups included, all alarms and dashboards are deleted
# (BeforeRun), so each arm's first command creates everything and its second must write nothing. Each arm reports its AWS
# calls. AfterRun resets too and SkipWarmUp asks for no warm-up, so the scenario stays right under a harness that has
# those hooks but not BeforeRun.
# Target (issue 5): dashboards and alarms planned and applied for 1,000 resources; the re-run makes no write call.
param($Context)

$repository = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
$arm = Join-Path $PSScriptRoot '../arms/New-WADashboard.ps1'
$baseline = Join-Path $Context.BaselineRoot 'dashboards.py'
$catalog = Join-Path $repository 'src/WAOps.Engine/Alarms/recommended-alarms.csv'
$pwsh = $Context.Pwsh
$python = $Context.Python
$manifest = $Context.ModuleManifest
$region = 'eu-west-1'
$credentials = Get-TestCredential
$environment = @{
    AWS_ACCESS_KEY_ID = $credentials.AccessKey; AWS_SECRET_ACCESS_KEY = $credentials.SecretKey; AWS_EC2_METADATA_DISABLED = 'true'
    AWS_DEFAULT_REGION = $region; AWS_REGION = $region
}

@{
    Name        = 'Dashboard'
    Description = 'New-WADashboard -IncludeAlarms on 1,000 tagged resources, then again, vs a boto3 script doing the same'
    Target      = 'the re-run makes no write call'
    Iterations  = 3
    Setup       = {
        $moto = Start-MotoServer -Name 'bench-dashboard'
        Write-Host '  seeding 1,000 tagged resources (not timed)...'
        $counts = Invoke-MotoSeed -Server $moto -Script 'dashboards.py' -ArgumentList 'bulk', '--project', 'bench', '--environment', 'perf', '--count', '1000' -Region $region
        Write-Host "  seeded: $($counts | ConvertTo-Json -Compress)"
        [pscustomobject]@{ Moto = $moto }
    }.GetNewClosure()
    BeforeRun   = { param($state, $name) $null = Invoke-MotoSeed -Server $state.Moto -Script 'dashboards.py' -ArgumentList 'reset-monitoring' -Region $region }.GetNewClosure()
    AfterRun    = { param($state, $name) $null = Invoke-MotoSeed -Server $state.Moto -Script 'dashboards.py' -ArgumentList 'reset-monitoring' -Region $region }.GetNewClosure()
    SkipWarmUp  = $true
    WAOps       = {
        param($state)
        @{
            Command     = @($pwsh + @('-NoProfile', '-NonInteractive', '-File', $arm, '-ModuleManifest', $manifest, '-EndpointUrl', $state.Moto.Endpoint,
                    '-Region', $region, '-Project', 'bench', '-Environment', 'perf'))
            Environment = $environment
        }
    }.GetNewClosure()
    Baseline    = {
        param($state)
        @{
            Command     = @($python, $baseline, '--project', 'bench', '--environment', 'perf', '--csv', $catalog)
            Environment = $environment + @{ WAOPS_SEED_ENDPOINT = $state.Moto.Endpoint; WAOPS_SEED_REGION = $region }
        }
    }.GetNewClosure()
    Judge       = {
        param($r)
        $writes = $r.WAOpsReport.Extra.RerunWrites
        if ($null -ne $writes -and $writes -eq 0) { "met (re-run: 0 write calls)" } else { "missed (re-run: $writes write calls)" }
    }
    Teardown    = { param($state) $state.Moto | Stop-MotoServer }
}
