# Import-Module of the built module in a cold pwsh -NoProfile, against a cold pwsh -NoProfile that only exits.
# Target (Foundation issue): the import adds at most 250 ms.
param($Context)

$pwsh = $Context.Pwsh
@{
    Name        = 'Import'
    Description = 'cold pwsh -NoProfile + Import-Module WAOps vs cold pwsh -NoProfile that only exits'
    Target      = 'import adds <= 250 ms (median difference)'
    Iterations  = 15
    WAOps       = { @{ Command = @($pwsh + @('-NoProfile', '-NonInteractive', '-Command', "Import-Module '$($Context.ModuleManifest)'")); Environment = @{} } }.GetNewClosure()
    Baseline    = { @{ Command = @($pwsh + @('-NoProfile', '-NonInteractive', '-Command', 'exit')); Environment = @{} } }.GetNewClosure()
    Judge       = { param($r) if ($r.DifferenceMs -le 250) { "met ($($r.DifferenceMs) ms)" } else { "missed ($($r.DifferenceMs) ms)" } }
}
