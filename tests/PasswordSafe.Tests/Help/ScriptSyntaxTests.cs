using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
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
        param([string[]] $Code)
        $exported = @{}
        foreach ($command in Get-Command -Module PasswordSafe) { $exported[$command.Name] = $true }
        $checked = 0
        foreach ($text in $Code) {
            $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($text, [ref]$null, [ref]$errors)
            foreach ($error in $errors) { "parse error: $($error.Message) in: $text" }
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
        }
        "checked $checked"
        """;

    private static List<string> CheckBindings(params string[] code)
    {
        using var shell = PowerShellRunner.Start();
        shell.SetVariable("CodeToCheck", code);
        return shell.Run("& {" + BindingCheck + "} -Code $CodeToCheck").AssertSuccess().Output.Select(o => o.ToString()).ToList();
    }

    private static void AssertNoProblems(string origin, List<string> lines)
    {
        var problems = lines.Where(l => !l.StartsWith("checked ", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, origin + ":\n" + string.Join("\n", problems));
        Assert.Contains(lines, l => l.StartsWith("checked ", StringComparison.Ordinal));
    }

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
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Pester", fileName));

        AssertNoProblems(fileName, CheckBindings(text));
    }

    public static TheoryData<string> HelpFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "en-US"), "*.md").OrderBy(p => p))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    /// <summary>Every example a user copies out of the help names only parameters that exist.</summary>
    [Theory]
    [MemberData(nameof(HelpFiles))]
    public void HelpExamples_NameOnlyParametersTheModulesCommandsHave(string fileName)
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "en-US", fileName));
        var blocks = Regex.Matches(markdown, @"^```powershell\r?\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .ToArray();

        AssertNoProblems(fileName, CheckBindings(blocks));
    }

    [Fact]
    public void TheBindingCheck_FindsAMistypedParameter_AndAcceptsAnUnambiguousPrefix()
    {
        var lines = CheckBindings("Get-PSRequest -Statuss Active\nNew-PSRequest web01 Administrator -Reason ok -DurationMinute 5\n");

        Assert.Contains(lines, l => l.StartsWith("line 1: Get-PSRequest", StringComparison.Ordinal) && l.Contains("'Statuss'", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("line 2:", StringComparison.Ordinal));
        Assert.Contains("checked 2", lines);
    }
}
