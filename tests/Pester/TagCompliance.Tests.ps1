#Requires -Version 7.4
# Get-WATagCompliance and Repair-WATagCompliance against moto seeded with a mix of tagged and never-tagged
# resources in two regions; state is read back with the AWS CLI.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Moto = Start-MotoServer -Name 'TagCompliance.Tests'
    $script:Aws = Get-TestAwsParameter -Server $script:Moto
    $script:Arns = Invoke-MotoSeed -Server $script:Moto -Script 'tags.py' -ArgumentList 'mix'
    # The kinds the seed made; moto's default VPC, subnets, security group and AMI snapshots are left out.
    $script:Seeded = 'rds', 'dynamodb', 'sqs', 'sns', 's3', 'elasticfilesystem', 'ec2:volume'

    function Get-RdsTags([string] $Arn, [string] $Region) {
        $tags = @{}
        (Invoke-TestAwsCli -Server $script:Moto -Region $Region -Arguments 'rds', 'list-tags-for-resource', '--resource-name', $Arn).TagList |
            ForEach-Object { $tags[$_.Key] = $_.Value }
        $tags
    }
}

AfterAll {
    $script:Moto | Stop-MotoServer
}

Describe 'Get-WATagCompliance' {
    BeforeAll {
        $script:Results = @(Get-WATagCompliance @script:Aws -Region us-east-1, eu-west-1 -ResourceType $script:Seeded -IncludeCompliant `
            -AllowedValue @{ Environment = 'dev', 'staging', 'prod' })
        $script:ByArn = @{}
        $script:Results | ForEach-Object { $script:ByArn[$_.ResourceArn] = $_ }
    }

    It 'reports each resource once, in both regions' {
        $script:Results.Count | Should -Be (@($script:Results.ResourceArn | Sort-Object -Unique)).Count
        ($script:Results.Region | Sort-Object -Unique) | Should -Be @('eu-west-1', 'us-east-1')
    }

    It 'finds resources that were never tagged through their own services' {
        foreach ($name in 'untagged-volume-us-east-1', 'untagged-topic-eu-west-1', 'untagged-bucket', 'untagged-eu-bucket') {
            $result = $script:ByArn[$script:Arns.$name]
            $result | Should -Not -BeNullOrEmpty -Because $name
            "$($result.DiscoveredBy)" | Should -Be 'ServiceApi'
            @($result.MissingKeys) | Should -Be @('Environment', 'Project', 'Team', 'CostCenter')
        }
        $script:ByArn[$script:Arns.'untagged-eu-bucket'].Region | Should -Be 'eu-west-1'
    }

    It 'reports a mis-cased key as mis-cased, not only as missing' {
        $result = $script:ByArn[$script:Arns.'miscased-us-east-1']
        $result.Compliant | Should -BeFalse
        @($result.MisCasedKeys) | Should -Be @('environment->Environment')
        @($result.MissingKeys) | Should -Be @('CostCenter')
        "$($result.DiscoveredBy)" | Should -Be 'TaggingApi'
    }

    It 'reports missing keys and disallowed values' {
        @($script:ByArn[$script:Arns.'missing-eu-west-1'].MissingKeys) | Should -Be @('Team', 'CostCenter')
        @($script:ByArn[$script:Arns.'badvalue-us-east-1'].InvalidValues) | Should -Be @('Environment=Prod')
    }

    It 'marks fully tagged resources compliant and leaves them out without -IncludeCompliant' {
        $script:ByArn[$script:Arns.'compliant-eu-west-1'].Compliant | Should -BeTrue
        $nonCompliant = @(Get-WATagCompliance @script:Aws -Region eu-west-1 -ResourceType rds)
        $nonCompliant.ResourceArn | Should -Not -Contain $script:Arns.'compliant-eu-west-1'
        $nonCompliant.ResourceArn | Should -Contain $script:Arns.'miscased-eu-west-1'
    }

    It 'summarises per resource type and per key' {
        $summary = @(Get-WATagCompliance @script:Aws -Region us-east-1 -ResourceType rds, dynamodb -Summary)
        $total = $summary | Where-Object { "$($_.Dimension)" -eq 'Total' }
        $total.Resources | Should -Be 3
        $total.Compliant | Should -Be 1
        $total.CompliancePercent | Should -Be 33.3
        ($summary | Where-Object { "$($_.Dimension)" -eq 'TagKey' }).Name | Should -Be @('Environment', 'Project', 'Team', 'CostCenter')
        ($summary | Where-Object Name -EQ 'rds:db').Resources | Should -Be 2
        ($summary | Out-String) | Should -Match '33\.3%'
    }

    It 'gives a usable CSV report' {
        $path = Join-Path $TestDrive 'report.csv'
        $script:Results | Export-Csv $path -NoTypeInformation
        $rows = Import-Csv $path
        $row = $rows | Where-Object ResourceArn -EQ $script:Arns.'missing-eu-west-1'
        $row.MissingKeys | Should -Be 'Team; CostCenter'
        $row.Tags | Should -Match 'Environment=dev'
        (Get-Content $path -Raw) | Should -Not -Match 'System\.'
    }

    It 'reads the policy from a YAML file' {
        $policy = Join-Path $TestDrive 'policy.yaml'
        Set-Content $policy "requiredTags: [Project]`nallowedValues:`n  Project: [shop]`n"
        $results = @(Get-WATagCompliance @script:Aws -Region us-east-1 -ResourceType rds, sqs -TagPolicyPath $policy -IncludeCompliant)
        ($results | Where-Object ResourceArn -EQ $script:Arns.'miscased-us-east-1').Compliant | Should -BeTrue
    }

    It 'writes a debug line per AWS call when -Debug or $DebugPreference asks for it, and none otherwise' {
        # The cmdlet decides once whether debug output is shown and builds no per-call line when it is not; this
        # holds that decision to PowerShell's own: -Debug, -Debug:$false over the preference, the preference alone.
        function Get-CallLines([scriptblock] $Run) {
            @(& $Run 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -match 'GetResources \(us-east-1\) attempt 1: HTTP 200' })
        }
        $scan = @{ ResourceType = 'rds'; TaggingApiOnly = $true }
        # -Verbose too: with -Debug alone PowerShell makes a compiled cmdlet's verbose preference Inquire (a prompt).
        @(Get-CallLines { Get-WATagCompliance @script:Aws @scan -Debug -Verbose 4>$null }).Count | Should -BeGreaterThan 0
        @(Get-CallLines { $DebugPreference = 'Continue'; Get-WATagCompliance @script:Aws @scan }).Count | Should -BeGreaterThan 0
        @(Get-CallLines { $DebugPreference = 'Continue'; Get-WATagCompliance @script:Aws @scan -Debug:$false }).Count | Should -Be 0
        @(Get-CallLines { $DebugPreference = 'SilentlyContinue'; Get-WATagCompliance @script:Aws @scan }).Count | Should -Be 0
    }

    It 'narrows to resources with a tag through -TagFilter' {
        $results = @(Get-WATagCompliance @script:Aws -Region us-east-1 -TagFilter @{ Project = 'shop' } -IncludeCompliant)
        $results | Should -Not -BeNullOrEmpty
        $results | ForEach-Object { $_.Tags['Project'] | Should -Be 'shop' }
    }
}

Describe 'Get-WATagCompliance bad input' {
    It 'refuses <Name>' -ForEach @(
        @{ Name = 'an empty required key list'; Arguments = @{ RequiredTag = @() }; ErrorId = 'EmptyRequiredTagList'; Category = 'InvalidArgument' }
        @{ Name = 'allowed values for a key that is not required'; Arguments = @{ RequiredTag = 'Project'; AllowedValue = @{ Owner = 'x' } }; ErrorId = 'AllowedValueForUnrequiredKey'; Category = 'InvalidArgument' }
        @{ Name = 'a reserved aws: key'; Arguments = @{ RequiredTag = 'aws:foo' }; ErrorId = 'InvalidTagKey'; Category = 'InvalidArgument' }
        @{ Name = 'a missing policy file'; Arguments = @{ TagPolicyPath = '/nonexistent/policy.yaml' }; ErrorId = 'TagPolicyFileNotFound'; Category = 'ObjectNotFound' }
        @{ Name = 'an unknown region'; Arguments = @{ Region = 'xx-nowhere-9' }; ErrorId = 'UnknownRegion'; Category = 'InvalidArgument' }
        @{ Name = '-Region with -AllRegions'; Arguments = @{ Region = 'us-east-1'; AllRegions = $true }; ErrorId = 'ConflictingParameters'; Category = 'InvalidArgument' }
        @{ Name = 'a malformed resource type'; Arguments = @{ ResourceType = 'EC2 Instances' }; ErrorId = 'InvalidResourceTypeFilter'; Category = 'InvalidArgument' }
        @{ Name = 'too many tag filter values'; Arguments = @{ TagFilter = @{ Project = 1..21 } }; ErrorId = 'InvalidTagFilter'; Category = 'InvalidArgument' }
    ) {
        $aws = Get-TestAwsParameter -Server $script:Moto
        if ($Arguments.ContainsKey('Region')) { $aws.Remove('Region') }
        $error = { Get-WATagCompliance @aws @Arguments -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,*" -PassThru
        "$($error.CategoryInfo.Category)" | Should -Be $Category
    }

    It 'refuses an invalid policy file, naming the line' {
        $policy = Join-Path $TestDrive 'broken.yaml'
        Set-Content $policy "requiredTags: [Environment`nallowedValues: {"
        $error = { Get-WATagCompliance @script:Aws -TagPolicyPath $policy -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTagPolicyFile,*' -PassThru
        $error.Exception.Message | Should -Match 'line'
    }

    It 'refuses a policy file together with inline required tags' {
        { Get-WATagCompliance @script:Aws -TagPolicyPath ./x.yaml -RequiredTag Project -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet,*'
    }
}

Describe 'Repair-WATagCompliance' {
    It 'changes nothing under -WhatIf' {
        $arn = $script:Arns.'miscased-eu-west-1'
        $before = Get-RdsTags $arn 'eu-west-1'
        $results = @(Get-WATagCompliance @script:Aws -Region eu-west-1 -ResourceType rds | Repair-WATagCompliance @script:Aws -Tag @{ CostCenter = 'CC-7' } -FixKeyCase -WhatIf)
        $results | Should -BeNullOrEmpty
        (Get-RdsTags $arn 'eu-west-1') | ConvertTo-Json -Compress | Should -Be ($before | ConvertTo-Json -Compress)
    }

    It 'adds missing keys and renames mis-cased keys, and a second run changes nothing' {
        $arn = $script:Arns.'miscased-eu-west-1'
        $table = $script:Arns.'missing-eu-west-1'
        $first = @(Get-WATagCompliance @script:Aws -Region eu-west-1 -ResourceType rds, dynamodb |
            Repair-WATagCompliance @script:Aws -Tag @{ CostCenter = 'CC-7'; Team = 'data' } -FixKeyCase -Confirm:$false)
        ($first | Where-Object Target -EQ $arn).Outcome | Should -Be 'Updated'
        ($first | Where-Object Target -EQ $table).Outcome | Should -Be 'Updated'

        $tags = Get-RdsTags $arn 'eu-west-1'
        $tags['Environment'] | Should -Be 'dev'
        $tags['CostCenter'] | Should -Be 'CC-7'
        # PowerShell hashtables ignore case, so the keys are compared case-sensitively.
        $tags.Keys -ccontains 'environment' | Should -BeFalse
        $tags.Keys -ccontains 'Environment' | Should -BeTrue
        $dynamo = (Invoke-TestAwsCli -Server $script:Moto -Region eu-west-1 -Arguments 'dynamodb', 'list-tags-of-resource', '--resource-arn', $table).Tags
        ($dynamo | Where-Object Key -EQ 'Team').Value | Should -Be 'data'

        $second = @($arn, $table | Repair-WATagCompliance @script:Aws -Tag @{ CostCenter = 'CC-7'; Team = 'data' } -FixKeyCase -Confirm:$false)
        $second.Count | Should -Be 2
        $second.Outcome | Sort-Object -Unique | Should -Be 'Unchanged'
        @(Get-WATagCompliance @script:Aws -Region eu-west-1 -ResourceType rds, dynamodb | ForEach-Object ResourceArn) | Should -Not -Contain $arn
    }

    It 'never overwrites an existing value unless asked' {
        $arn = $script:Arns.'compliant-us-east-1'
        $result = $arn | Repair-WATagCompliance @script:Aws -Tag @{ CostCenter = 'CC-OTHER' } -Confirm:$false
        "$($result.Outcome)" | Should -Be 'Unchanged'
        $result.Reason | Should -Match '-Overwrite'
        (Get-RdsTags $arn 'us-east-1')['CostCenter'] | Should -Be 'CC-1'
        $result = $arn | Repair-WATagCompliance @script:Aws -Tag @{ CostCenter = 'CC-OTHER' } -Overwrite -Confirm:$false
        "$($result.Outcome)" | Should -Be 'Updated'
        (Get-RdsTags $arn 'us-east-1')['CostCenter'] | Should -Be 'CC-OTHER'
    }

    It 'reports a resource the service refuses as a per-item failure and goes on' {
        # moto 5.2.1 tags SQS queues only through SQS itself (TagResources: 404 "Service not yet supported");
        # AWS would tag it. That refusal stands in here for any per-ARN failure.
        $queue = $script:Arns.'badvalue-us-east-1'
        $table = $script:Arns.'missing-us-east-1'
        $results = @($queue, $table | Repair-WATagCompliance @script:Aws -Tag @{ Owner = 'ops' } -RequiredTag Owner -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue)
        ($results | Where-Object Target -EQ $queue).Outcome | Should -Be 'Failed'
        ($results | Where-Object Target -EQ $table).Outcome | Should -Be 'Updated'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TagRepairFailed,*'
        $failures[0].TargetObject | Should -Be $queue
    }

    It 'refuses to run with nothing to do, or a malformed ARN, before changing anything' {
        { 'arn:aws:rds:us-east-1:123456789012:db:x' | Repair-WATagCompliance @script:Aws -ErrorAction Stop } | Should -Throw -ErrorId 'NothingToRepair,*'
        { 'not-an-arn' | Repair-WATagCompliance @script:Aws -Tag @{ A = 'b' } -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidResourceArn,*'
        { 'arn:aws:rds:us-east-1:123456789012:db:x' | Repair-WATagCompliance @script:Aws -Tag @{ 'aws:x' = 'b' } -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTagKey,*'
    }
}

Describe 'Repair-WATagCompliance under IAM enforcement' {
    BeforeAll {
        $script:Enforcing = Start-EnforcingMotoServer -Name 'TagCompliance.Tests.iam'
        $script:IamArns = Invoke-MotoSeed -Server $script:Enforcing -Script 'tags.py' -ArgumentList 'mix' -AsAdmin
        $script:Limited = New-MotoIamUser -Server $script:Enforcing -Name 'tagger' -Action 'tag:GetResources', 'tag:TagResources', 'sts:GetCallerIdentity'
    }

    AfterAll {
        $script:Enforcing | Stop-MotoServer
    }

    It 'reports the resource it may not fully repair and repairs the others' {
        $renamed = $script:IamArns.'miscased-us-east-1'
        $added = $script:IamArns.'missing-us-east-1'
        # The rename needs UntagResources, which the caller is not allowed; the add needs only TagResources.
        $results = @($renamed, $added | Repair-WATagCompliance @script:Limited -Tag @{ Team = 'ops' } -FixKeyCase -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue)
        ($results | Where-Object Target -EQ $added).Outcome | Should -Be 'Updated'
        $failed = $results | Where-Object Target -EQ $renamed
        "$($failed.Outcome)" | Should -Be 'Failed'
        $failed.ErrorId | Should -Be 'AccessDenied'
        $failed.Error | Should -Match 'could not be removed'
        $failures.Count | Should -Be 1
        "$($failures[0].CategoryInfo.Category)" | Should -Be 'PermissionDenied'
    }
    It 'scans and repairs on temporary credentials from the environment (an assumed role, as in SSM Automation)' {
        $role = Invoke-MotoSeed -Server $script:Enforcing -Script 'foundation.py' -ArgumentList 'assumed-role', 'automation', $script:Enforcing.AdminKey, $script:Enforcing.AdminSecret
        $saved = @{}
        foreach ($name in 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN') { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        try {
            $env:AWS_ACCESS_KEY_ID = $role.AccessKeyId
            $env:AWS_SECRET_ACCESS_KEY = $role.SecretAccessKey
            $env:AWS_SESSION_TOKEN = $role.SessionToken
            $found = @(Get-WATagCompliance -EndpointUrl $script:Enforcing.Endpoint -Region us-east-1 -TaggingApiOnly -ErrorAction Stop)
            $found.ResourceArn | Should -Contain $script:IamArns.'missing-us-east-1'
            $repaired = $script:IamArns.'missing-us-east-1' | Repair-WATagCompliance -EndpointUrl $script:Enforcing.Endpoint -Region us-east-1 -Tag @{ CostCenter = 'CC-7' } -Confirm:$false -ErrorAction Stop
            $repaired.Outcome | Should -Be 'Updated'

            # moto checks the token as AWS does: another one is refused, and never shown.
            $env:AWS_SESSION_TOKEN = $role.SessionToken + 'x'
            $thrown = { Get-WATagCompliance -EndpointUrl $script:Enforcing.Endpoint -Region us-east-1 -TaggingApiOnly -ErrorAction Stop } | Should -Throw -PassThru
            $thrown.Exception.Message | Should -Match 'InvalidClientTokenId'
            $thrown.Exception.Message | Should -Not -Match ([regex]::Escape($role.SessionToken))
        }
        finally {
            foreach ($name in $saved.Keys) { Set-ProcessEnvironmentVariable $name $saved[$name] }
        }
    }
}
