using System;
using System.Runtime.InteropServices;

namespace PasswordSafe.Internal;

/// <summary>
/// The runtime facts that decide how the module behaves where runtimes differ: .NET Framework (Windows PowerShell 5.1)
/// or .NET (PowerShell 7), the .NET major version (PowerShell 7.0: 3, 7.1: 5, 7.2: 6, 7.4: 8, 7.6: 10) and Windows or
/// not. Decisions take an instance, so tests pass the facts of a runtime they do not run on.
/// </summary>
internal sealed class ClrRuntime
{
    public ClrRuntime(bool isNetFramework, int majorVersion, bool isWindows)
    {
        IsNetFramework = isNetFramework;
        MajorVersion = majorVersion;
        IsWindows = isWindows;
    }

    /// <summary>The runtime this process runs on.</summary>
    public static ClrRuntime Current { get; } = Detect(RuntimeInformation.FrameworkDescription, Environment.Version,
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows));

    /// <summary>True on .NET Framework 4.x (Windows PowerShell 5.1).</summary>
    public bool IsNetFramework { get; }

    /// <summary>The major version: 4 on .NET Framework, 3 on .NET Core 3.1, 5 and up on .NET 5+.</summary>
    public int MajorVersion { get; }

    public bool IsWindows { get; }

    /// <summary>.NET Core or .NET 5+ before <paramref name="major"/> (never .NET Framework).</summary>
    public bool IsCoreBefore(int major) => !IsNetFramework && MajorVersion < major;

    /// <summary>The PowerShell this runtime stands for, in words a user knows.</summary>
    public string PowerShellName =>
        IsNetFramework ? "Windows PowerShell 5.1"
        : MajorVersion <= 3 ? "PowerShell 7.0"
        : MajorVersion == 5 ? "PowerShell 7.1"
        : "PowerShell on .NET " + MajorVersion;

    public override string ToString() =>
        (IsNetFramework ? ".NET Framework " : ".NET ") + MajorVersion + (IsWindows ? " on Windows" : string.Empty);

    /// <summary>
    /// Reads the facts from what the runtime says of itself. <see cref="Environment.Version"/> is the runtime's version
    /// on .NET Core 3.0 and later; on .NET Framework it is the CLR's 4.0.30319.x.
    /// </summary>
    internal static ClrRuntime Detect(string frameworkDescription, Version environmentVersion, bool isWindows)
    {
        var isFramework = frameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);
        return new ClrRuntime(isFramework, isFramework ? 4 : environmentVersion.Major, isWindows);
    }
}
