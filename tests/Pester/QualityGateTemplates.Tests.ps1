#Requires -Version 7.4
# Test-WAQualityGate -TemplatePath: templates and plans judged by the same rules as live accounts. The reference
# workload (runbooks/templates/reference-workload.yaml) is deployed once into moto through CloudFormation and the live
# verdicts are compared with the template verdicts, resource by resource; every difference moto causes is named below.
# Reports are validated against the SARIF and JUnit schemas; bad input stops the cmdlet with nothing judged.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Reference = Join-Path $script:Root 'runbooks/templates/reference-workload.yaml'
    $script:Corpus = Join-Path $script:Root 'tests/Templates'
    $script:SchemaDirectory = Join-Path $PSScriptRoot '../Support/schemas'

    $script:Moto = Start-MotoServer -Name 'QualityGateTemplates.Tests'
    $script:Aws = Get-TestAwsParameter -Server $script:Moto
    $null = Invoke-TestAwsCli -Server $script:Moto -Arguments @('cloudformation', 'create-stack', '--stack-name', 'reference',
        '--template-body', (Get-Content $script:Reference -Raw))
    $script:StackResources = @((Invoke-TestAwsCli -Server $script:Moto -Arguments @('cloudformation', 'describe-stack-resources', '--stack-name', 'reference')).StackResources)

    # moto's Tagging API answers GetResources with HTTP 500 once this stack exists (see the deviations below): that is a
    # non-terminating InventoryListingFailed error, collected here rather than failing the run.
    $script:Live = @(Test-WAQualityGate @script:Aws -IncludePassed -ErrorAction SilentlyContinue -ErrorVariable liveErrors | Select-Object -SkipLast 1)
    $script:LiveErrors = @($liveErrors)
    $script:Template = @(Test-WAQualityGate -TemplatePath $script:Reference -Region us-east-1 -IncludePassed | Select-Object -SkipLast 1)

    function Get-TemplateError([scriptblock] $Run) {
        $emitted = $null
        try { $emitted = @(& $Run) } catch { return [pscustomobject]@{ Record = $_; Emitted = $emitted } }
        throw 'The cmdlet did not stop.'
    }
}

AfterAll {
    $script:Moto | Stop-MotoServer
}

Describe 'Template verdicts agree with the live verdicts after deployment into moto' {
    It 'deploys the reference workload' {
        $script:StackResources.Count | Should -BeGreaterThan 30
        $script:StackResources | Where-Object ResourceStatus -ne 'CREATE_COMPLETE' | Should -BeNullOrEmpty
    }

    It 'gives every stack resource the live verdict its template declaration got, except where moto deviates (named)' {
        # Differences moto 5.2.1 causes, by rule and logical id; each says why. Everything else must agree.
        $deviations = @{
            'subnet-no-auto-public-ip|PublicSubnetA' = 'moto''s CloudFormation ignores MapPublicIpOnLaunch (the subnet comes out false)'
            'subnet-no-auto-public-ip|PublicSubnetB' = 'moto''s CloudFormation ignores MapPublicIpOnLaunch (the subnet comes out false)'
            'rds-private-subnets|Database'           = 'moto''s CloudFormation creates AWS::EC2::SubnetRouteTableAssociation without associating the subnet, so DataSubnetB routes through the main table and looks private'
            'tags-required|LoadBalancer'             = 'moto''s Tagging API GetResources fails (HTTP 500, NoneType not iterable) with this stack, so these tags are an Error live'
            'tags-required|TargetGroup'              = 'moto''s Tagging API GetResources fails with this stack'
            'tags-required|AssetsBucket'             = 'moto''s Tagging API GetResources fails with this stack'
            'tags-required|OrderQueue'               = 'moto''s Tagging API GetResources fails with this stack'
            'tags-required|OrderEvents'              = 'moto''s Tagging API GetResources fails with this stack'
        }
        $physical = @{}
        foreach ($resource in $script:StackResources) {
            # moto gives some resources (the DB and cache subnet groups) no physical id.
            $id = $resource.PSObject.Properties['PhysicalResourceId']
            if ($id -and $id.Value) { $physical[$resource.LogicalResourceId] = $id.Value }
        }

        $agreed = [System.Collections.Generic.List[string]]::new()
        $unexplained = [System.Collections.Generic.List[string]]::new()
        $deviated = [System.Collections.Generic.List[string]]::new()
        foreach ($finding in $script:Template | Where-Object { $_.ResourceType -notlike 'aws:*' -and $_.Name }) {
            $key = "$($finding.RuleId)|$($finding.Name)"
            if (-not $physical.ContainsKey($finding.Name)) {
                # Kinds moto's CloudFormation does not create are not compared: the cache (ElastiCache is skipped by moto).
                $finding.Name | Should -Be 'Cache' -Because "only the ElastiCache replication group is missing from moto's stack ($key)"
                continue
            }
            $id = $physical[$finding.Name]
            $live = @($script:Live | Where-Object {
                $_.RuleId -eq $finding.RuleId -and ($_.ResourceId -eq $id -or $_.ResourceArn -eq $id -or $id -like "*/$($_.ResourceId)")
            })
            if ($live.Count -ne 1) { $unexplained.Add("$key ($id): $($live.Count) live findings"); continue }
            if ("$($live[0].Status)" -eq "$($finding.Status)") { $agreed.Add($key); continue }
            if ($deviations.ContainsKey($key)) { $deviated.Add($key); continue }
            $unexplained.Add("$key ($id): template $($finding.Status) ($($finding.Reason)) vs live $($live[0].Status) ($($live[0].Reason))")
        }
        $unexplained | Should -BeNullOrEmpty
        $agreed.Count | Should -BeGreaterOrEqual 25
        $agreed | Should -Contain 'rds-instance-multi-az|Database'
        $agreed | Should -Contain 'elb-listener-tls|HttpListener'
        $agreed | Should -Contain 's3-bucket-secure-transport|AssetsBucket'
        # The deviations named above are the ones met; a deviation that no longer happens is taken off the list.
        @($deviated | Sort-Object) | Should -Be @($deviations.Keys | Sort-Object)
    }

    It 'names the Tagging API failure moto gives as a non-terminating error of the live run' {
        @($script:LiveErrors | Where-Object { $_.FullyQualifiedErrorId -like 'InventoryListingFailed*' }).Count | Should -BeGreaterThan 0
    }
}

Describe 'Test-WAQualityGate -TemplatePath reports' {
    It 'writes SARIF with physical locations on the lines of the template' {
        $sarif = Join-Path $TestDrive 'template.sarif'
        Push-Location $script:Root
        try { $summary = Test-WAQualityGate -TemplatePath ./runbooks/templates/reference-workload.yaml -OutputFormat Sarif -OutFile $sarif -SummaryOnly }
        finally { Pop-Location }
        $summary.Passed | Should -BeFalse
        $summary.RuleSet | Should -Be 'waops-2026.12'
        @($summary.Templates).Count | Should -Be 1
        Test-SarifDocument $sarif | Should -BeTrue
        $document = Get-Content $sarif -Raw | ConvertFrom-Json -Depth 50
        $database = @($document.runs[0].results | Where-Object { $_.ruleId -eq 'rds-instance-multi-az' })
        $database.Count | Should -Be 1
        $location = $database[0].locations[0].physicalLocation
        $location.artifactLocation.uri | Should -Be 'runbooks/templates/reference-workload.yaml'
        # The property that breaks the gate: the database's MultiAZ: false.
        $expectedLine = @(Select-String -Path $script:Reference -Pattern '^      MultiAZ: false$')[0].LineNumber
        $location.region.startLine | Should -Be $expectedLine
        $location.region.startColumn | Should -Be 7
        $database[0].properties.propertyPath | Should -Be 'Properties.MultiAZ'
    }

    It 'writes JUnit valid against the schema for a Terraform plan' {
        $junit = Join-Path $TestDrive 'plan.xml'
        $null = Test-WAQualityGate -TemplatePath (Join-Path $script:Corpus 'terraform/network-and-db.plan.json') -Region eu-west-1 -OutputFormat JUnit -OutFile $junit -SummaryOnly
        $schemas = [System.Xml.Schema.XmlSchemaSet]::new()
        $null = $schemas.Add($null, (Join-Path $script:SchemaDirectory 'junit.xsd'))
        $settings = [System.Xml.XmlReaderSettings]::new()
        $settings.ValidationType = [System.Xml.ValidationType]::Schema
        $settings.Schemas = $schemas
        $problems = [System.Collections.Generic.List[string]]::new()
        $settings.add_ValidationEventHandler({ param($sender, $e) $problems.Add($e.Message) })
        $reader = [System.Xml.XmlReader]::Create($junit, $settings)
        try { while ($reader.Read()) { } } finally { $reader.Dispose() }
        $problems | Should -BeNullOrEmpty
        Get-Content $junit -Raw | Should -Match 'aws_db_instance.ledger'
    }

    It 'judges every template of the corpus by wildcard and warns about what it cannot judge' {
        $output = @(Test-WAQualityGate -TemplatePath (Join-Path $script:Corpus 'cloudformation/*.yaml') -TemplateParameter @{ SubnetA = 'subnet-1'; SubnetB = 'subnet-2'; Subnets = @('subnet-1', 'subnet-2') } `
            -SummaryOnly -WarningVariable warnings -WarningAction SilentlyContinue)
        $output[-1].Templates.Count | Should -BeGreaterOrEqual 8
        @($warnings | Where-Object { "$_" -like '*AWS::Serverless::HttpApi*' }).Count | Should -Be 1
    }
}

Describe 'Test-WAQualityGate -TemplatePath bad input' {
    It 'stops on <Case> with <ErrorId> (<Category>), naming the file and line, judging nothing' -ForEach @(
        @{ Case = 'malformed YAML'; ErrorId = 'InvalidTemplateSyntax'; Category = 'InvalidData'; Text = "Resources:`n  Q:`n    Type: [unclosed`n"; Line = 'line [34]' }
        @{ Case = 'not a template'; ErrorId = 'NotATemplate'; Category = 'InvalidData'; Text = "name: build`non: [push]`n"; Line = '' }
        @{ Case = 'an unknown intrinsic'; ErrorId = 'UnknownIntrinsic'; Category = 'InvalidData'; Text = "Resources:`n  Q:`n    Type: AWS::SQS::Queue`n    Properties: { QueueName: !Concat [a] }`n"; Line = 'line 4' }
        @{ Case = 'circular conditions'; ErrorId = 'CircularCondition'; Category = 'InvalidData'; Text = "Conditions:`n  A: !Not [!Condition B]`n  B: !Not [!Condition A]`nResources:`n  Q: { Type: AWS::SQS::Queue, Condition: A }`n"; Line = 'line 2' }
        @{ Case = 'a parameter without default'; ErrorId = 'MissingTemplateParameter'; Category = 'InvalidArgument'; Text = "Parameters:`n  Env: { Type: String }`nResources:`n  Q: { Type: AWS::SQS::Queue }`n"; Line = 'line 2' }
    ) {
        $good = Join-Path $TestDrive 'good.yaml'
        Set-Content $good "Resources:`n  Q: { Type: AWS::SQS::Queue }`n"
        $bad = Join-Path $TestDrive "bad-$($ErrorId).yaml"
        Set-Content $bad $Text -NoNewline
        # The good file comes first: nothing of it may be written when the second one is bad.
        $result = Get-TemplateError { Test-WAQualityGate -TemplatePath $good, $bad -IncludePassed -ErrorAction Stop }
        $result.Emitted | Should -BeNullOrEmpty
        $result.Record.FullyQualifiedErrorId | Should -Be "$ErrorId,WAOps.PowerShell.Commands.TestWAQualityGateCommand"
        "$($result.Record.CategoryInfo.Category)" | Should -Be $Category
        $result.Record.Exception.Message | Should -BeLike "*bad-$ErrorId.yaml*"
        if ($Line) { $result.Record.Exception.Message | Should -Match $Line }
    }

    It 'refuses a 50 MB file before reading it' {
        $huge = Join-Path $TestDrive 'huge.json'
        $stream = [IO.File]::Create($huge)
        try { $stream.SetLength(50MB) } finally { $stream.Dispose() }
        $result = Get-TemplateError { Test-WAQualityGate -TemplatePath $huge -ErrorAction Stop }
        $result.Record.FullyQualifiedErrorId | Should -BeLike 'TemplateTooLarge,*'
        "$($result.Record.CategoryInfo.Category)" | Should -Be 'LimitsExceeded'
        $result.Record.Exception.Message | Should -BeLike '*huge.json*50 MB*'
    }

    It 'refuses a -TemplateParameter that no template declares, and template parameters without templates' {
        (Get-TemplateError { Test-WAQualityGate -TemplatePath $script:Reference -TemplateParameter @{ Enviroment = 'prod' } -ErrorAction Stop }).Record.FullyQualifiedErrorId |
            Should -BeLike 'UnknownTemplateParameter,*'
        (Get-TemplateError { Test-WAQualityGate -TemplateParameter @{ Environment = 'prod' } -ErrorAction Stop }).Record.FullyQualifiedErrorId |
            Should -BeLike 'ConflictingParameters,*'
        (Get-TemplateError { Test-WAQualityGate -TemplatePath $script:Reference -AllRegions -ErrorAction Stop }).Record.FullyQualifiedErrorId |
            Should -BeLike 'ConflictingParameters,*'
    }
}
