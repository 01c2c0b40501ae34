#Requires -Version 7.4
# Get-WAContext against a local moto server: the whole path from parameters to an STS call.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Moto = Start-MotoServer -Name 'GetWAContext.Tests'
    $script:Aws = Get-TestAwsParameter -Server $script:Moto
    $script:SentinelSecret = 'SENTINEL-SECRET-6d1c0a9e8b7f'
    $script:SentinelToken = 'SENTINEL-TOKEN-7e2d1b0a9c8f'
}

AfterAll {
    $script:Moto | Stop-MotoServer
}

Describe 'Get-WAContext' {
    It 'returns the account, caller and where everything came from' {
        $context = Get-WAContext @script:Aws
        $context.Account | Should -Be '123456789012'
        $context.Arn | Should -BeLike 'arn:aws:sts::123456789012:*'
        $context.Region | Should -Be 'us-east-1'
        $context.Partition | Should -Be 'aws'
        "$($context.RegionSource)" | Should -Be 'Parameter'
        "$($context.CredentialSource)" | Should -Be 'ExplicitKeys'
        "$($context.EndpointSource)" | Should -Be 'Parameter'
        $context.EndpointUrl.ToString() | Should -Be "$($script:Moto.Endpoint)/"
        $context.AccessKeyId | Should -Match '^AKID\*+0001$'
        $context.PSObject.TypeNames[0] | Should -Be 'WAOps.WAContext'
    }

    It 'formats as a readable list' {
        $text = Get-WAContext @script:Aws | Out-String
        $text | Should -Match 'Account\s+: 123456789012'
        $text | Should -Match 'Credentials\s+: ExplicitKeys'
        $text | Should -Match 'Endpoint\s+: http://127\.0\.0\.1'
    }

    It 'takes the region from $StoredAWSRegion and credentials from $StoredAWSCredentials' {
        $StoredAWSRegion = 'eu-west-3'
        $StoredAWSCredentials = [pscustomobject]@{ Credentials = [pscredential]::new('AKIDSTOREDCRED000001', (ConvertTo-SecureString 'x' -AsPlainText -Force)) }
        $context = Get-WAContext -EndpointUrl $script:Moto.Endpoint
        $context.Region | Should -Be 'eu-west-3'
        "$($context.RegionSource)" | Should -Be 'StoredRegion'
        "$($context.CredentialSource)" | Should -Be 'StoredCredentials'
        $context.AccessKeyId | Should -Match '^AKID\*+0001$'
    }

    It 'rejects something in $StoredAWSCredentials that is not credentials' {
        $StoredAWSCredentials = 'just a string'
        { Get-WAContext -EndpointUrl $script:Moto.Endpoint -Region us-east-1 -ErrorAction Stop } | Should -Throw -ErrorId 'UnsupportedCredentialObject,*'
    }

    It 'accepts a PSCredential of access key and secret key' {
        $credential = [pscredential]::new('AKIDPSCREDENTIAL0001', (ConvertTo-SecureString $script:SentinelSecret -AsPlainText -Force))
        $context = Get-WAContext -EndpointUrl $script:Moto.Endpoint -Region us-east-1 -Credential $credential
        "$($context.CredentialSource)" | Should -Be 'CredentialParameter'
        $context.AccessKeyId | Should -Match '^AKID\*+0001$'
    }

    It 'honours AWS_ENDPOINT_URL and AWS_REGION from the environment' {
        $env:AWS_ENDPOINT_URL = $script:Moto.Endpoint
        $env:AWS_REGION = 'ap-southeast-2'
        try {
            $context = Get-WAContext -AccessKey AKIDEXPLICIT00000001 -SecretKey x
            "$($context.EndpointSource)" | Should -Be 'Environment'
            $context.Region | Should -Be 'ap-southeast-2'
        }
        finally {
            Remove-Item Env:AWS_ENDPOINT_URL, Env:AWS_REGION
        }
    }

    It 'reads a named profile from -ProfileLocation' {
        $file = Join-Path $TestDrive 'credentials'
        Set-Content $file "[ops]`naws_access_key_id = AKIDPROFILEOPS000001`naws_secret_access_key = x`nregion = eu-north-1`n"
        $context = Get-WAContext -ProfileName ops -ProfileLocation $file -EndpointUrl $script:Moto.Endpoint
        "$($context.CredentialSource)" | Should -Be 'NamedProfile'
        $context.Region | Should -Be 'eu-north-1'
        $context.ProfileName | Should -Be 'ops'
    }

    It 'accepts AWS Tools aliases for its parameters' {
        $context = Get-WAContext -RegionToCall us-west-2 -AK AKIDEXPLICIT00000001 -SK x -EndpointUrl $script:Moto.Endpoint
        $context.Region | Should -Be 'us-west-2'
    }

    It 'says in -Verbose and -Debug where things came from, and never shows a secret' {
        $output = Get-WAContext -EndpointUrl $script:Moto.Endpoint -Region us-east-1 -AccessKey AKIDEXPLICIT00000001 `
            -SecretKey $script:SentinelSecret -SessionToken $script:SentinelToken -Verbose -Debug 4>&1 5>&1 | Out-String
        $output | Should -Match 'Credentials: ExplicitKeys'
        $output | Should -Match 'Region: us-east-1 from -Region'
        $output | Should -Match 'STS GetCallerIdentity .*HTTP 200.*request id'
        $output | Should -Not -Match ([regex]::Escape($script:SentinelSecret))
        $output | Should -Not -Match ([regex]::Escape($script:SentinelToken))
        $output | Should -Not -Match 'AKIDEXPLICIT00000001'
    }
}

Describe 'Get-WAContext errors' {
    It 'stops with NoRegion when no region can be found' {
        { Get-WAContext -AccessKey a -SecretKey b -EndpointUrl $script:Moto.Endpoint -ErrorAction Stop } |
            Should -Throw -ErrorId 'NoRegion,WAOps.PowerShell.Commands.GetWAContextCommand'
        try { Get-WAContext -AccessKey a -SecretKey b -EndpointUrl $script:Moto.Endpoint } catch { $_.CategoryInfo.Category | Should -Be 'InvalidArgument' }
    }

    It 'stops with NoCredentials when no credentials can be found' {
        $error = { Get-WAContext -Region us-east-1 -EndpointUrl $script:Moto.Endpoint -ErrorAction Stop } | Should -Throw -ErrorId 'NoCredentials,*' -PassThru
        $error.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'stops with ProfileNotFound for a profile that does not exist, never falling back' {
        $env:AWS_ACCESS_KEY_ID = 'AKIDENVIRONMENT00001'
        $env:AWS_SECRET_ACCESS_KEY = 'x'
        try {
            $error = { Get-WAContext -ProfileName nope -Region us-east-1 -EndpointUrl $script:Moto.Endpoint -ErrorAction Stop } | Should -Throw -ErrorId 'ProfileNotFound,*' -PassThru
            $error.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $error.TargetObject | Should -Be 'nope'
        }
        finally {
            Remove-Item Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY
        }
    }

    It 'stops with InvalidEndpointUrl for a malformed endpoint' -ForEach @('not a url', 'ftp://127.0.0.1', 'http://127.0.0.1:1/?a=b') {
        $error = { Get-WAContext -Region us-east-1 -AccessKey a -SecretKey b -EndpointUrl $_ -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidEndpointUrl,*' -PassThru
        $error.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'stops with InvalidRegion for a malformed region' {
        { Get-WAContext -Region 'us east 1' -AccessKey a -SecretKey b -EndpointUrl $script:Moto.Endpoint -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRegion,*'
    }

    It 'reports an unreachable endpoint as AwsConnectionFailed' {
        $env:AWS_MAX_ATTEMPTS = '1'
        try {
            $error = { Get-WAContext -Region us-east-1 -AccessKey a -SecretKey b -EndpointUrl 'http://127.0.0.1:9' -ErrorAction Stop } | Should -Throw -ErrorId 'AwsConnectionFailed,*' -PassThru
            $error.CategoryInfo.Category | Should -Be 'ConnectionError'
        }
        finally {
            Remove-Item Env:AWS_MAX_ATTEMPTS
        }
    }
}
