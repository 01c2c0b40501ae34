#Requires -Version 7.4
# Every exported cmdlet has complete help: synopsis, description, every parameter described, two or more examples.

BeforeDiscovery {
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    $script:CmdletNames = @(Get-Command -Module WAOps -CommandType Cmdlet | ForEach-Object Name)
}

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'Help for <_>' -ForEach $script:CmdletNames {
    BeforeAll {
        $script:Help = Get-Help $_ -Full
        $script:Command = Get-Command $_
    }

    It 'has a synopsis that is not the generated syntax' {
        $script:Help.Synopsis | Should -Not -BeNullOrEmpty
        # Without help, PowerShell puts the syntax ("Get-X [[-Param] <type>] ...") where the synopsis belongs.
        $script:Help.Synopsis | Should -Not -Match ("^\s*{0}\s*\[" -f [regex]::Escape($script:Command.Name))
    }

    It 'has a description' {
        ($script:Help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        foreach ($parameter in $script:Command.Parameters.Keys | Where-Object { $_ -notin $script:Common }) {
            $entry = $script:Help.Parameters.Parameter | Where-Object Name -EQ $parameter
            $entry | Should -Not -BeNullOrEmpty -Because "-$parameter needs a help entry"
            ($entry.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'has at least two examples with code and remarks' {
        @($script:Help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $script:Help.Examples.Example) {
            $example.Code | Should -Not -BeNullOrEmpty
            ($example.Remarks | Out-String).Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'names its output type' {
        ($script:Help.ReturnValues | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_WAOps' {
    It 'is installed with the module' {
        (Get-Help about_WAOps | Out-String) | Should -Match 'CREDENTIALS'
    }
}
