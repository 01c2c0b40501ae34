#
# WAOps module manifest. ModuleVersion below is the single source of the version: build.ps1 reads it and
# stamps the assemblies with it.
#
@{
    RootModule           = 'WAOps.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Core')
    GUID                 = '2b222133-0c13-4dcd-b851-600a2a8a4356'
    Author               = 'WAOps contributors'
    CompanyName          = 'WAOps'
    Copyright            = '(c) WAOps contributors. All rights reserved.'
    Description          = 'Run the AWS Well-Architected practices from PowerShell: quality gates on live accounts and IaC, CloudWatch dashboards and recommended alarms, budget alerts, safe idle-resource cleanup and tag compliance.'
    PowerShellVersion    = '7.4'
    FormatsToProcess     = @('WAOps.Format.ps1xml')
    CmdletsToExport      = @(
        'Get-WABudget'
        'Get-WAContext'
        'Get-WATagCompliance'
        'New-WADashboard'
        'Repair-WATagCompliance'
        'Send-WANotification'
        'Invoke-WAIdleCleanup'
        'Set-WABudgetAlert'
        'Test-WAQualityGate'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('AWS', 'WellArchitected', 'CloudWatch', 'Budgets', 'Tagging', 'FinOps', 'Compliance', 'PSEdition_Core')
            ReleaseNotes = 'See README.md.'
        }
    }
}
