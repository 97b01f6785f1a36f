using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Xunit;

namespace PasswordSafe.Tests;

public class ProbeTests
{
    [Fact]
    public void ModuleImportsThroughManifest()
    {
        var manifest = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../out/PasswordSafe/PasswordSafe.psd1"));
        var iss = InitialSessionState.CreateDefault2();
        using var ps = PowerShell.Create(iss);
        ps.AddScript($"Import-Module '{manifest}' -ErrorAction Stop; Get-PasswordSafeSession; (Get-Command -Module PasswordSafe).Name; (Test-ModuleManifest '{manifest}').Version");
        var results = ps.Invoke();
        foreach (var e in ps.Streams.Error) Console.WriteLine("ERR: " + e);
        Assert.Empty(ps.Streams.Error);
        Assert.Equal("probe", results[0].BaseObject);
    }
}
