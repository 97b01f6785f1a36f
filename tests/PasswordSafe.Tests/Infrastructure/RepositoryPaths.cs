using System;
using System.IO;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>Locates the repository and the built module, so tests import exactly what users import.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder holding PasswordSafe.sln.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>out/PasswordSafe/PasswordSafe.psd1: the module is imported only through its manifest.</summary>
    public static string ModuleManifest => Path.Combine(Root, "out", "PasswordSafe", "PasswordSafe.psd1");

    /// <summary>The seed copied beside the test assembly.</summary>
    public static string TestSeed => Path.Combine(AppContext.BaseDirectory, "Seeds", "test-seed.json");

    private static string FindRoot()
    {
        // Walk up from the test output folder rather than trusting a fixed depth (bin/Debug/net10.0 may change).
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PasswordSafe.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"PasswordSafe.sln not found above {AppContext.BaseDirectory}.");
    }
}
