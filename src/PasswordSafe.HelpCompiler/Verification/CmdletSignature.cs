using System.Collections.Generic;

namespace PasswordSafe.HelpCompiler.Verification;

/// <summary>What the module DLL declares about one cmdlet: its name and the parameters a user can type.</summary>
internal sealed class CmdletSignature
{
    public CmdletSignature(string name, string typeName, bool supportsShouldProcess, bool supportsPaging, IReadOnlyCollection<string> parameters)
    {
        Name = name;
        TypeName = typeName;
        SupportsShouldProcess = supportsShouldProcess;
        SupportsPaging = supportsPaging;
        Parameters = parameters;
    }

    public string Name { get; }

    public string TypeName { get; }

    /// <summary>True when PowerShell adds -WhatIf and -Confirm, which the help must then document.</summary>
    public bool SupportsShouldProcess { get; }

    /// <summary>True when PowerShell adds -First, -Skip and -IncludeTotalCount, which the help must then document.</summary>
    public bool SupportsPaging { get; }

    /// <summary>Declared [Parameter] properties, including those inherited from base cmdlets in the same DLL.</summary>
    public IReadOnlyCollection<string> Parameters { get; }
}
