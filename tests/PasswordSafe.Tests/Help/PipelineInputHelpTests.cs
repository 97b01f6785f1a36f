using System.Linq;
using System.Management.Automation;
using Xunit;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// What the help says a parameter takes from the pipeline, its aliases and whether it takes wildcards are what the cmdlet
/// declares: users read "Accept pipeline input" and the aliases to know which CSV columns and object properties bind
/// (Import-Csv | New-PSAsset), "Accept wildcard characters" to know whether 'web*' is a pattern or a name, and Required?
/// and Position? (one entry per parameter) hold in every parameter set.
/// </summary>
public sealed class PipelineInputHelpTests : IClassFixture<ModuleHelpFixture>
{
    // One row per documented parameter: the help's pipelineInput and aliases next to what Get-Command reports.
    private const string CompareParameters = @"
$help = Get-Help -Name $Name -Full -Category Cmdlet
$command = Get-Command -Name $Name -Module PasswordSafe -CommandType Cmdlet
foreach ($documented in @($help.parameters.parameter | Where-Object { $_ })) {
    $parameter = $command.Parameters[[string]$documented.name]
    if (-not $parameter) { continue }
    $sets = @($parameter.ParameterSets.Values)
    # The sets the syntax shows: a DontShow membership only lets piped objects bind and is not documented.
    $shown = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and -not $_.DontShow })
    $kinds = @()
    if ($sets | Where-Object { $_.ValueFromPipelineByPropertyName }) { $kinds += 'ByPropertyName' }
    if ($sets | Where-Object { $_.ValueFromPipeline }) { $kinds += 'ByValue' }
    [pscustomobject]@{
        Parameter       = [string]$documented.name
        HelpPipeline    = ([string]$documented.pipelineInput).Trim()
        ActualPipeline  = if ($kinds) { 'True (' + ($kinds -join ', ') + ')' } else { 'False' }
        HelpAliases     = [string[]]@(([string]$documented.aliases).Split(',') | ForEach-Object { $_.Trim() } | Where-Object { $_ -and $_ -ne 'None' })
        ActualAliases   = [string[]]@($parameter.Aliases)
        HelpRequired    = ([string]$documented.required).Trim()
        ActualRequired  = if (@($shown | Where-Object { -not $_.Mandatory }).Count -eq 0) { 'true' } else { 'false' }
        RequiredInSome  = @($shown | Where-Object { $_.Mandatory }).Count -gt 0 -and @($shown | Where-Object { -not $_.Mandatory }).Count -gt 0
        HelpDescription = [string]::Join(' ', @($documented.description | ForEach-Object { $_.Text }))
        HelpPositions   = [string[]]@([regex]::Matches(([string]$documented.position), '(?:^|, )(\w+)(?: \([^)]*\))?') | ForEach-Object { $_.Groups[1].Value.ToLowerInvariant() })
        ActualPositions = [string[]]@($shown | ForEach-Object { if ($_.Position -lt 0) { 'named' } else { [string]$_.Position } })
        HelpWildcards   = ([string]$documented.globbing).Trim()
        ActualWildcards = if ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }) { 'true' } else { 'false' }
    }
}";

    private readonly ModuleHelpFixture fixture;

    public PipelineInputHelpTests(ModuleHelpFixture fixture) => this.fixture = fixture;

    public static TheoryData<string> ExportedCmdlets => ModuleManifestData.CmdletsToExport();

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Help_AcceptPipelineInput_IsWhatTheParameterDeclares(string cmdlet)
    {
        var wrong = Rows(cmdlet)
            .Where(r => (string)r.Properties["HelpPipeline"].Value != (string)r.Properties["ActualPipeline"].Value)
            .Select(r => $"-{r.Properties["Parameter"].Value}: help says '{r.Properties["HelpPipeline"].Value}', the cmdlet '{r.Properties["ActualPipeline"].Value}'")
            .ToArray();

        Assert.True(wrong.Length == 0, $"{cmdlet}: 'Accept pipeline input' in en-US/{cmdlet}.md is wrong:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Help_Aliases_AreWhatTheParameterDeclares(string cmdlet)
    {
        var wrong = Rows(cmdlet)
            .Select(r => (Name: r.Properties["Parameter"].Value, Help: Sorted(r.Properties["HelpAliases"].Value), Actual: Sorted(r.Properties["ActualAliases"].Value)))
            .Where(r => r.Help != r.Actual)
            .Select(r => $"-{r.Name}: help says '{r.Help}', the cmdlet '{r.Actual}'")
            .ToArray();

        Assert.True(wrong.Length == 0, $"{cmdlet}: 'Aliases' in en-US/{cmdlet}.md is wrong:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Help_AcceptWildcardCharacters_IsWhatTheParameterDeclares(string cmdlet)
    {
        var wrong = Rows(cmdlet)
            .Where(r => !string.Equals((string)r.Properties["HelpWildcards"].Value, (string)r.Properties["ActualWildcards"].Value, System.StringComparison.OrdinalIgnoreCase))
            .Select(r => $"-{r.Properties["Parameter"].Value}: help says '{r.Properties["HelpWildcards"].Value}', the cmdlet '{r.Properties["ActualWildcards"].Value}'")
            .ToArray();

        Assert.True(wrong.Length == 0, $"{cmdlet}: 'Accept wildcard characters' in en-US/{cmdlet}.md is wrong:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Help_RequiredAndPosition_HoldForEveryParameterSet(string cmdlet)
    {
        // Get-Help -Parameter shows one entry per parameter: where the sets differ it must not show one set's values
        // as the parameter's (Use-PSCredential -ScriptBlock is position 2 by name, 0 by id; Connect-PasswordSafe -RunAs
        // is required with a key, not with OAuth).
        var wrong = Rows(cmdlet).SelectMany(r =>
        {
            var problems = new System.Collections.Generic.List<string>();
            var name = r.Properties["Parameter"].Value;
            if (((object[])r.Properties["ActualPositions"].Value is { Length: 0 }))
            {
                return problems; // hidden in every set (DontShow): only piped objects bind it
            }

            if ((string)r.Properties["HelpRequired"].Value != (string)r.Properties["ActualRequired"].Value)
                problems.Add($"-{name}: Required? is '{r.Properties["HelpRequired"].Value}', the cmdlet '{r.Properties["ActualRequired"].Value}'");
            if ((bool)r.Properties["RequiredInSome"].Value && !((string)r.Properties["HelpDescription"].Value).Contains("Required in the ", System.StringComparison.Ordinal))
                problems.Add($"-{name}: required in some parameter sets only, and the help does not say in which");
            var help = DistinctSorted(r.Properties["HelpPositions"].Value);
            var actual = DistinctSorted(r.Properties["ActualPositions"].Value);
            if (help != actual)
                problems.Add($"-{name}: Position? gives '{help}', the cmdlet's sets '{actual}'");
            return problems;
        }).ToArray();

        Assert.True(wrong.Length == 0, $"{cmdlet}: Get-Help -Parameter is wrong for some parameter sets:\n" + string.Join("\n", wrong));
    }

    private static string DistinctSorted(object? values) =>
        string.Join(", ", ((values as PSObject)?.BaseObject ?? values) is string[] list ? list.Distinct().OrderBy(v => v, System.StringComparer.Ordinal) : Enumerable.Empty<string>());

    private static string Sorted(object? names) =>
        string.Join(", ", ((names as PSObject)?.BaseObject ?? names) is string[] list ? list.OrderBy(n => n, System.StringComparer.OrdinalIgnoreCase) : Enumerable.Empty<string>());

    private PSObject[] Rows(string cmdlet) => fixture.Runspace.Invoke(CompareParameters, ("Name", cmdlet)).ToArray();
}
