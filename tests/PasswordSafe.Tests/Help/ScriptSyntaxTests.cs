using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// build.ps1 and the Pester tests cannot run here (no pwsh), but PowerShell's own parser can at least
/// prove they are valid PowerShell before a user's machine finds out.
/// </summary>
public sealed class ScriptSyntaxTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string> { "build.ps1" };
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "Pester"), "*.ps1").OrderBy(p => p))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_ParsesWithoutErrors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(RepositoryPaths.Root, relativePath), out _, out var errors);

        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{relativePath}({e.Extent.StartLineNumber}): {e.Message}")));
    }
}
