using System;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// build.ps1 and the Pester tests cannot run here (no pwsh), but PowerShell's own parser can at least
/// prove they are valid PowerShell, and its static binder that every parameter they name on the module's
/// commands exists, before a user's machine finds out.
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

    // Splatting and pipeline input are invisible to a static binder: only the named parameters are judged.
    private const string BindingCheck = """
        param($Path)
        $exported = @{}
        foreach ($command in Get-Command -Module PasswordSafe) { $exported[$command.Name] = $true }
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$null, [ref]$null)
        $checked = 0
        foreach ($command in $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true)) {
            $name = $command.GetCommandName()
            if (-not $name -or -not $exported.ContainsKey($name)) { continue }
            $checked++
            $binding = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($command, $true)
            foreach ($failure in $binding.BindingExceptions.Values) {
                if ($failure.BindingException.ErrorId -in 'NamedParameterNotFound', 'AmbiguousParameter', 'ParameterAlreadyBound') {
                    "line $($command.Extent.StartLineNumber): $name $($failure.BindingException.Message)"
                }
            }
        }
        "checked $checked"
        """;

    public static TheoryData<string> PesterScripts()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "Pester"), "*.Tests.ps1").OrderBy(p => p))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PesterScripts))]
    public void PesterScript_NamesOnlyParametersTheModulesCommandsHave(string fileName)
    {
        using var shell = PowerShellRunner.Start();
        shell.SetVariable("PesterFile", Path.Combine(RepositoryPaths.Root, "tests", "Pester", fileName));

        var lines = shell.Run("& {" + BindingCheck + "} -Path $PesterFile").AssertSuccess().Output.Select(o => o.ToString()).ToList();

        var problems = lines.Where(l => !l.StartsWith("checked ", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, fileName + ":\n" + string.Join("\n", problems));
        Assert.Contains(lines, l => l.StartsWith("checked ", StringComparison.Ordinal));
    }

    [Fact]
    public void TheBindingCheck_FindsAMistypedParameter()
    {
        var path = Path.Combine(Path.GetTempPath(), "passwordsafe-binding-" + Guid.NewGuid().ToString("N") + ".ps1");
        File.WriteAllText(path, "Get-PSRequest -Statuss Active\nNew-PSRequest web01 Administrator -Reason ok -DurationMinute 5\n");
        try
        {
            using var shell = PowerShellRunner.Start();
            shell.SetVariable("PesterFile", path);

            var lines = shell.Run("& {" + BindingCheck + "} -Path $PesterFile").AssertSuccess().Output.Select(o => o.ToString()).ToList();

            Assert.Contains(lines, l => l.StartsWith("line 1: Get-PSRequest", StringComparison.Ordinal) && l.Contains("'Statuss'", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.StartsWith("line 2:", StringComparison.Ordinal));
            Assert.Contains("checked 2", lines);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
