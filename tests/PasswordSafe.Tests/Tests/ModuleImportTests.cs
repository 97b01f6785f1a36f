using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>The module loads from out/PasswordSafe through its manifest, as users load it.</summary>
public sealed class ModuleImportTests
{
    [Fact]
    public void Import_ThroughManifest_ExportsEveryFoundationCmdlet()
    {
        using var shell = PowerShellRunner.Start();

        var names = shell.Run("(Get-Command -Module PasswordSafe).Name").AssertSuccess()
            .Output.Select(o => o.ToString()).OrderBy(n => n).ToArray();

        // The exact export list is checked against the DLL by Help/ModuleManifestTests; here: the foundation is all there.
        Assert.Superset(new HashSet<string>
        {
            "Connect-PasswordSafe", "Disconnect-PasswordSafe", "Get-PasswordSafeSession",
            "Invoke-PSRestMethod", "Test-PasswordSafeSession", "Use-PasswordSafeSession",
        }, new HashSet<string>(names));
    }

    [Fact]
    public void Import_ManifestIsValid_AndMatchesTheLoadedVersion()
    {
        using var shell = PowerShellRunner.Start();

        var versions = shell.Run("(Test-ModuleManifest -Path $PasswordSafeManifest).Version.ToString(); (Get-Module PasswordSafe).Version.ToString()")
            .AssertSuccess().Output.Select(o => o.ToString()).ToArray();

        Assert.Equal(2, versions.Length);
        Assert.Equal(versions[0], versions[1]);
    }

    [Fact]
    public void NotConnected_NoSessionAndNoDefault_ClearErrorInsteadOfACall()
    {
        using var shell = PowerShellRunner.Start();

        var result = shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users'");

        var error = result.AssertError("NotConnected", ErrorCategory.InvalidOperation);
        Assert.Contains("Connect-PasswordSafe", error.ToString() + error.ErrorDetails?.RecommendedAction);
    }

    [Fact]
    public void GetSession_BeforeConnect_ReturnsNothing()
    {
        using var shell = PowerShellRunner.Start();

        var result = shell.Run("Get-PasswordSafeSession; Get-PasswordSafeSession -All").AssertSuccess();

        Assert.Empty(result.Output);
    }

    [Fact]
    public void EveryCmdlet_DeclaresItsOutputType_AndNoneClashesWithABuiltInCommand()
    {
        using var shell = PowerShellRunner.Start();

        var missing = shell.Run("Get-Command -Module PasswordSafe | Where-Object { $_.OutputType.Count -eq 0 } | ForEach-Object Name")
            .AssertSuccess().Output.Select(o => o.ToString()).ToArray();
        var clashing = shell.Run("Get-Command -Module PasswordSafe | Where-Object { @(Get-Command $_.Name -All).Count -gt 1 } | ForEach-Object Name")
            .AssertSuccess().Output.Select(o => o.ToString()).ToArray();

        Assert.Empty(missing);
        Assert.Empty(clashing);
    }

    [Fact]
    public void EveryStateChangingCmdlet_SupportsWhatIf_AndRemoveOrResetAskFirst()
    {
        using var shell = PowerShellRunner.Start();

        // Verbs that change server or session state must support -WhatIf/-Confirm; deletes, key rotation and
        // secret recycle are ConfirmImpact.High (issue 4, quality bar).
        var offenders = shell.Run(@"
            $changing = 'New','Set','Remove','Add','Approve','Deny','Complete','Reset','Grant','Start','Disconnect','Use'
            foreach ($c in Get-Command -Module PasswordSafe) {
                $impact = $c.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0].ConfirmImpact
                if ($changing -contains $c.Verb -and -not $c.Parameters.ContainsKey('WhatIf')) { ""$($c.Name): no -WhatIf"" }
                if (('Remove','Reset') -contains $c.Verb -and $impact -ne 'High') { ""$($c.Name): ConfirmImpact $impact"" }
            }").AssertSuccess().Output.Select(o => o.ToString()).ToArray();

        Assert.Empty(offenders);
    }
}
