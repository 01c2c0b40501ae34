<#
.SYNOPSIS
    Generates the module's MAML help (WAOps.PowerShell.dll-Help.xml) from markdown and the cmdlets' metadata.

.DESCRIPTION
    platyPS is not available here, so this does the part of its job WAOps needs. Each exported cmdlet has
    module/en-US/docs/<Cmdlet>.md with the sections SYNOPSIS, DESCRIPTION, EXAMPLES (### titles, a fenced
    powershell block, then remarks), PARAMETERS (### -Name, then its description), INPUTS, OUTPUTS, NOTES and
    RELATED LINKS. Parameters shared by all AWS cmdlets (-ProfileName, -Region, ...) are described once in
    _AwsCommonParameters.md and used wherever a cmdlet does not describe them itself. Syntax, types,
    positions, aliases and pipeline input come from the built cmdlets, so help cannot drift from the code.
    A cmdlet without a doc, or a parameter without a description, fails the build.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModuleManifest,
    [Parameter(Mandatory)][string] $DocsPath,
    [Parameter(Mandatory)][string] $OutFile
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$module = Import-Module $ModuleManifest -PassThru -Force
$commonParameterNames = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

function Read-HelpMarkdown([string] $Path) {
    # Splits a doc into its '## SECTION' bodies; EXAMPLES and PARAMETERS further into '### ' entries.
    $text = Get-Content -LiteralPath $Path -Raw
    $text = $text -replace '(?s)^---.*?---\s*', ''
    $sections = @{}
    foreach ($match in [regex]::Matches($text, '(?ms)^## (?<name>[A-Z ]+)\s*$(?<body>.*?)(?=^## |\z)')) {
        $sections[$match.Groups['name'].Value.Trim()] = $match.Groups['body'].Value.Trim()
    }
    $sections
}

function Split-Entries([string] $Body) {
    $entries = [ordered]@{}
    foreach ($match in [regex]::Matches($Body, '(?ms)^### (?<title>[^\r\n]+)\s*$(?<body>.*?)(?=^### |\z)')) {
        $entries[$match.Groups['title'].Value.Trim()] = $match.Groups['body'].Value.Trim()
    }
    $entries
}

function Split-Paragraphs([string] $Text) {
    if ([string]::IsNullOrWhiteSpace($Text)) { return @() }
    @($Text -split '(\r?\n){2,}' | ForEach-Object { ($_ -replace '\s*\r?\n\s*', ' ').Trim() } | Where-Object { $_ })
}

$common = @{}
$commonPath = Join-Path $DocsPath '_AwsCommonParameters.md'
if (Test-Path $commonPath) {
    $common = Split-Entries (Read-HelpMarkdown $commonPath)['PARAMETERS']
}

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
New-Item -ItemType Directory -Path (Split-Path $OutFile) -Force | Out-Null
$writer = [System.Xml.XmlWriter]::Create($OutFile, $settings)
$maml = 'http://schemas.microsoft.com/maml/2004/10'
$commandNs = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$problems = [System.Collections.Generic.List[string]]::new()

function Write-Paragraphs([string] $Text) {
    $writer.WriteStartElement('maml', 'description', $maml)
    foreach ($paragraph in Split-Paragraphs $Text) { $writer.WriteElementString('maml', 'para', $maml, $paragraph) }
    $writer.WriteEndElement()
}

function Get-TypeName([Type] $Type) {
    if ($Type.IsArray) { return "$(Get-TypeName $Type.GetElementType())[]" }
    if ($Type.IsGenericType -and $Type.GetGenericTypeDefinition() -eq [Nullable`1]) { return Get-TypeName $Type.GetGenericArguments()[0] }
    $Type.Name
}

function Write-Parameter($Parameter, $SetData, [string] $Description) {
    $pipeline = @()
    if ($SetData.ValueFromPipeline) { $pipeline += 'ByValue' }
    if ($SetData.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
    $writer.WriteStartElement('command', 'parameter', $commandNs)
    $writer.WriteAttributeString('required', "$($SetData.IsMandatory)".ToLowerInvariant())
    $writer.WriteAttributeString('variableLength', "$($Parameter.ParameterType.IsArray)".ToLowerInvariant())
    $writer.WriteAttributeString('globbing', 'false')
    $writer.WriteAttributeString('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
    $writer.WriteAttributeString('position', $(if ($SetData.Position -ge 0) { "$($SetData.Position)" } else { 'named' }))
    $writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $writer.WriteElementString('maml', 'name', $maml, $Parameter.Name)
    Write-Paragraphs $Description
    $typeName = Get-TypeName $Parameter.ParameterType
    if ($Parameter.ParameterType -ne [switch]) {
        $writer.WriteStartElement('command', 'parameterValue', $commandNs)
        $writer.WriteAttributeString('required', 'true')
        $writer.WriteAttributeString('variableLength', "$($Parameter.ParameterType.IsArray)".ToLowerInvariant())
        $writer.WriteString($typeName)
        $writer.WriteEndElement()
    }
    $writer.WriteStartElement('dev', 'type', $dev)
    $writer.WriteElementString('maml', 'name', $maml, $typeName)
    $writer.WriteEndElement()
    $writer.WriteElementString('dev', 'defaultValue', $dev, 'None')
    $writer.WriteEndElement()
}

function Write-TypeList([string] $Container, [string] $Item, [string] $Body) {
    $writer.WriteStartElement('command', $Container, $commandNs)
    $entries = Split-Entries $Body
    foreach ($name in $entries.Keys) {
        $writer.WriteStartElement('command', $Item, $commandNs)
        $writer.WriteStartElement('dev', 'type', $dev)
        $writer.WriteElementString('maml', 'name', $maml, $name)
        $writer.WriteEndElement()
        Write-Paragraphs $entries[$name]
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
}

$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')
foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $docPath = Join-Path $DocsPath "$($command.Name).md"
    if (-not (Test-Path $docPath)) { $problems.Add("$($command.Name): no $docPath"); continue }
    $doc = Read-HelpMarkdown $docPath
    foreach ($section in 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS') {
        if (-not $doc.ContainsKey($section) -or [string]::IsNullOrWhiteSpace($doc[$section])) { $problems.Add("$($command.Name): section $section is missing or empty") }
    }
    $described = if ($doc.ContainsKey('PARAMETERS')) { Split-Entries $doc['PARAMETERS'] } else { @{} }
    $parameters = $command.Parameters.Values | Where-Object { $_.Name -notin $commonParameterNames }
    $descriptions = @{}
    foreach ($parameter in $parameters) {
        $key = "-$($parameter.Name)"
        $descriptions[$parameter.Name] = if ($described.Contains($key)) { $described[$key] } elseif ($common.Contains($key)) { $common[$key] } else { $null }
        if ([string]::IsNullOrWhiteSpace($descriptions[$parameter.Name])) { $problems.Add("$($command.Name): parameter $key has no description") }
    }
    foreach ($key in $described.Keys) {
        if (-not $command.Parameters.ContainsKey($key.TrimStart('-'))) { $problems.Add("$($command.Name): doc describes $key, which the cmdlet does not have") }
    }

    $writer.WriteStartElement('command', 'command', $commandNs)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $writer.WriteStartElement('command', 'details', $commandNs)
    $writer.WriteElementString('command', 'name', $commandNs, $command.Name)
    $writer.WriteElementString('command', 'verb', $commandNs, $command.Verb)
    $writer.WriteElementString('command', 'noun', $commandNs, $command.Noun)
    Write-Paragraphs $doc['SYNOPSIS']
    $writer.WriteEndElement()
    Write-Paragraphs $doc['DESCRIPTION']

    $writer.WriteStartElement('command', 'syntax', $commandNs)
    foreach ($set in $command.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $commandNs)
        $writer.WriteElementString('maml', 'name', $maml, $command.Name)
        foreach ($setParameter in $set.Parameters | Where-Object { $_.Name -notin $commonParameterNames } | Sort-Object { if ($_.Position -ge 0) { $_.Position } else { 1000 } }, { -not $_.IsMandatory }, Name) {
            Write-Parameter $command.Parameters[$setParameter.Name] $setParameter $descriptions[$setParameter.Name]
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $commandNs)
    foreach ($parameter in $parameters | Sort-Object Name) {
        $setData = $parameter.ParameterSets.Values | Select-Object -First 1
        Write-Parameter $parameter $setData $descriptions[$parameter.Name]
    }
    $writer.WriteEndElement()

    Write-TypeList 'inputTypes' 'inputType' $(if ($doc.ContainsKey('INPUTS')) { $doc['INPUTS'] } else { '' })
    Write-TypeList 'returnValues' 'returnValue' $(if ($doc.ContainsKey('OUTPUTS')) { $doc['OUTPUTS'] } else { '' })

    if ($doc.ContainsKey('NOTES')) {
        $writer.WriteStartElement('maml', 'alertSet', $maml)
        $writer.WriteStartElement('maml', 'alert', $maml)
        foreach ($paragraph in Split-Paragraphs $doc['NOTES']) { $writer.WriteElementString('maml', 'para', $maml, $paragraph) }
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }

    $writer.WriteStartElement('command', 'examples', $commandNs)
    $examples = if ($doc.ContainsKey('EXAMPLES')) { Split-Entries $doc['EXAMPLES'] } else { @{} }
    if ($examples.Count -lt 2) { $problems.Add("$($command.Name): fewer than two examples") }
    foreach ($title in $examples.Keys) {
        $body = $examples[$title]
        $code = [regex]::Match($body, '(?s)```(?:powershell)?\s*\r?\n(?<code>.*?)```')
        if (-not $code.Success) { $problems.Add("$($command.Name): example '$title' has no code block") }
        $remarks = ($body -replace '(?s)```.*?```', '').Trim()
        $writer.WriteStartElement('command', 'example', $commandNs)
        $writer.WriteElementString('maml', 'title', $maml, "-------------------------- $title --------------------------")
        $writer.WriteElementString('dev', 'code', $dev, $code.Groups['code'].Value.TrimEnd())
        $writer.WriteStartElement('dev', 'remarks', $dev)
        foreach ($paragraph in Split-Paragraphs $remarks) { $writer.WriteElementString('maml', 'para', $maml, $paragraph) }
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'relatedLinks', $commandNs)
    $links = if ($doc.ContainsKey('RELATED LINKS')) { $doc['RELATED LINKS'] } else { '' }
    foreach ($link in [regex]::Matches($links, '\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)')) {
        $writer.WriteStartElement('maml', 'navigationLink', $maml)
        $writer.WriteElementString('maml', 'linkText', $maml, $link.Groups['text'].Value)
        $writer.WriteElementString('maml', 'uri', $maml, $link.Groups['uri'].Value)
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
}
$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Dispose()

if ($problems.Count) {
    $problems | ForEach-Object { Write-Host "help: $_" -ForegroundColor Red }
    throw "Help is incomplete ($($problems.Count) problem(s))."
}
Write-Host "Help written: $OutFile"
