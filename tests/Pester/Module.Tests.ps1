#Requires -Version 7.4
# The built module as a user imports it: manifest, exports, types and views.

BeforeAll {
    Set-StrictMode -Version Latest
    $script:ManifestPath = $env:WAOPS_MODULE_MANIFEST
    $script:Module = Import-Module $script:ManifestPath -PassThru -Force
    $script:Manifest = Import-PowerShellDataFile $script:ManifestPath
    $script:Cmdlets = @(Get-Command -Module WAOps -CommandType Cmdlet)

    # The cheapest use of the engine and the AWS layer, so a test about what they load does not depend on test order:
    # an input error stops the command before any request.
    function script:Use-AwsLayer {
        { Get-WAContext -Region us-east-1 -EndpointUrl 'not a url' -AccessKey a -SecretKey b -ErrorAction Stop } | Should -Throw
    }
}

Describe 'WAOps module manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $script:ManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports cmdlets by explicit name and nothing else' {
        $script:Manifest.CmdletsToExport | Should -Not -BeNullOrEmpty
        $script:Manifest.CmdletsToExport | Where-Object { $_ -match '[*?]' } | Should -BeNullOrEmpty
        , $script:Manifest.FunctionsToExport | Should -HaveCount 1
        $script:Manifest.FunctionsToExport.Count | Should -Be 0
        $script:Manifest.VariablesToExport.Count | Should -Be 0
        $script:Manifest.AliasesToExport.Count | Should -Be 0
    }

    It 'exports exactly the cmdlets the manifest lists' {
        ($script:Cmdlets.Name | Sort-Object) | Should -Be ($script:Manifest.CmdletsToExport | Sort-Object)
    }

    It 'requires PowerShell 7.4 or later on Core' {
        [version]$script:Manifest.PowerShellVersion | Should -BeGreaterOrEqual ([version]'7.4')
        $script:Manifest.CompatiblePSEditions | Should -Be @('Core')
    }

    It 'stamps the assemblies with the manifest version' {
        $script:Module.ImplementingAssembly.GetName().Version.ToString(3) | Should -Be $script:Manifest.ModuleVersion
    }
}

Describe 'WAOps cmdlets' {
    It '<Name> uses an approved verb and the WA noun prefix' -ForEach @(Get-Command -Module WAOps -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name; Verb = $_.Verb; Noun = $_.Noun } }) {
        (Get-Verb).Verb | Should -Contain $Verb
        $Noun | Should -BeLike 'WA*'
    }

    It '<Name> declares its output type and a format view exists for it' -ForEach @(Get-Command -Module WAOps -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } }) {
        $command = Get-Command $Name
        $command.OutputType | Should -Not -BeNullOrEmpty
        $views = [xml](Get-Content (Join-Path $script:Module.ModuleBase 'WAOps.Format.ps1xml') -Raw)
        $viewTypes = $views.Configuration.ViewDefinitions.View.ViewSelectedBy.TypeName
        foreach ($type in $command.OutputType.Name) { $viewTypes | Should -Contain $type }
    }

    It 'declares only the published output types (docs/output-types.md), each named WAOps.TypeName' {
        $published = @(Select-String -Path (Join-Path $PSScriptRoot '../../docs/output-types.md') -Pattern '^\| `(WAOps\.\w+)`' | ForEach-Object { $_.Matches[0].Groups[1].Value })
        $declared = @($script:Cmdlets | ForEach-Object { (Get-Command $_.Name).OutputType.Name } | Sort-Object -Unique)
        $declared | Should -Not -BeNullOrEmpty
        foreach ($type in $declared) {
            $type | Should -Match '^WAOps\.\w+$' -Because 'output type names do not carry the assembly or folder they come from'
            $published | Should -Contain $type
        }
    }

    It 'maps every engine ErrorKind onto a PowerShell ErrorCategory of the same name' {
        Use-AwsLayer
        $context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'WAOps'
        $engine = $context.Assemblies | Where-Object { $_.GetName().Name -eq 'WAOps.Engine' }
        $kinds = [enum]::GetNames($engine.GetType('WAOps.Engine.Errors.ErrorKind'))
        $kinds.Count | Should -BeGreaterThan 5
        foreach ($kind in $kinds) { [enum]::GetNames([System.Management.Automation.ErrorCategory]) | Should -Contain $kind }
    }
}

Describe 'Dependency isolation' {
    It 'loads AWSSDK.Core and the WAOps libraries into the WAOps load context only' {
        $null = Get-Command Get-WAContext
        $null = [System.Management.Automation.PowerShell]::Create()
        Use-AwsLayer
        $loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -match '^(AWSSDK\.|WAOps\.(Aws|Engine)$)' }
        $loaded | Should -Not -BeNullOrEmpty
        foreach ($assembly in $loaded) {
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name | Should -Be 'WAOps' -Because $assembly.GetName().Name
        }
    }

    It 'loads the dependency set precompiled for the running .NET when it carries one, else the net8.0 set' {
        # ReadyToRun code compiled for .NET 8 is rejected by .NET 10, which would JIT-compile it all.
        Use-AwsLayer
        $dependencies = Join-Path $script:Module.ModuleBase 'Dependencies'
        $runtimeSet = Join-Path $dependencies "net$([Environment]::Version.Major).0"
        $expected = if (Test-Path $runtimeSet) { $runtimeSet } else { $dependencies }
        $loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in 'AWSSDK.Core', 'WAOps.Aws', 'WAOps.Engine' }
        @($loaded).Count | Should -Be 3
        foreach ($assembly in $loaded) { Split-Path $assembly.Location | Should -Be $expected -Because $assembly.GetName().Name }
        if ([Environment]::Version.Major -eq 10) { $runtimeSet | Should -Exist -Because 'the module ships a .NET 10 set for PowerShell 7.6' }
    }
}
