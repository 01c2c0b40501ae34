#Requires -Version 7.4
# Test-WAQualityGate against moto seeded (tests/Support/seed/gates.py) with, for every gate, resources that pass and
# resources that fail; a second account reached through AssumeRole; reports validated against the SARIF and JUnit schemas.
# moto 5.2.1 deviations met here are named where they are met.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Moto = Start-MotoServer -Name 'QualityGate.Tests'
    $script:Aws = Get-TestAwsParameter -Server $script:Moto
    $script:Ids = Invoke-MotoSeed -Server $script:Moto -Script 'gates.py' -ArgumentList 'account'
    $script:Second = Invoke-MotoSeed -Server $script:Moto -Script 'gates.py' -ArgumentList 'second', '222222222222'
    $script:SchemaDirectory = Join-Path $PSScriptRoot '../Support/schemas'
    $today = [DateTime]::UtcNow.Date
    $script:WaiverFile = Join-Path $TestDrive 'waivers.yaml'
    Set-Content $script:WaiverFile @"
waivers:
  - rule: s3-bucket-secure-transport
    resource: "arn:aws:s3:::shop-*"
    reason: Appliances upload over HTTP until their firmware update
    owner: storage-team@example.com
    expires: $($today.AddDays(30).ToString('yyyy-MM-dd'))
  - rule: ebs-volume-encrypted
    resource: $($script:Ids.'vol-plain')
    reason: Was being migrated
    owner: storage-team@example.com
    expires: $($today.AddDays(-1).ToString('yyyy-MM-dd'))
  - rule: iam-*
    resource: gone-policy
    reason: Removed last quarter
    owner: security@example.com
    expires: $($today.AddDays(10).ToString('yyyy-MM-dd'))
"@

    $script:Output = @(Test-WAQualityGate @script:Aws -Region us-east-1, eu-west-1 -IncludePassed)
    $script:Summary = $script:Output[-1]
    $script:Findings = @($script:Output | Select-Object -SkipLast 1)

    function Get-Finding([string] $Rule, [string] $Name, [object[]] $From = $script:Findings) {
        # The summary (last object) has no RuleId: only findings are searched.
        $found = @($From | Where-Object { $_.PSObject.TypeNames[0] -eq 'WAOps.GateFinding' } |
            Where-Object { $_.RuleId -eq $Rule -and ($_.Name -eq $Name -or $_.ResourceId -eq $Name -or $_.ResourceArn -eq $Name) })
        if ($found.Count -ne 1) { throw "Expected one $Rule finding for $Name, found $($found.Count)." }
        $found[0]
    }

    function Test-JUnitDocument([string] $Path) {
        $schemas = [System.Xml.Schema.XmlSchemaSet]::new()
        $null = $schemas.Add($null, (Join-Path $script:SchemaDirectory 'junit.xsd'))
        $settings = [System.Xml.XmlReaderSettings]::new()
        $settings.ValidationType = [System.Xml.ValidationType]::Schema
        $settings.Schemas = $schemas
        $problems = [System.Collections.Generic.List[string]]::new()
        $settings.add_ValidationEventHandler({ param($sender, $e) $problems.Add("line $($e.Exception.LineNumber): $($e.Message)") })
        $reader = [System.Xml.XmlReader]::Create($Path, $settings)
        try { while ($reader.Read()) { } } finally { $reader.Dispose() }
        $problems
    }
}

AfterAll {
    $script:Moto | Stop-MotoServer
}

Describe 'Test-WAQualityGate output' {
    It 'writes findings, then the summary last' {
        $script:Findings | Should -Not -BeNullOrEmpty
        $script:Findings | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'WAOps.GateFinding' }
        $script:Summary.PSObject.TypeNames[0] | Should -Be 'WAOps.GateSummary'
        $script:Summary.Passed | Should -BeFalse
        $script:Summary.RuleSet | Should -Be 'waops-2026.12'
        $script:Summary.Rules | Should -Be 33
        $script:Summary.Findings | Should -Be $script:Findings.Count
        @($script:Summary.Regions) | Should -Be @('eu-west-1', 'us-east-1')
        @($script:Summary.Accounts) | Should -Be @('123456789012')
    }

    It 'judges every resource of a rule at most once per part' {
        $keys = $script:Findings | ForEach-Object { "$($_.RuleId)|$($_.ResourceArn)|$($_.Detail)" }
        @($keys | Sort-Object -Unique).Count | Should -Be $keys.Count
    }

    It 'leaves out what passed unless -IncludePassed' {
        $default = @(Test-WAQualityGate @script:Aws -Rule rds-*)
        ($default | Select-Object -SkipLast 1).Status | Sort-Object -Unique | Should -Not -Contain 'Pass'
        ($default | Select-Object -SkipLast 1).Status | Sort-Object -Unique | Should -Not -Contain 'NotApplicable'
        $default[-1].Pass | Should -BeGreaterThan 0
    }

    It 'has readable default views' {
        $table = Get-Finding 'rds-instance-multi-az' 'orders-prod' | Format-Table | Out-String -Width 200
        $table | Should -Match 'Status\s+Severity\s+RuleId\s+Resource\s+Region\s+Reason'
        $table | Should -Match 'orders-prod'
        ($script:Summary | Out-String) | Should -Match 'Verdict\s+: FAILED'
        ($script:Summary.ByRule | Out-String -Width 200) | Should -Match '1 MultiAz\s+rds-instance-multi-az'
    }
}

Describe 'Gate 1: Multi-AZ for production stateful services' {
    It 'fails a single-AZ production instance and passes a Multi-AZ one' {
        (Get-Finding 'rds-instance-multi-az' 'orders-prod').Status | Should -Be 'Fail'
        (Get-Finding 'rds-instance-multi-az' 'orders-prod').Reason | Should -Be 'MultiAZ=false: single instance in us-east-1a'
        (Get-Finding 'rds-instance-multi-az' 'ledger-prod').Status | Should -Be 'Pass'
    }

    It 'applies to production only unless -AllEnvironments' {
        (Get-Finding 'rds-instance-multi-az' 'reports-dev').Status | Should -Be 'NotApplicable'
        (Get-Finding 'rds-instance-multi-az' 'reports-dev').Reason | Should -Match '^Environment=dev: required in production only'
        $all = @(Test-WAQualityGate @script:Aws -Rule rds-instance-multi-az -AllEnvironments)
        (Get-Finding 'rds-instance-multi-az' 'reports-dev' -From $all).Status | Should -Be 'Fail'
    }

    It 'judges Aurora by its cluster, never by its instances' {
        # Every Aurora instance reports MultiAZ=false, in AWS and in moto.
        (Get-Finding 'rds-instance-multi-az' 'aurora-prod-1').Status | Should -Be 'NotApplicable'
        (Get-Finding 'rds-instance-multi-az' 'aurora-prod-1').Reason | Should -Match 'judged on the cluster'
        (Get-Finding 'rds-cluster-multi-az' 'aurora-prod').Status | Should -Be 'Pass'
        (Get-Finding 'rds-cluster-multi-az' 'aurora-single').Status | Should -Be 'Fail'
        (Get-Finding 'rds-cluster-multi-az' 'aurora-single').Reason | Should -Be 'MultiAZ=false: 1 instance(s) all in us-east-1a'
    }

    It 'needs Multi-AZ and automatic failover on ElastiCache replication groups' {
        # moto ignores NumCacheClusters (one node per group) but keeps the MultiAZ and AutomaticFailover settings.
        (Get-Finding 'elasticache-multi-az' 'sessions-prod').Reason | Should -Be 'MultiAZ=enabled, AutomaticFailover=enabled'
        (Get-Finding 'elasticache-multi-az' 'queue-prod').Status | Should -Be 'Fail'
        (Get-Finding 'elasticache-multi-az' 'queue-prod').Reason | Should -Be 'MultiAZ=disabled, AutomaticFailover=disabled'
    }

    It 'needs regional EFS with mount targets in several zones' {
        (Get-Finding 'efs-multi-az' 'shared').Reason | Should -Be 'regional, mount targets in 2 AZs (us-east-1a, us-east-1b)'
        (Get-Finding 'efs-multi-az' 'scratch').Reason | Should -Be 'One Zone file system in us-east-1a'
    }
}

Describe 'Gate 2: no public subnets for compute or databases' {
    It 'finds a subnet public through the VPC main route table' {
        $finding = Get-Finding 'ec2-instance-private-subnet' 'web-public'
        $finding.Status | Should -Be 'Fail'
        $finding.Reason | Should -Match ([regex]::Escape("$($script:Ids.'subnet-public-main') is public: 0.0.0.0/0 -> igw-"))
        $finding.Reason | Should -Match ([regex]::Escape("in $($script:Ids.'rtb-main') (the VPC's main route table)"))
    }

    It 'keeps a subnet private through its explicit route table, and NAT or egress-only routes do not make it public' {
        (Get-Finding 'ec2-instance-private-subnet' 'app-a').Reason | Should -Be "$($script:Ids.'subnet-private-a') is private: $($script:Ids.'rtb-private-a') has no default route to an internet gateway"
        (Get-Finding 'ec2-instance-private-subnet' 'app-b').Status | Should -Be 'Pass'
    }

    It 'fails public IPs, publicly accessible databases, public subnets in subnet groups and auto-assigned public IPs' {
        (Get-Finding 'ec2-instance-no-public-ip' 'web-public').Reason | Should -Match '^public IP \d+\.\d+\.\d+\.\d+$'
        (Get-Finding 'ec2-instance-no-public-ip' 'app-a').Status | Should -Be 'Pass'
        (Get-Finding 'rds-not-publicly-accessible' 'ledger-prod').Status | Should -Be 'Fail'
        (Get-Finding 'rds-not-publicly-accessible' 'orders-prod').Status | Should -Be 'Pass'
        (Get-Finding 'rds-private-subnets' 'ledger-prod').Reason | Should -Match "^1 of 2 subnets of its subnet group are public: $($script:Ids.'subnet-public-main') is public"
        (Get-Finding 'rds-private-subnets' 'orders-prod').Status | Should -Be 'Pass'
        (Get-Finding 'subnet-no-auto-public-ip' 'subnet-public-explicit').Status | Should -Be 'Fail'
        (Get-Finding 'subnet-no-auto-public-ip' 'subnet-private-a').Status | Should -Be 'Pass'
    }

    It 'reports ElastiCache subnets as unknown where moto does not list the nodes of a replication group' {
        # moto deviation: DescribeCacheClusters does not list replication group nodes, so their cache subnet group is not known.
        (Get-Finding 'elasticache-private-subnets' 'sessions-prod').Status | Should -Be 'Unknown'
        (Get-Finding 'elasticache-private-subnets' 'sessions-prod').Reason | Should -Match 'DescribeCacheClusters listed none of its nodes'
    }
}

Describe 'Gate 3: encryption at rest and in transit' {
    It 'judges volumes and the per-region EBS default' {
        (Get-Finding 'ebs-volume-encrypted' $script:Ids.'vol-plain').Status | Should -Be 'Fail'
        (Get-Finding 'ebs-volume-encrypted' $script:Ids.'vol-encrypted').Status | Should -Be 'Pass'
        (Get-Finding 'ebs-default-encryption' 'us-east-1').Status | Should -Be 'Pass'
        (Get-Finding 'ebs-default-encryption' 'eu-west-1').Reason | Should -Be 'EbsEncryptionByDefault=false in eu-west-1'
    }

    It 'judges RDS, EFS and ElastiCache encryption' {
        (Get-Finding 'rds-storage-encrypted' 'reports-dev').Status | Should -Be 'Fail'
        (Get-Finding 'rds-storage-encrypted' 'orders-prod').Status | Should -Be 'Pass'
        (Get-Finding 'rds-storage-encrypted' 'aurora-prod').Status | Should -Be 'Pass'
        (Get-Finding 'efs-encrypted' 'scratch').Status | Should -Be 'Fail'
        (Get-Finding 'elasticache-encrypted-at-rest' 'queue-prod').Status | Should -Be 'Fail'
        (Get-Finding 'elasticache-encrypted-in-transit' 'sessions-prod').Status | Should -Be 'Pass'
    }

    It 'needs TLS 1.2+ policies on HTTPS listeners and a redirect on HTTP ones' {
        (Get-Finding 'elb-listener-tls' $script:Ids.'listener-https-tls13').Reason | Should -Be 'HTTPS:443 with ELBSecurityPolicy-TLS13-1-2-2021-06'
        (Get-Finding 'elb-listener-tls' $script:Ids.'listener-https-old').Reason | Should -Be 'HTTPS:8443 with ELBSecurityPolicy-2016-08, which allows TLS versions below 1.2'
        # moto deviation: HTTP listeners get an SslPolicy (ELBSecurityPolicy-2016-08); it is ignored for HTTP.
        (Get-Finding 'elb-listener-tls' $script:Ids.'listener-http-redirect').Reason | Should -Be 'HTTP:80 redirects to HTTPS'
        (Get-Finding 'elb-listener-tls' $script:Ids.'listener-http-forward').Reason | Should -Match '^HTTP:8080 serves plain HTTP \(default action: forward to .*targetgroup/web/'
    }

    It 'needs a bucket policy that denies insecure transport' {
        (Get-Finding 's3-bucket-secure-transport' 'shop-secure').Reason | Should -Be 'statement 1 (Sid DenyInsecureTransport) denies s3:* when Bool aws:SecureTransport = [false]'
        (Get-Finding 's3-bucket-secure-transport' 'shop-open').Reason | Should -Be 'the bucket policy has no Deny on aws:SecureTransport=false (or s3:TlsVersion < 1.2)'
        (Get-Finding 's3-bucket-secure-transport' 'trail-logs-main').Reason | Should -Be 'no bucket policy, so requests over plain HTTP are accepted'
    }

    It 'judges queue and topic encryption' {
        (Get-Finding 'sqs-queue-encrypted' 'orders').Reason | Should -Be 'SqsManagedSseEnabled=true'
        (Get-Finding 'sqs-queue-encrypted' 'plain').Status | Should -Be 'Fail'
        (Get-Finding 'sns-topic-encrypted' 'alerts').Status | Should -Be 'Pass'
        (Get-Finding 'sns-topic-encrypted' 'plain-topic').Status | Should -Be 'Fail'
    }

    It 'passes S3 and DynamoDB encryption by default and needs a customer-managed key only when asked' {
        (Get-Finding 's3-bucket-encryption' 'shop-open').Status | Should -Be 'Pass'
        (Get-Finding 'dynamodb-table-encryption' 'carts').Status | Should -Be 'Pass'
        $strict = @(Test-WAQualityGate @script:Aws -Rule s3-bucket-encryption, dynamodb-table-encryption, sqs-queue-encrypted -RequireCustomerManagedKey -IncludePassed -Verbose 4>&1)
        $findings = @($strict | Where-Object { $_.PSObject.TypeNames[0] -eq 'WAOps.GateFinding' })
        (Get-Finding 's3-bucket-encryption' 'shop-secure' -From $findings).Reason | Should -Be "SSEAlgorithm=aws:kms: customer-managed key $($script:Ids.'kms-shop')"
        (Get-Finding 's3-bucket-encryption' 'shop-open' -From $findings).Status | Should -Be 'Fail'
        (Get-Finding 'dynamodb-table-encryption' 'carts' -From $findings).Status | Should -Be 'Fail'
        (Get-Finding 'sqs-queue-encrypted' 'orders' -From $findings).Reason | Should -Be 'SqsManagedSseEnabled=true: not encrypted with a customer-managed KMS key'
        ($strict | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'AWS calls:*' }).Message | Should -Match 'KMS:DescribeKey 1'
    }
}

Describe 'Gate 4: IAM policies scoped' {
    It 'finds "*" and "service:*" actions per statement' {
        (Get-Finding 'iam-no-wildcard-action' 'admin-all').Reason | Should -Be 'policy admin-all statement 1 (Sid Everything): Allow Action *'
        (Get-Finding 'iam-no-wildcard-action' 'admin-all').Detail | Should -Be 'policy admin-all statement 1 (Sid Everything)'
        (Get-Finding 'iam-no-wildcard-action' 's3-everything').Reason | Should -Be 'policy s3-everything statement 1: Allow Action s3:*'
        (Get-Finding 'iam-no-wildcard-action' 'scoped-read').Status | Should -Be 'Pass'
    }

    It 'finds "*" resources except for actions that only take "*"' {
        (Get-Finding 'iam-no-wildcard-resource' 'ec2-terminate-any').Reason | Should -Be 'policy ec2-terminate-any statement 1: Allow Resource "*" for actions ec2:TerminateInstances'
        (Get-Finding 'iam-no-wildcard-resource' 'describe-only').Status | Should -Be 'Pass'
    }

    It 'finds NotAction in inline role policies and passes scoped user policies' {
        (Get-Finding 'iam-no-not-action' 'app-role').Reason | Should -Be 'inline policy everything-but-iam statement 1: Allow NotAction iam:*'
        (Get-Finding 'iam-no-not-action' 'ci').Status | Should -Be 'Pass'
        (Get-Finding 'iam-no-wildcard-action' 'ci').Status | Should -Be 'Pass'
    }
}

Describe 'Gate 5: CloudTrail and GuardDuty' {
    BeforeAll {
        $script:Accounts = @(Test-WAQualityGate @script:Aws -AccountId 123456789012, 222222222222 -AssumeRoleName OrganizationAccountAccessRole `
            -Rule cloudtrail-enabled, guardduty-enabled -Region us-east-1, eu-west-1 -IncludePassed)
    }

    It 'passes a multi-region trail with validation and management events' {
        # moto deviation: GetEventSelectors answers no selector for a trail that has only the default one (all management events).
        (Get-Finding 'cloudtrail-enabled' 'aws:account/123456789012').Reason | Should -Be 'trail org-audit: multi-region, logging, log file validation, all management events'
    }

    It 'fails an account whose only trail is single-region, unvalidated and write-only' {
        $finding = Get-Finding 'cloudtrail-enabled' 'aws:account/222222222222' -From $script:Accounts
        $finding.Status | Should -Be 'Fail'
        $finding.Reason | Should -Be 'local-audit: single-region, no log file validation, management events WriteOnly only'
        $finding.AccountId | Should -Be '222222222222'
    }

    It 'needs an enabled detector in every enabled region' {
        (Get-Finding 'guardduty-enabled' 'aws:account/123456789012/region/us-east-1' -From $script:Accounts).Status | Should -Be 'Pass'
        (Get-Finding 'guardduty-enabled' 'aws:account/123456789012/region/eu-west-1' -From $script:Accounts).Reason | Should -Be 'no GuardDuty detector in eu-west-1'
        (Get-Finding 'guardduty-enabled' 'aws:account/222222222222/region/us-east-1' -From $script:Accounts).Status | Should -Be 'Fail'
    }
}

Describe 'Gate 6: cost estimate' {
    It 'passes a project with a FORECASTED budget and fails one without' {
        (Get-Finding 'cost-budget-forecast' 'shop').Reason | Should -Be 'budget shop-monthly has 1 FORECASTED notification(s)'
        (Get-Finding 'cost-budget-forecast' 'billing').Reason | Should -Be 'budget billing-monthly has only ACTUAL notifications'
        (Get-Finding 'cost-budget-forecast' 'ops').Reason | Should -Match '^no budget is filtered on Project=ops'
    }
}

Describe 'Gate 7: VPC endpoints' {
    It 'passes a gateway endpoint associated with every private compute route table' {
        (Get-Finding 'vpc-gateway-endpoint-s3' 'app').Status | Should -Be 'Pass'
    }

    It 'fails a gateway endpoint that is not associated with a route table that serves compute' {
        (Get-Finding 'vpc-gateway-endpoint-dynamodb' 'app').Reason | Should -Be "dynamodb gateway endpoint $($script:Ids.'vpce-dynamodb-app') is not associated with $($script:Ids.'rtb-private-b') (serving $($script:Ids.'subnet-private-b'))"
        (Get-Finding 'vpc-gateway-endpoint-s3' 'batch').Reason | Should -Match "^s3 gateway endpoint $($script:Ids.'vpce-s3-batch') is not associated with $($script:Ids.'rtb-batch')"
    }

    It 'wants the core interface endpoints in VPCs with private compute' {
        (Get-Finding 'vpc-interface-endpoints' 'app').Reason | Should -Be 'missing interface endpoints for monitoring, logs, ssm, sts, secretsmanager (present: ecr.api, ecr.dkr)'
        (Get-Finding 'vpc-interface-endpoints' 'batch').Status | Should -Be 'Pass'
    }
}

Describe 'Gate 8: tagging strategy' {
    It 'uses the tag engine: missing and mis-cased keys' {
        (Get-Finding 'tags-required' $script:Ids.'vol-plain').Reason | Should -Be 'missing Team; CostCenter; mis-cased project->Project (tags: Environment=prod; project=shop)'
        (Get-Finding 'tags-required' 'app-b').Reason | Should -Match '^missing Team; CostCenter'
        (Get-Finding 'tags-required' 'orders-prod').Status | Should -Be 'Pass'
        (Get-Finding 'tags-required' 'shop-secure').Status | Should -Be 'Pass' -Because 'bucket tags come from the Tagging API'
    }

    It 'takes the required keys from -RequiredTag' {
        $findings = @(Test-WAQualityGate @script:Aws -Rule tags-required -RequiredTag Environment -IncludePassed)
        (Get-Finding 'tags-required' 'app-b' -From $findings).Status | Should -Be 'Pass'
    }
}

Describe 'Scope and rule selection' {
    It 'narrows judged resources with -Project and -Environment' {
        $ops = @(Test-WAQualityGate @script:Aws -Project OPS -IncludePassed | Select-Object -SkipLast 1)
        @($ops | Where-Object { $_.ResourceType -notlike 'aws:*' } | ForEach-Object Name | Sort-Object -Unique) | Should -Be @('app-b')
        ($ops | Where-Object RuleId -EQ 'cost-budget-forecast').ResourceId | Should -Be 'ops'
        $dev = @(Test-WAQualityGate @script:Aws -Environment dev -Rule rds-storage-encrypted -IncludePassed | Select-Object -SkipLast 1)
        $dev.Name | Should -Be @('reports-dev')
    }

    It 'narrows rules by -Pillar and -ExcludeRule' {
        $summary = Test-WAQualityGate @script:Aws -Pillar Reliability -SummaryOnly
        @($summary.ByRule.RuleId) | Should -Be @('rds-instance-multi-az', 'rds-cluster-multi-az', 'elasticache-multi-az', 'efs-multi-az')
        $summary = Test-WAQualityGate @script:Aws -Rule 'iam-*' -ExcludeRule iam-no-not-action -SummaryOnly
        @($summary.ByRule.RuleId) | Should -Be @('iam-no-wildcard-action', 'iam-no-wildcard-resource')
    }

    It 'decides Passed with -FailOn' {
        (Test-WAQualityGate @script:Aws -Rule ebs-default-encryption -Region us-east-1 -SummaryOnly).Passed | Should -BeTrue
        (Test-WAQualityGate @script:Aws -Rule ebs-default-encryption -Region eu-west-1 -SummaryOnly).Passed | Should -BeFalse
        (Test-WAQualityGate @script:Aws -Rule ebs-default-encryption -Region eu-west-1 -FailOn High -SummaryOnly).Passed | Should -BeTrue
        (Test-WAQualityGate @script:Aws -Rule rds-not-publicly-accessible -FailOn Critical -SummaryOnly).Passed | Should -BeFalse
        (Test-WAQualityGate @script:Aws -Rule rds-not-publicly-accessible -FailOn None -SummaryOnly).Passed | Should -BeTrue
    }
}

Describe 'Waivers' {
    BeforeAll {
        $script:Waived = @(Test-WAQualityGate @script:Aws -Rule s3-bucket-secure-transport, ebs-volume-encrypted, 'iam-*' -WaiverPath $script:WaiverFile -WarningVariable warnings -WarningAction SilentlyContinue)
        $script:WaiverWarnings = $warnings
    }

    It 'waives matching findings with the reason and owner' {
        $finding = Get-Finding 's3-bucket-secure-transport' 'shop-open' -From $script:Waived
        $finding.Status | Should -Be 'Waived'
        $finding.Reason | Should -Match '\[waived until \d{4}-\d\d-\d\d by storage-team@example.com: Appliances upload over HTTP until their firmware update\]$'
        $finding.Waiver.Owner | Should -Be 'storage-team@example.com'
        $script:Waived[-1].Waived | Should -Be 1
    }

    It 'does not waive with an expired waiver, and reports it' {
        $finding = Get-Finding 'ebs-volume-encrypted' $script:Ids.'vol-plain' -From $script:Waived
        $finding.Status | Should -Be 'Fail'
        $finding.WaiverExpired | Should -BeTrue
        $finding.Reason | Should -Match '\[waiver expired on \d{4}-\d\d-\d\d \(storage-team@example.com, .*waivers.yaml line 7\)\]$'
        @($script:Waived[-1].ExpiredWaivers).Count | Should -Be 1
        "$script:WaiverWarnings" | Should -Match 'expired on'
    }

    It 'reports waivers that matched nothing' {
        @($script:Waived[-1].UnusedWaivers.Resource) | Should -Be @('gone-policy')
    }
}

Describe 'Reports' {
    BeforeAll {
        $script:Reports = @{}
        foreach ($format in 'Sarif', 'JUnit', 'Json', 'Markdown') {
            $path = Join-Path $TestDrive "report.$format"
            $null = Test-WAQualityGate @script:Aws -Region us-east-1 -WaiverPath $script:WaiverFile -OutputFormat $format -OutFile $path -FailOn High -SummaryOnly -WarningAction SilentlyContinue
            $script:Reports[$format] = $path
        }
    }

    It 'writes SARIF valid against the SARIF 2.1.0 schema' {
        Test-SarifDocument $script:Reports.Sarif | Should -BeTrue
        $run = (Get-Content $script:Reports.Sarif -Raw | ConvertFrom-Json).runs[0]
        $run.tool.driver.rules.Count | Should -Be 33
        $result = $run.results | Where-Object { $_.ruleId -eq 'rds-instance-multi-az' }
        $result.locations[0].logicalLocations[0].fullyQualifiedName | Should -Be $script:Ids.'orders-prod'
        $result.level | Should -Be 'error'
        ($run.results | Where-Object { $_.properties.status -eq 'Waived' }).suppressions[0].status | Should -Be 'accepted'
    }

    It 'writes JUnit valid against the JUnit schema' {
        Test-JUnitDocument $script:Reports.JUnit | Should -BeNullOrEmpty
        $xml = [xml](Get-Content $script:Reports.JUnit -Raw)
        @($xml.testsuites.testsuite).Count | Should -Be 33
        $suite = $xml.testsuites.testsuite | Where-Object name -EQ 'rds-instance-multi-az'
        [int]$suite.failures | Should -Be 1
    }

    It 'writes JSON with the summary and every finding' {
        $json = Get-Content $script:Reports.Json -Raw | ConvertFrom-Json
        $json.Summary.FailOn | Should -Be 'High'
        $json.Summary.Passed | Should -BeFalse
        $json.Findings.Count | Should -Be $json.Summary.Findings
        ($json.Findings | Where-Object { $_.RuleId -eq 'rds-instance-multi-az' -and $_.Name -eq 'orders-prod' }).Blocking | Should -BeTrue
    }

    It 'writes Markdown for a CI job summary' {
        $markdown = Get-Content $script:Reports.Markdown -Raw
        $markdown | Should -Match '^## ❌ Quality gate failed'
        $markdown | Should -Match 'fails on \*\*High\*\* and above'
        $markdown | Should -Match '\| 1 Multi-AZ \| ❌ `rds-instance-multi-az` \| High \|'
        $markdown | Should -Match '⏰ \*\*Expired\*\*'
    }
}

Describe 'Many accounts' {
    It 'checks accounts of an organization through an assumed role, each finding carrying its account' {
        $organization = Invoke-MotoSeed -Server $script:Moto -Script 'gates.py' -ArgumentList 'organization', '2'
        $out = @(Test-WAQualityGate @script:Aws -AllAccounts -AssumeRoleName OrganizationAccountAccessRole -Rule ebs-default-encryption -IncludePassed)
        $summary = $out[-1]
        @($summary.Accounts) | Should -Be @(@('123456789012') + @($organization.Accounts) | Sort-Object)
        ($out | Select-Object -SkipLast 1 | ForEach-Object AccountId | Sort-Object) | Should -Be @($summary.Accounts)
    }
}

Describe 'Failures while collecting (moto with IAM enforcement)' {
    BeforeAll {
        $script:Enforcing = Start-MotoServer -Name 'QualityGate.Tests.iam' -Environment @{ INITIAL_NO_AUTH_ACTION_COUNT = '3' }
        # moto checks actions as <endpoint prefix>:<Operation>; for these two that is also AWS's name.
        $user = Invoke-MotoSeed -Server $script:Enforcing -Script 'gates.py' -ArgumentList 'iam-user', 'auditor', '["ec2:DescribeVolumes","sts:AssumeRole"]'
        $script:Limited = @{ EndpointUrl = $script:Enforcing.Endpoint; Region = 'us-east-1'; AccessKey = $user.AccessKeyId; SecretKey = $user.SecretAccessKey }
    }

    AfterAll {
        $script:Enforcing | Stop-MotoServer
    }

    It 'reports a failed listing as a non-terminating error and an Error finding, and the gate fails' {
        $out = @(Test-WAQualityGate @script:Limited -Rule ebs-volume-encrypted, ebs-default-encryption -IncludePassed -ErrorVariable failures -ErrorAction SilentlyContinue)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InventoryListingFailed,*'
        $failures[0].Exception.Message | Should -Match 'DescribeVolumes failed in account 123456789012 \(us-east-1\)'
        $listingError = Get-Finding 'ebs-volume-encrypted' 'us-east-1' -From ($out | Select-Object -SkipLast 1)
        $listingError.Status | Should -Be 'Error'
        (Get-Finding 'ebs-default-encryption' 'us-east-1' -From ($out | Select-Object -SkipLast 1)).Status | Should -Be 'Fail'
        $out[-1].Passed | Should -BeFalse
        $out[-1].Error | Should -Be 1
    }

    It 'reports an account that cannot be checked and goes on with the others' {
        $out = @(Test-WAQualityGate @script:Limited -AccountId 123456789012, 222222222222 -AssumeRoleName OrganizationAccountAccessRole -Rule ebs-default-encryption -ErrorVariable failures -ErrorAction SilentlyContinue -FailOn None)
        $accountError = @($failures | Where-Object { $_.FullyQualifiedErrorId -like 'AccountUnavailable,*' })
        $accountError.Count | Should -Be 1
        $accountError[0].TargetObject | Should -Be '222222222222'
        $accountError[0].Exception.Message | Should -Match 'assuming arn:aws:iam::222222222222:role/OrganizationAccountAccessRole failed'
        @($out[-1].FailedAccounts) | Should -Be @('222222222222')
        @($out[-1].Accounts) | Should -Contain '123456789012'
    }
}

Describe 'Test-WAQualityGate bad input' {
    BeforeAll {
        $script:BadWaivers = Join-Path $TestDrive 'bad-waivers.yaml'
        Set-Content $script:BadWaivers "waivers:`n  - rule: tags-required`n    resource: '*'`n    reason: r`n    owner: o`n    expires: someday`n"
    }

    It 'refuses <Name>' -ForEach @(
        @{ Name = 'an unknown rule'; Arguments = @{ Rule = 'rds-multi-az' }; ErrorId = 'UnknownRule'; Category = 'InvalidArgument' }
        @{ Name = 'an unknown rule set'; Arguments = @{ RuleSet = 'waops-2030.01' }; ErrorId = 'UnknownRuleSet'; Category = 'InvalidArgument' }
        @{ Name = 'a selection that leaves no rule'; Arguments = @{ Rule = 'tags-required'; Pillar = 'Reliability' }; ErrorId = 'NoRuleSelected'; Category = 'InvalidArgument' }
        @{ Name = 'a missing waiver file'; Arguments = @{ WaiverPath = '/nonexistent/waivers.yaml' }; ErrorId = 'WaiverFileNotFound'; Category = 'ObjectNotFound' }
        @{ Name = '-OutFile without -OutputFormat'; Arguments = @{ OutFile = 'report.sarif' }; ErrorId = 'MissingOutputFormat'; Category = 'InvalidArgument' }
        @{ Name = '-OutputFormat without -OutFile'; Arguments = @{ OutputFormat = 'Sarif' }; ErrorId = 'MissingOutFile'; Category = 'InvalidArgument' }
        @{ Name = 'an unwritable -OutFile'; Arguments = @{ OutputFormat = 'Json'; OutFile = '/nonexistent-dir/report.json' }; ErrorId = 'InvalidOutFile'; Category = 'WriteError' }
        @{ Name = '-Region with -AllRegions'; Arguments = @{ Region = 'us-east-1'; AllRegions = $true }; ErrorId = 'ConflictingParameters'; Category = 'InvalidArgument' }
        @{ Name = '-AccountId with -AllAccounts'; Arguments = @{ AccountId = '111111111111'; AllAccounts = $true }; ErrorId = 'ConflictingParameters'; Category = 'InvalidArgument' }
        @{ Name = '-AssumeRoleName without accounts'; Arguments = @{ AssumeRoleName = 'Audit' }; ErrorId = 'ConflictingParameters'; Category = 'InvalidArgument' }
        @{ Name = '-RequiredTag with -TagPolicyPath'; Arguments = @{ RequiredTag = 'Team'; TagPolicyPath = 'p.yaml' }; ErrorId = 'ConflictingParameters'; Category = 'InvalidArgument' }
        @{ Name = 'a malformed account id'; Arguments = @{ AccountId = '1234' }; ErrorId = 'InvalidAccountId'; Category = 'InvalidArgument' }
        @{ Name = 'an unknown region'; Arguments = @{ Region = 'xx-nowhere-9' }; ErrorId = 'UnknownRegion'; Category = 'InvalidArgument' }
        @{ Name = 'an empty required tag'; Arguments = @{ RequiredTag = 'aws:reserved' }; ErrorId = 'InvalidTagKey'; Category = 'InvalidArgument' }
    ) {
        $aws = Get-TestAwsParameter -Server $script:Moto
        if ($Arguments.ContainsKey('Region')) { $aws.Remove('Region') }
        $thrown = { Test-WAQualityGate @aws @Arguments -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,*" -PassThru
        "$($thrown.CategoryInfo.Category)" | Should -Be $Category
    }

    It 'names the file, line and column of a malformed waiver file' {
        $thrown = { Test-WAQualityGate @script:Aws -WaiverPath $script:BadWaivers -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidWaiverFile,*' -PassThru
        $thrown.Exception.Message | Should -Match ([regex]::Escape("bad-waivers.yaml' line 6, column 14: waiver 1 expires 'someday'"))
        "$($thrown.CategoryInfo.Category)" | Should -Be 'InvalidData'
    }

    It 'never writes the secret key anywhere' {
        $all = Test-WAQualityGate @script:Aws -Rule ebs-default-encryption -Verbose -Debug *>&1 | Out-String
        $all | Should -Not -Match ([regex]::Escape((Get-TestCredential).SecretKey))
    }
}
