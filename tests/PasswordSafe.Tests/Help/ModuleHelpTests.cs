using System;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// Every exported cmdlet's help, read through Get-Help from the built module as a user would
/// (the idea of PSScriptAnalyzer's ModuleHelp.Tests.ps1): real synopsis, description, examples,
/// every parameter documented and nothing documented that no longer exists.
/// </summary>
public sealed class ModuleHelpTests : IClassFixture<ModuleHelpFixture>
{
    // One object per cmdlet: what Get-Help shows next to what Get-Command says the cmdlet has.
    private const string DescribeHelp = @"
$help = Get-Help -Name $Name -Full -Category Cmdlet
$command = Get-Command -Name $Name -Module PasswordSafe -CommandType Cmdlet
$common = [System.Management.Automation.Cmdlet]::CommonParameters
[pscustomobject]@{
    Synopsis          = [string]$help.Synopsis
    Description       = (@($help.description) | ForEach-Object { $_.Text }) -join ""`n""
    ExampleCodes      = @(@($help.examples.example) | Where-Object { $_ } | ForEach-Object { [string]$_.code })
    HelpParameters    = @(@($help.parameters.parameter) | Where-Object { $_ } | ForEach-Object { [string]$_.name })
    UndescribedParameters = @(@($help.parameters.parameter) | Where-Object { $_ -and -not ((@($_.description) | ForEach-Object { $_.Text }) -join '').Trim() } | ForEach-Object { [string]$_.name })
    CommandParameters = @($command.Parameters.Keys | Where-Object { $common -notcontains $_ })
}";

    private readonly ModuleHelpFixture fixture;

    public ModuleHelpTests(ModuleHelpFixture fixture) => this.fixture = fixture;

    public static TheoryData<string> ExportedCmdlets => ModuleManifestData.CmdletsToExport();

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Help_HasAuthoredSynopsis(string cmdlet)
    {
        var help = Describe(cmdlet);
        var synopsis = ((string)help.Properties["Synopsis"].Value).Trim();
        Assert.False(string.IsNullOrWhiteSpace(synopsis), $"{cmdlet}: Get-Help shows no synopsis; write en-US/{cmdlet}.md.");
        // Without MAML, Get-Help makes the synopsis from the syntax: "Verb-Noun [-Param] <type> ... [<CommonParameters>]".
        Assert.DoesNotContain("<CommonParameters>", synopsis);
        Assert.False(synopsis.StartsWith(cmdlet + " ", StringComparison.OrdinalIgnoreCase),
            $"{cmdlet}: the synopsis is the auto-generated syntax ('{synopsis}'), so the MAML help was not found.");
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Help_HasDescription(string cmdlet)
    {
        var description = (string)Describe(cmdlet).Properties["Description"].Value;
        Assert.False(string.IsNullOrWhiteSpace(description), $"{cmdlet}: Get-Help shows no description.");
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Help_HasExampleWithCode(string cmdlet)
    {
        var codes = Strings(Describe(cmdlet), "ExampleCodes");
        Assert.True(codes.Length > 0, $"{cmdlet}: Get-Help shows no example.");
        Assert.All(codes, code => Assert.False(string.IsNullOrWhiteSpace(code), $"{cmdlet}: an example has no code."));
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Help_DocumentsEveryParameter(string cmdlet)
    {
        var help = Describe(cmdlet);
        var documented = Strings(help, "HelpParameters");
        // WhatIf and Confirm are not in CommonParameters, so they must be documented when the cmdlet has them.
        var missing = Strings(help, "CommandParameters").Where(p => !documented.Contains(p, StringComparer.OrdinalIgnoreCase)).ToArray();
        Assert.True(missing.Length == 0, $"{cmdlet}: parameters without help: {string.Join(", ", missing)}.");
        var undescribed = Strings(help, "UndescribedParameters");
        Assert.True(undescribed.Length == 0, $"{cmdlet}: parameters whose help has no description: {string.Join(", ", undescribed)}.");
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Help_DocumentsNoParameterThatIsGone(string cmdlet)
    {
        var help = Describe(cmdlet);
        var actual = Strings(help, "CommandParameters");
        var common = System.Management.Automation.Cmdlet.CommonParameters;
        var stale = Strings(help, "HelpParameters")
            .Where(p => !actual.Contains(p, StringComparer.OrdinalIgnoreCase) && !common.Contains(p))
            .ToArray();
        Assert.True(stale.Length == 0, $"{cmdlet}: help documents parameters it does not have: {string.Join(", ", stale)}.");
    }

    [Fact]
    public void AboutTopic_IsFoundByGetHelp()
    {
        var output = fixture.Runspace.Invoke("Get-Help -Name about_PasswordSafe");
        var text = string.Join("\n", output.Select(o => o.ToString()));
        Assert.Contains("SHORT DESCRIPTION", text);
        Assert.Contains("Connect-PasswordSafe", text);
        Assert.Contains("/emulator/audit", text);
    }

    private PSObject Describe(string cmdlet) =>
        Assert.Single(fixture.Runspace.Invoke(DescribeHelp, ("Name", cmdlet)));

    private static string[] Strings(PSObject help, string property) =>
        ((object[])help.Properties[property].Value).Select(item => item?.ToString() ?? "").ToArray();
}
