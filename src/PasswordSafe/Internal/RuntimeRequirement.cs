using System;
using System.Management.Automation;

namespace PasswordSafe.Internal;

/// <summary>
/// The runtimes the module runs on: Windows PowerShell 5.1 (.NET Framework 4.7.2 or later) and PowerShell 7.2 or later
/// (.NET 6+). PowerShell 7.0 and 7.1 (.NET Core 3.1, .NET 5) carry Newtonsoft.Json 12.0.0.0 in their own load context,
/// and the module's 13.0.0.0 cannot load beside it: the first cmdlet that reads JSON would fail with a FileLoadException
/// that names neither the module nor the fix. The import is refused instead, before anything else runs.
/// </summary>
internal static class RuntimeRequirement
{
    /// <summary>The first .NET whose PowerShell (7.2) carries Newtonsoft.Json 13.</summary>
    public const int MinimumDotNet = 6;

    /// <summary>Why the module cannot run on <paramref name="runtime"/>, or null when it can.</summary>
    public static string? Problem(ClrRuntime runtime) =>
        runtime.IsCoreBefore(MinimumDotNet)
            ? $"The PasswordSafe module needs PowerShell 7.2 or later, or Windows PowerShell 5.1. This is {runtime.PowerShellName}, which " +
              "loads its own Newtonsoft.Json 12.0.0.0, and the module's Newtonsoft.Json 13.0.0.0 cannot load beside it. " +
              "Install PowerShell 7.2 or later (or run the script in Windows PowerShell 5.1) and import the module there."
            : null;

    /// <summary>Throws the import's error on a runtime the module cannot run on: Import-Module shows it, with its id.</summary>
    public static void Ensure(ClrRuntime runtime)
    {
        if (Problem(runtime) is { } problem)
        {
            var cause = new PlatformNotSupportedException(problem);
            throw new RuntimeException(problem, cause, new ErrorRecord(cause, ErrorIds.UnsupportedPowerShell, ErrorCategory.NotInstalled, runtime.PowerShellName));
        }
    }
}
