using System;
using PasswordSafe.Tests.Infrastructure;

namespace PasswordSafe.Tests.Help;

/// <summary>One en-US runspace with the built module imported through its manifest, shared by a test class.</summary>
public sealed class ModuleHelpFixture : IDisposable
{
    public ModuleHelpFixture()
    {
        Runspace = new HelpRunspace();
        Runspace.Invoke("Import-Module -Name $Manifest -ErrorAction Stop", ("Manifest", RepositoryPaths.ModuleManifest));
    }

    public HelpRunspace Runspace { get; }

    public void Dispose() => Runspace.Dispose();
}
