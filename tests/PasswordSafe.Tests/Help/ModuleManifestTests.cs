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

    /// <summary>
    /// The README's cmdlet tables and about_PasswordSafe's lists are how a newcomer learns what exists: every exported
    /// cmdlet is named there (verbs may share a noun: <c>Get/New/Remove-PSUserGroup</c>).
    /// </summary>
    [Theory]
    [InlineData("README.md")]
    [InlineData("en-US/about_PasswordSafe.md")]
    public void Overview_NamesEveryExportedCmdlet(string page)
    {
        var text = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Root, page));
        var named = System.Text.RegularExpressions.Regex.Matches(text, @"(?<![\w/-])([A-Z][a-z]+(?:/[A-Z][a-z]+)*)-(PS\w+|PasswordSafe\w*)")
            .SelectMany(m => m.Groups[1].Value.Split('/').Select(verb => verb + "-" + m.Groups[2].Value))
            .ToHashSet(StringComparer.Ordinal);

        var missing = ModuleManifestData.List(ModuleManifestData.Read(), "CmdletsToExport").Where(c => !named.Contains(c)).ToArray();

        Assert.True(missing.Length == 0, $"{page} does not name: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Manifest_TargetsWindowsPowerShellAndPowerShell7()
    {
        var manifest = ModuleManifestData.Read();
        Assert.Equal(new[] { "Core", "Desktop" }, ModuleManifestData.List(manifest, "CompatiblePSEditions").OrderBy(e => e, StringComparer.Ordinal));
        Assert.Equal("5.1", manifest["PowerShellVersion"]);
    }
}
