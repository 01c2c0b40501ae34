#Requires -Version 7.4
# The README's main-job command (./build.ps1 -Task Demo) end to end, without its build step: a moto server, the demo
# script in a fresh pwsh (as build.ps1 runs it) deploying the reference workload and running the five capabilities.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Moto = Start-MotoServer -Name 'Demo.Tests'
    $credential = Get-TestCredential
    $env:AWS_ACCESS_KEY_ID = $credential.AccessKey
    $env:AWS_SECRET_ACCESS_KEY = $credential.SecretKey
    $script:Output = @(Invoke-Pwsh -File (Join-Path $PSScriptRoot '../../runbooks/Invoke-WADemo.ps1') -NoThrow -ArgumentList @(
            '-ModuleManifest', $env:WAOPS_MODULE_MANIFEST, '-EndpointUrl', $script:Moto.Endpoint, '-Region', 'us-east-1', '-DeployReferenceWorkload') 2>&1)
    $script:ExitCode = $LASTEXITCODE
    $script:Text = ($script:Output | ForEach-Object { "$_" }) -join "`n"
    function script:Get-Section([string] $Heading) {
        # The lines between a "== <Heading>" line and the next "== " line.
        $start = $script:Text.IndexOf("== $Heading")
        if ($start -lt 0) { return '' }
        $end = $script:Text.IndexOf("`n== ", $start + 3)
        if ($end -lt 0) { $end = $script:Text.Length }
        $script:Text.Substring($start, $end - $start)
    }
}

AfterAll {
    $script:Moto | Stop-MotoServer
    Remove-Item Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY -ErrorAction SilentlyContinue
}

Describe 'The demo (runbooks/Invoke-WADemo.ps1 -DeployReferenceWorkload)' {
    It 'runs every step and exits 0' {
        $script:ExitCode | Should -Be 0 -Because $script:Text
        $script:Text | Should -Match 'Every capability ran\.'
        # A step's error or failure is printed as an indented "! ..." line.
        $script:Text | Should -Not -Match '(?m)^\s+! '
    }

    It 'deploys the reference workload through moto CloudFormation' {
        Get-Section 'Deploying the reference workload' | Should -Match 'Stack checkout-prod: CREATE_COMPLETE, \d+ resources'
        $stack = Invoke-TestAwsCli -Server $script:Moto -Arguments @('cloudformation', 'describe-stacks', '--stack-name', 'checkout-prod')
        $stack.Stacks[0].StackStatus | Should -Be 'CREATE_COMPLETE'
    }

    It 'shows the deliberate violations among the quality gate findings, and the failed verdict' {
        $section = Get-Section '1. Quality gates'
        foreach ($rule in 'rds-instance-multi-az', 'elb-listener-tls', 's3-bucket-secure-transport', 'tags-required') {
            $section | Should -Match $rule -Because "the reference workload breaks $rule on purpose"
        }
        $section | Should -Match 'Verdict: Quality gate FAILED'
    }

    It 'shows the project''s resources missing tags (the order queue has no CostCenter)' {
        Get-Section '2. Tag compliance' | Should -Match 'sqs:queue\s+checkout-orders\s+\{CostCenter\}'
    }

    It 'creates the dashboard and recommended alarms, and they exist in the account afterwards' {
        $section = Get-Section '3. Dashboard'
        $section | Should -Match 'Created Dashboard\s+checkout-prod'
        $section | Should -Match 'Created Alarm\s+WAOps-checkout-prod-rds-checkout-db-CPUUtilization'
        @((Invoke-TestAwsCli -Server $script:Moto -Arguments @('cloudwatch', 'list-dashboards')).DashboardEntries.DashboardName) | Should -Contain 'checkout-prod'
    }

    It 'creates the project budget with its four alerts and reads it back' {
        $section = Get-Section '4. Budget alerts'
        $section | Should -Match 'Created\s+Budget\s+Project-checkout'
        $section | Should -Match 'Project-checkout\s+1450\.00\s+Monthly'
    }

    It 'reports the dev team''s idle leftovers without touching them' {
        $section = Get-Section '5. Idle cleanup'
        foreach ($criterion in 'LowUtilizationInstance', 'UnattachedVolume', 'UnassociatedElasticIp') { $section | Should -Match $criterion }
        $section | Should -Match '3 idle: 3 reported, 0 marked'
        $volumes = (Invoke-TestAwsCli -Server $script:Moto -Arguments @('ec2', 'describe-volumes', '--filters', 'Name=tag:Environment,Values=dev')).Volumes
        @($volumes).Count | Should -Be 1
    }

    It 'never prints the secret key' {
        $script:Text | Should -Not -Match ([regex]::Escape((Get-TestCredential).SecretKey))
    }
}
