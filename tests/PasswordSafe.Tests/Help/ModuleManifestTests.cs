using System;
using System.Linq;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Help;

/// <summary>The manifest users install: valid, exporting exactly the DLL's cmdlets and nothing else, for 5.1 and 7.</summary>
public sealed class ModuleManifestTests
{
    [Fact]
    public void Manifest_PassesTestModuleManifest()
    {
        using var runspace = new HelpRunspace();
        var output = runspace.Invoke("Test-ModuleManifest -Path $Manifest -ErrorAction Stop", ("Manifest", RepositoryPaths.ModuleManifest));
        Assert.Equal("PasswordSafe", Assert.Single(output).Properties["Name"].Value);
    }

    [Fact]
    public void CmdletsToExport_EqualsTheCmdletsTheDllDefines()
    {
        var declared = ModuleManifestData.List(ModuleManifestData.Read(), "CmdletsToExport")
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();

        // Importing the DLL itself (not the manifest) exports every cmdlet it defines.
        using var runspace = new HelpRunspace();
        var dll = System.IO.Path.Combine(RepositoryPaths.Root, "out", "PasswordSafe", "PasswordSafe.dll");
        var defined = runspace.Invoke("(Import-Module -Name $Dll -PassThru -ErrorAction Stop).ExportedCmdlets.Keys", ("Dll", dll))
            .Select(o => o.ToString()).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();

        Assert.Equal(defined, declared);
    }

    [Theory]
    [InlineData("FunctionsToExport")]
    [InlineData("AliasesToExport")]
    [InlineData("VariablesToExport")]
    public void OtherExports_AreExplicitlyEmpty(string key)
    {
        var manifest = ModuleManifestData.Read();
        // Present and empty: a missing key means "export everything" and slows module discovery.
        Assert.True(manifest.ContainsKey(key), $"{key} is missing from the manifest; set it to @().");
        Assert.Empty(ModuleManifestData.List(manifest, key));
    }

    [Fact]
    public void Manifest_TargetsWindowsPowerShellAndPowerShell7()
    {
        var manifest = ModuleManifestData.Read();
        Assert.Equal(new[] { "Core", "Desktop" }, ModuleManifestData.List(manifest, "CompatiblePSEditions").OrderBy(e => e, StringComparer.Ordinal));
        Assert.Equal("5.1", manifest["PowerShellVersion"]);
    }
}
