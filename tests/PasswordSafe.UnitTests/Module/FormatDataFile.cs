using System;
using System.IO;

namespace PasswordSafe.UnitTests.Module;

/// <summary>The module's format data in the repository, found from the test's output folder upwards.</summary>
internal static class FormatDataFile
{
    public static string Path()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var path = System.IO.Path.Combine(dir.FullName, "src", "PasswordSafe", "PasswordSafe.format.ps1xml");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("PasswordSafe.format.ps1xml not found above " + AppContext.BaseDirectory);
    }
}
