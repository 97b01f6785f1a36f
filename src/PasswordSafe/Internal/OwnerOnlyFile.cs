using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace PasswordSafe.Internal;

/// <summary>
/// Creates a new file that only its owner can read and write, for files holding a secret (an .rdp file's one-time
/// ticket). On Linux and macOS that takes <c>FileStreamOptions.UnixCreateMode</c> (.NET 7+, so PowerShell 7.3+): the
/// mode is set by the create call itself, so the file is never readable by others, not even for a moment. netstandard2.0
/// cannot name that type, so it is found by reflection, as DependencyResolver finds AssemblyLoadContext; no P/Invoke, no
/// chmod. On Windows the file inherits its folder's ACL (a user profile's folders are the user's own); older runtimes
/// off Windows (PowerShell 7.2 and earlier) get the default mode, which <see cref="CanRestrict"/> reports.
/// </summary>
internal static class OwnerOnlyFile
{
    // UnixFileMode.UserRead | UnixFileMode.UserWrite: 0600.
    private const int OwnerReadWrite = 0x100 | 0x80;

    private static readonly Func<string, FileStream>? s_createOwnerOnly = FindOwnerOnlyCreate();

    /// <summary>True where a new file can be made owner-only (or the platform's ACLs decide, on Windows).</summary>
    public static bool CanRestrict => IsWindows || s_createOwnerOnly != null;

    private static bool IsWindows => Environment.OSVersion.Platform == PlatformID.Win32NT;

    /// <summary>Creates <paramref name="path"/>, which must not exist yet, open for writing and shared with no one.</summary>
    public static FileStream CreateNew(string path) =>
        s_createOwnerOnly != null ? s_createOwnerOnly(path) : new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

    private static Func<string, FileStream>? FindOwnerOnlyCreate()
    {
        if (IsWindows)
        {
            return null; // UnixCreateMode throws there; the folder's ACL applies.
        }

        var runtime = typeof(FileStream).Assembly;
        var optionsType = runtime.GetType("System.IO.FileStreamOptions", throwOnError: false);
        var modeType = runtime.GetType("System.IO.UnixFileMode", throwOnError: false);
        var unixCreateMode = optionsType?.GetProperty("UnixCreateMode");
        var mode = optionsType?.GetProperty("Mode");
        var access = optionsType?.GetProperty("Access");
        var share = optionsType?.GetProperty("Share");
        var constructor = optionsType == null ? null : typeof(FileStream).GetConstructor(new[] { typeof(string), optionsType });
        if (modeType == null || unixCreateMode == null || mode == null || access == null || share == null || constructor == null)
        {
            return null;
        }

        var ownerReadWrite = Enum.ToObject(modeType, OwnerReadWrite);
        return path =>
        {
            var options = Activator.CreateInstance(optionsType!);
            mode.SetValue(options, FileMode.CreateNew);
            access.SetValue(options, FileAccess.Write);
            share.SetValue(options, FileShare.None);
            unixCreateMode.SetValue(options, ownerReadWrite);
            try
            {
                return (FileStream)constructor.Invoke(new[] { path, options });
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                // The caller handles IOException and UnauthorizedAccessException as it would from new FileStream(…).
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        };
    }
}
